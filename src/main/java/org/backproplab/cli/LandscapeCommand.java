package org.backproplab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import org.backproplab.engine.GradientCheck;
import org.backproplab.engine.LandscapePlane;
import org.backproplab.engine.Learner;
import org.backproplab.engine.LossLandscape;
import org.backproplab.engine.ParameterText;
import org.backproplab.lesson.Experiment;
import org.backproplab.lesson.LessonException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The loss landscape of a lesson over two of its parameters, as numbers: what the Landscape view
 * draws, for a notebook to plot or a student to check one point of by hand.
 */
@Command(name = "landscape",
        description = "Train K epochs, then print the mean training loss (no penalty) over a grid of two parameters as one JSON object"
                + " {\"x\": [...], \"y\": [...], \"loss\": [[...], ...]}, loss[i][j] at y[i] and x[j].")
final class LandscapeCommand implements Callable<Integer> {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** A 1001 × 1001 grid already takes minutes on a big network; more is surely a typo. */
    private static final int MOST_POINTS_A_SIDE = 1001;

    @Spec
    private CommandSpec spec;

    @Mixin
    private LessonArgument lesson;

    @Option(names = "--x", required = true, paramLabel = "PARAM",
            description = "The parameter along x: W{L}[{J},{I}] (the weight into neuron J of layer L from input I) or b{L}[{J}],"
                    + " counting from 1, layer 1 the first hidden layer; e.g. W1[2,1].")
    private String x;

    @Option(names = "--y", required = true, paramLabel = "PARAM", description = "The parameter along y, written as --x.")
    private String y;

    @Option(names = "--span", required = true, paramLabel = "S",
            description = "Each grid runs from the parameter's value − S to its value + S.")
    private double span;

    @Option(names = "--grid", required = true, paramLabel = "N", description = "Grid points per side, at least 2.")
    private int grid;

    @Option(names = "--epochs", defaultValue = "0", paramLabel = "K",
            description = "Epochs to train first (default: ${DEFAULT-VALUE}).")
    private long epochs;

    @Override
    public Integer call() throws LessonException {
        if (!(span > 0 && Double.isFinite(span))) {
            throw new BadArgument("--span must be a positive number, got " + span);
        }
        if (grid < 2 || grid > MOST_POINTS_A_SIDE) {
            throw new BadArgument("--grid must be from 2 to " + MOST_POINTS_A_SIDE + ", got " + grid);
        }
        if (epochs < 0) {
            throw new BadArgument("--epochs must be 0 or more, got " + epochs);
        }
        GradientCheck.Parameter alongX = parameter("--x", x);
        GradientCheck.Parameter alongY = parameter("--y", y);
        Learner learner = Experiment.of(lesson.load()).learner();
        if (epochs > 0 && learner.data().trainSize() == 0) {
            throw new BadArgument("the lesson has no training points to train on");
        }
        for (long epoch = 1; epoch <= epochs; epoch++) {
            learner.runEpoch();
            // A diverged network's map is all NaN: say so as train does, rather than print a map of nulls.
            if (Divergence.happened(learner, epoch == epochs ? OptionalDouble.of(learner.trainMetrics().loss()) : OptionalDouble.empty())) {
                return Divergence.report(spec.commandLine().getErr(), epoch, learner);
            }
        }
        LossLandscape.Map map;
        try {
            map = LossLandscape.through(learner.network(), learner.data(), learner.hyperparameters().loss(),
                    new LandscapePlane.TwoParameters(alongX, alongY)).map(span, grid);
        } catch (IllegalArgumentException e) {
            throw new BadArgument(e.getMessage());
        }
        spec.commandLine().getOut().println(json(map));
        return 0;
    }

    private static GradientCheck.Parameter parameter(String option, String text) {
        try {
            return ParameterText.parse(text);
        } catch (IllegalArgumentException e) {
            throw new BadArgument(option + ": " + e.getMessage());
        }
    }

    /** Non-finite losses (a diverged network) are written as null: JSON has no NaN or infinity. */
    private static ObjectNode json(LossLandscape.Map map) {
        ObjectNode root = MAPPER.createObjectNode();
        put(root.putArray("x"), map.x());
        put(root.putArray("y"), map.y());
        ArrayNode rows = root.putArray("loss");
        for (double[] row : map.loss()) {
            put(rows.addArray(), row);
        }
        return root;
    }

    private static void put(ArrayNode array, double[] values) {
        for (double value : values) {
            if (Double.isFinite(value)) {
                array.add(value);
            } else {
                array.addNull();
            }
        }
    }
}
