package org.backproplab.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.OptionalDouble;
import org.backproplab.engine.Learner;

/** Training that left the finite numbers: one check, one hint and one exit code for every command that trains. */
final class Divergence {

    /** Exit code when training blew up, so that scripts notice. */
    static final int EXIT_CODE = 3;

    private Divergence() {
    }

    /**
     * Whether training has diverged: weights turn NaN first; with finite weights the loss can still
     * overflow to infinity.
     *
     * @param trainLoss the training loss, when the caller measured it this epoch
     */
    static boolean happened(Learner learner, OptionalDouble trainLoss) {
        return !learner.network().isFinite() || (trainLoss.isPresent() && !Double.isFinite(trainLoss.getAsDouble()));
    }

    /** Says in which epoch, and what to try instead; returns the exit code. */
    static int report(PrintWriter err, long epoch, Learner learner) {
        double rate = learner.hyperparameters().optimizer().learningRate();
        err.printf(Locale.ROOT, "Training diverged in epoch %d: the weights or the loss are no longer finite numbers. "
                + "Try a smaller learning rate than %s, e.g. a tenth of it.%n", epoch, rate);
        return EXIT_CODE;
    }
}
