package org.backproplab.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.backproplab.engine.Learner;
import org.backproplab.lesson.Experiment;
import org.backproplab.lesson.LessonException;
import org.backproplab.lesson.TraceJson;
import org.backproplab.trace.StepTrace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Every number of the first training steps, one JSON line per step, so that a student (or a
 * notebook) can check the forward pass, δ, gradients and update against their own working.
 */
@Command(name = "trace",
        description = "Train N steps and print each step's full trace (forward, loss, backward, update) as one JSON line.")
final class TraceCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private LessonArgument lesson;

    @Option(names = "--steps", defaultValue = "1", paramLabel = "N",
            description = "Training steps to trace (default: ${DEFAULT-VALUE}).")
    private int steps;

    @Option(names = "--sample", paramLabel = "I",
            description = "Train on training sample I (counting from 0) at every step, instead of on the lesson's mini-batches.")
    private Integer sample;

    @Override
    public Integer call() throws LessonException {
        if (steps < 1) {
            throw new ParameterException(spec.commandLine(), "--steps must be at least 1, got " + steps);
        }
        Learner learner = Experiment.of(lesson.load()).learner();
        int trainSize = learner.data().trainSize();
        if (sample != null && (sample < 0 || sample >= trainSize)) {
            throw new ParameterException(spec.commandLine(), "--sample must be from 0 to " + (trainSize - 1)
                    + " (the lesson has " + trainSize + " training samples), got " + sample);
        }
        PrintWriter out = spec.commandLine().getOut();
        for (int step = 1; step <= steps; step++) {
            long epoch = learner.epoch();
            StepTrace trace = sample == null ? learner.tracedBatch() : learner.tracedSample(sample);
            out.println(TraceJson.line(step, epoch, trace));
        }
        return 0;
    }
}
