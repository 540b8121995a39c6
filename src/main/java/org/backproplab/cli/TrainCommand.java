package org.backproplab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import org.backproplab.engine.Learner;
import org.backproplab.engine.Metrics;
import org.backproplab.lesson.Experiment;
import org.backproplab.lesson.LessonException;
import org.backproplab.lesson.LessonFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Trains a lesson with no window and reports the losses, e.g. to prepare a lesson's trained weights. */
@Command(name = "train", description = "Train for N epochs, printing train/test loss and accuracy every K epochs.")
final class TrainCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private LessonArgument lesson;

    @Option(names = "--epochs", required = true, paramLabel = "N", description = "Epochs to train.")
    private long epochs;

    @Option(names = "--every", defaultValue = "1", paramLabel = "K",
            description = "Print a line every K epochs (default: ${DEFAULT-VALUE}); the last epoch is always printed.")
    private long every;

    @Option(names = "--json", description = "Print one JSON object per line instead of a table.")
    private boolean json;

    @Option(names = "--save", paramLabel = "OUT.json", description = "Save the trained lesson, weights included, to this file.")
    private Path save;

    @Override
    public Integer call() throws LessonException {
        if (epochs < 1) {
            throw new ParameterException(spec.commandLine(), "--epochs must be at least 1, got " + epochs);
        }
        if (every < 1) {
            throw new ParameterException(spec.commandLine(), "--every must be at least 1, got " + every);
        }
        Experiment experiment = Experiment.of(lesson.load());
        Learner learner = experiment.learner();
        PrintWriter out = spec.commandLine().getOut();
        ProgressReport report = json ? new ProgressReport.JsonLines() : new ProgressReport.Table();
        report.header(out);
        for (long epoch = 1; epoch <= epochs; epoch++) {
            learner.runEpoch();
            boolean reported = epoch % every == 0 || epoch == epochs;
            Metrics train = reported ? learner.trainMetrics() : null;
            if (Divergence.happened(learner, reported ? OptionalDouble.of(train.loss()) : OptionalDouble.empty())) {
                return Divergence.report(spec.commandLine().getErr(), epoch, learner);
            }
            if (reported) {
                report.row(out, epoch, train, learner.testMetrics());
                out.flush();
            }
        }
        if (save != null) {
            LessonFile.write(experiment.currentLesson(), save);
            spec.commandLine().getErr().println("Saved the trained lesson to " + save);
        }
        return 0;
    }
}
