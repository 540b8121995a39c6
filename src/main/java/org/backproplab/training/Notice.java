package org.backproplab.training;

import java.util.Optional;
import org.backproplab.engine.Refusal;

/** Something the trainer wants the user to know; the UI words it in the user's language. */
public sealed interface Notice {

    /**
     * The loss became NaN or infinite, or the weights ran away (past a million). Training paused
     * and the last healthy weights (from {@code restoredEpoch}) came back.
     */
    record Diverged(long epoch, long restoredEpoch, double learningRate) implements Notice {
    }

    /**
     * Something went wrong inside the lab: a bug, not anything the user did. Training paused and the
     * last good network (from {@code restoredEpoch}) came back. {@code details} is the technical
     * report (the stack trace, also written to the fault log), for the user to pass on; never to show
     * as the message itself.
     */
    record Failed(long restoredEpoch, String details) implements Notice {
    }

    /**
     * A command could not be applied; nothing changed. {@code reason} is a short English explanation;
     * {@code rule} the network rule it broke, if that was why, for the UI to word in the user's language.
     */
    record Rejected(TrainerCommand command, String reason, Optional<Refusal> rule) implements Notice {

        public Rejected(TrainerCommand command, String reason) {
            this(command, reason, Optional.empty());
        }
    }

    /**
     * An undo or redo brought back batch normalisation while the batch size was below what it can
     * train on, so the batch size rose from {@code from} to {@code to}, the smallest it allows.
     */
    record BatchSizeRaised(int from, int to) implements Notice {
    }
}
