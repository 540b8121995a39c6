package org.backproplab.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Collectors;
import org.backproplab.data.Generator;
import org.backproplab.engine.Activation;
import org.backproplab.engine.Hyperparameters;
import org.backproplab.engine.Initializer;
import org.backproplab.engine.InputFeature;
import org.backproplab.engine.LandscapePlane;
import org.backproplab.engine.LayerSpec;
import org.backproplab.engine.Learner;
import org.backproplab.engine.Loss;
import org.backproplab.engine.LossLandscape;
import org.backproplab.engine.Network;
import org.backproplab.engine.NeuronMaps;
import org.backproplab.engine.OptimizerSettings;
import org.backproplab.lesson.DataSpec;
import org.backproplab.lesson.Experiment;
import org.backproplab.lesson.Lesson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * How fast this machine trains and draws heatmaps, on TensorFlow Playground's spiral with its
 * defaults: the figures that decide whether the window can train at full speed while redrawing
 * every neuron's heatmap. Prints figures only; it asserts nothing.
 */
@Command(name = "bench",
        description = "Measure training speed (epochs/s), heatmap and loss landscape time (ms) on the spiral data set.")
final class BenchCommand implements Callable<Integer> {

    private static final int GRID_WIDTH = 100;
    /** The heatmap's extent, TensorFlow Playground's [-6, 6]. */
    private static final double GRID_MIN = -6;
    private static final double GRID_MAX = 6;
    private static final String ROW = "%-48s %9s %9s %9s %9s  %-9s %s%n";

    @Spec
    private CommandSpec spec;

    @Option(names = "--seconds", defaultValue = "3", paramLabel = "S",
            description = "Seconds of timed rounds per figure (default: ${DEFAULT-VALUE}); an untimed warm-up as long comes first.")
    private double seconds;

    /** Enough rounds that one slowed by another program moves the min or max, not the median. */
    @Option(names = "--rounds", defaultValue = "9", paramLabel = "N",
            description = "Timed rounds per figure, whose median, min and max are printed (default: ${DEFAULT-VALUE}).")
    private int rounds;

    /** A network shape to measure: its hidden layer sizes, and the target it should reach, if any. */
    private record Shape(List<Integer> hidden, String trainingTarget, String heatmapTarget) {

        String name() {
            return "2-" + hidden.stream().map(String::valueOf).collect(Collectors.joining("-")) + "-1";
        }
    }

    private static final List<Shape> SHAPES = List.of(
            new Shape(List.of(4, 2), ">= 60,000", ""),
            new Shape(List.of(8, 8, 8, 8, 8, 8), ">= 8,000", "<= 2"));
    /** The heatmaps' target when only one core computes them (the grid is then never split). */
    private static final String ONE_CORE_HEATMAP_TARGET = "<= 3";
    private static final int LANDSCAPE_GRID = 41;
    private static final String LANDSCAPE_TARGET = "<= 100";

    @Override
    public Integer call() {
        if (!(seconds > 0 && seconds < 3600)) {
            throw new ParameterException(spec.commandLine(), "--seconds must be a positive number of seconds, got " + seconds);
        }
        if (rounds < 1 || rounds > 1000) {
            throw new ParameterException(spec.commandLine(), "--rounds must be from 1 to 1000, got " + rounds);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "Backprop Lab benchmark: %d cores, Java %s (%s %s)%n",
                Runtime.getRuntime().availableProcessors(), Runtime.version(),
                System.getProperty("java.vm.vendor"), System.getProperty("java.vm.name"));
        // Other busy processes skew every figure; the load says whether to trust them.
        reportLoad(out, "start");
        out.printf(Locale.ROOT, "Spiral, 500 points (250 train), batch 10, tanh everywhere, squared error, SGD 0.03.%n");
        out.printf(Locale.ROOT, "Each figure: median of %d rounds of %.2f s after a %.2f s warm-up.%n",
                rounds, seconds / rounds, seconds);
        out.printf(Locale.ROOT, "cpu: the median in CPU time of the measuring thread, which other programs do not stretch;"
                + " with two threads it counts this thread's half, about the wall time on an idle machine.%n%n");
        out.printf(Locale.ROOT, ROW, "measure", "median", "min", "max", "cpu", "unit", "target");
        for (Shape shape : SHAPES) {
            Learner learner = Experiment.of(spiralLesson(shape)).learner();
            row(out, "train " + shape.name(), time(learner::runEpoch), secondsPerEpoch -> 1 / secondsPerEpoch,
                    "%,.0f", "epochs/s", shape.trainingTarget());
        }
        for (Shape shape : SHAPES) {
            Heatmaps heatmaps = new Heatmaps(Experiment.of(spiralLesson(shape)));
            row(out, "heatmaps 100x100 " + shape.name() + " (every neuron)", time(heatmaps::draw),
                    secondsPerMap -> 1000 * secondsPerMap, "%.2f", "ms", shape.heatmapTarget());
        }
        Shape deepest = SHAPES.getLast();
        Heatmaps oneCore = new Heatmaps(Experiment.of(spiralLesson(deepest)), false);
        row(out, "heatmaps 100x100 " + deepest.name() + " (one thread)", time(oneCore::draw),
                secondsPerMap -> 1000 * secondsPerMap, "%.2f", "ms", ONE_CORE_HEATMAP_TARGET);
        row(out, "landscape 41x41 " + deepest.name() + " (250 points)", time(landscape(deepest)),
                secondsPerMap -> 1000 * secondsPerMap, "%.2f", "ms", LANDSCAPE_TARGET);
        out.println();
        reportLoad(out, "end");
        return 0;
    }

    /**
     * Prints the load average and warns when it is high: other busy processes slow every figure
     * and widen its spread, so figures are only comparable at similar loads.
     */
    private static void reportLoad(PrintWriter out, String when) {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        if (load < 0) {
            return;
        }
        int cores = Runtime.getRuntime().availableProcessors();
        out.printf(Locale.ROOT, "System load average at %s: %.2f%n", when, load);
        if (load >= Math.max(1, cores / 2.0)) {
            out.printf(Locale.ROOT, "Warning: load average %.2f on %d cores; other processes compete for the CPU,"
                    + " so these figures are lower and more spread than on an idle machine.%n", load, cores);
        }
        out.flush();
    }

    /**
     * One 41×41 loss landscape over two filter-normalised random directions through the network's
     * weights (span 1), every training point at every grid point: what the Landscape view recomputes.
     */
    private static Runnable landscape(Shape shape) {
        Learner learner = Experiment.of(spiralLesson(shape)).learner();
        LossLandscape landscape = LossLandscape.through(learner.network(), learner.data(), learner.hyperparameters().loss(),
                new LandscapePlane.RandomDirections(1));
        return () -> landscape.map(1, LANDSCAPE_GRID);
    }

    private Timing.Rounds time(Runnable work) {
        return Timing.secondsPerRun(work, seconds, seconds / rounds, rounds);
    }

    /** One figure: the wall time's median, min and max, and the CPU time's median, all in {@code unit}. */
    private static void row(PrintWriter out, String measure, Timing.Rounds rounds, DoubleUnaryOperator unit,
            String format, String unitName, String target) {
        Timing wall = Timing.convert(rounds.wall(), unit);
        Timing cpu = Timing.convert(rounds.cpu(), unit);
        out.printf(Locale.ROOT, ROW, measure, String.format(Locale.ROOT, format, wall.median()),
                String.format(Locale.ROOT, format, wall.min()), String.format(Locale.ROOT, format, wall.max()),
                String.format(Locale.ROOT, format, cpu.median()), unitName, target);
        out.flush();
    }

    /** Playground's spiral with its defaults, as a lesson, so the run is exactly what the window runs. */
    private static Lesson spiralLesson(Shape shape) {
        List<LayerSpec> layers = new ArrayList<>();
        shape.hidden().forEach(size -> layers.add(new LayerSpec(size, Activation.TANH)));
        layers.add(new LayerSpec(1, Activation.TANH));
        return new Lesson("Benchmark " + shape.name(), "", List.of(InputFeature.X1, InputFeature.X2), layers,
                Initializer.PLAYGROUND, Optional.empty(),
                Hyperparameters.of(Loss.SQUARED_ERROR, new OptimizerSettings.Sgd(0.03)), 10, 1,
                new DataSpec.Generated(Generator.SPIRAL.id(), 500, 0, 0.5), Map.of());
    }

    /** One full redraw: the grid through the network, then every neuron's map copied out as a snapshot would. */
    private static final class Heatmaps {
        private final Network network;
        private final NeuronMaps maps;
        /** The last redraw's maps, kept so that the JIT cannot drop the copies as unused. */
        private final double[][][] latest;

        Heatmaps(Experiment experiment) {
            this(experiment, true);
        }

        /** @param split whether the grid may be split between two threads, as the window does */
        Heatmaps(Experiment experiment, boolean split) {
            this.network = experiment.learner().network();
            this.maps = new NeuronMaps(experiment.encoding().gridInputs(GRID_WIDTH, GRID_MIN, GRID_MAX), split);
            this.latest = new double[network.layerCount()][][];
            for (int l = 0; l < latest.length; l++) {
                latest[l] = new double[network.layer(l).size()][];
            }
        }

        void draw() {
            maps.evaluate(network);
            for (int l = 0; l < latest.length; l++) {
                for (int neuron = 0; neuron < latest[l].length; neuron++) {
                    // A fresh array per map: a snapshot handed to the UI thread must never be overwritten.
                    double[] map = new double[maps.points()];
                    maps.copyActivations(l, neuron, map);
                    latest[l][neuron] = map;
                }
            }
        }
    }
}
