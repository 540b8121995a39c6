package org.backproplab.ui.shell;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.backproplab.training.TrainerCommand;
import org.backproplab.training.TrainerSnapshot;
import org.backproplab.ui.bench.FrameStats;
import org.backproplab.ui.bench.HeapSampler;
import org.backproplab.ui.bench.ThreadCpu;
import org.backproplab.ui.common.Messages;

/**
 * Measures the real window: opens the lab on a lesson, trains (as fast as possible unless a speed
 * is given), and records for a number of seconds how long frames take and how many epochs the
 * trainer gets through, then prints frame-time percentiles, late frames, epochs per second, CPU
 * time per frame by thread, the time from launch to the first frame on screen, and (in a soak run)
 * the heap every {@value #HEAP_SAMPLE_SECONDS} s, and exits. Started as
 * {@code --bench-window SECONDS [--speed EPOCHS_PER_SECOND] [lesson.json]}; a run of many minutes
 * is the soak test, which the heap readings from minute 1 on show leaking or not.
 */
public final class WindowBench extends Application {

    public static final String OPTION = "--bench-window";
    /** Frames before this much time has passed are not counted: the JIT and the first layout are still busy. */
    static final double WARM_UP_SECONDS = 2;
    static final double HEAP_SAMPLE_SECONDS = 10;
    /**
     * A frame that comes this much after the one before has missed at least one 60 Hz pulse: the
     * hitch a class sees. Intervals below it only show the pulse timer's own jitter.
     */
    static final long LATE_FRAME_NANOS = 25_000_000;
    /** Heap readings before this are left out of the flatness figure: class loading and caches still grow the heap. */
    static final double HEAP_SETTLED_SECONDS = 60;
    static final String SPEED_OPTION = "--speed";
    private static final String USAGE = "usage: " + OPTION + " SECONDS [" + SPEED_OPTION + " EPOCHS_PER_SECOND] [lesson.json]";

    /**
     * The arguments after {@value #OPTION}: how long to measure, the lesson (default if none), and
     * the training speed in epochs per second (0, the default, is as fast as possible). A set speed
     * shows what the frames cost while training at a pace a class would watch.
     */
    record Arguments(double seconds, StartupLesson lesson, double speed) {

        static Arguments parse(List<String> given) {
            List<String> arguments = new ArrayList<>(given);
            double speed = 0;
            int speedAt = arguments.indexOf(SPEED_OPTION);
            if (speedAt >= 0) {
                speed = speed(arguments.subList(speedAt + 1, arguments.size()));
                arguments.subList(speedAt, speedAt + 2).clear();
            }
            if (arguments.isEmpty() || arguments.size() > 2) {
                throw new IllegalArgumentException(USAGE);
            }
            double seconds = seconds(arguments.getFirst(), USAGE);
            StartupLesson lesson = StartupLesson.choose(arguments.subList(1, arguments.size()));
            lesson.problem().ifPresent(problem -> {
                throw new IllegalArgumentException(problem.getMessage(), problem);
            });
            return new Arguments(seconds, lesson, speed);
        }

        /** How long a run of the window lasts, as given on the command line; shared by every bench mode. */
        static double seconds(String given, String usage) {
            double seconds;
            try {
                seconds = Double.parseDouble(given);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("SECONDS must be a number, got \"" + given + "\"; " + usage, e);
            }
            if (!(seconds > 0) || seconds > 3600) {
                throw new IllegalArgumentException("SECONDS must be above 0 and at most 3600, got " + given);
            }
            return seconds;
        }

        private static double speed(List<String> after) {
            if (after.isEmpty()) {
                throw new IllegalArgumentException(SPEED_OPTION + " needs a number of epochs per second; " + USAGE);
            }
            try {
                double speed = Double.parseDouble(after.getFirst());
                if (speed >= 0 && Double.isFinite(speed)) {
                    return speed;
                }
            } catch (NumberFormatException e) {
                // Explained below, as for a negative speed.
            }
            throw new IllegalArgumentException(SPEED_OPTION + " must be 0 (fastest) or a positive number of epochs per second, got \""
                    + after.getFirst() + "\"");
        }
    }

    /** Runs the benchmark; returns the process exit code (2 for bad arguments). */
    public static int run(String... arguments) {
        try {
            Arguments.parse(Arrays.asList(arguments));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        Application.launch(WindowBench.class, arguments);
        return 0;
    }

    @Override
    public void start(Stage stage) {
        Arguments arguments = Arguments.parse(getParameters().getRaw());
        LabWindow window = LabWindow.open(stage, arguments.lesson().lesson(), Messages.forDefaultLocale());
        window.observeFrames(new Recorder(arguments.seconds(), window, stage, System.out));
        window.send(new TrainerCommand.SetSpeed(arguments.speed()));
        window.send(new TrainerCommand.Play());
    }

    /** Watches frames: waits out the warm-up, measures, reports, and closes the window. */
    private static final class Recorder implements LabWindow.FrameObserver {
        private final double seconds;
        private final LabWindow window;
        private final Stage stage;
        private final PrintStream out;
        private final FrameStats intervals = new FrameStats();
        private final FrameStats work = new FrameStats();
        /** Only in a soak run: each reading forces a full collection, which a short run would count as a dropped frame. */
        private final Optional<HeapSampler> heap;
        private long launchToFirstFrameMillis;
        private long firstFrame = -1;
        private long measureStart = -1;
        private long previous;
        private long startEpoch;
        private ThreadCpu cpu;
        private boolean done;

        Recorder(double seconds, LabWindow window, Stage stage, PrintStream out) {
            this.seconds = seconds;
            this.window = window;
            this.stage = stage;
            this.out = out;
            this.heap = seconds >= HEAP_SETTLED_SECONDS + HEAP_SAMPLE_SECONDS
                    ? Optional.of(new HeapSampler(HEAP_SAMPLE_SECONDS)) : Optional.empty();
        }

        @Override
        public void frame(long now, long workNanos, TrainerSnapshot latest) {
            if (done) {
                return;
            }
            if (firstFrame < 0) {
                firstFrame = now;
                // The JVM's start is the launch: the first frame is the window on screen with the lesson in it.
                launchToFirstFrameMillis = ManagementFactory.getRuntimeMXBean().getUptime();
            }
            if (measureStart < 0) {
                if (now - firstFrame >= WARM_UP_SECONDS * 1e9) {
                    measureStart = now;
                    startEpoch = latest.epoch();
                    cpu = new ThreadCpu();
                    previous = now;
                }
                return;
            }
            intervals.add(now - previous);
            work.add(workNanos);
            previous = now;
            if (now - measureStart >= seconds * 1e9) {
                done = true;
                heap.ifPresent(HeapSampler::close);
                try {
                    report(now, latest);
                } finally {
                    // A report that fails must not leave the window running for ever.
                    window.close();
                    stage.hide();
                    Platform.exit();
                }
            }
        }

        private void report(long now, TrainerSnapshot latest) {
            double measured = (now - measureStart) / 1e9;
            long epochs = latest.epoch() - startEpoch;
            out.printf(Locale.ROOT, "bench-window: \"%s\", %s, window %.0fx%.0f, %.1f s measured after %.0f s warm-up%n",
                    latest.lab().title(), shape(latest), stage.getWidth(), stage.getHeight(), measured, WARM_UP_SECONDS);
            out.printf(Locale.ROOT, "frames: %d (%.1f per second)%n", intervals.count(), intervals.count() / measured);
            out.printf(Locale.ROOT, "frame time ms (frame to frame): p50 %.2f  p95 %.2f  p99 %.2f  max %.2f%n",
                    intervals.percentileMillis(50), intervals.percentileMillis(95), intervals.percentileMillis(99),
                    intervals.maxMillis());
            int late = intervals.countAbove(LATE_FRAME_NANOS);
            out.printf(Locale.ROOT, "late frames (over %.0f ms, a pulse missed): %d (%.1f %%)%n",
                    LATE_FRAME_NANOS / 1e6, late, 100.0 * late / intervals.count());
            out.printf(Locale.ROOT, "lab work ms per frame (FX thread): p50 %.2f  p95 %.2f  p99 %.2f  max %.2f%n",
                    work.percentileMillis(50), work.percentileMillis(95), work.percentileMillis(99), work.maxMillis());
            out.printf(Locale.ROOT, "training: %.0f epochs/s (%d epochs, now at epoch %d, still playing: %s)%n",
                    epochs / measured, epochs, latest.epoch(), latest.playing());
            reportCpu(cpu.used(), intervals.count());
            out.printf(Locale.ROOT, "launch to first frame: %d ms%n", launchToFirstFrameMillis);
            heap.map(HeapSampler::samples).ifPresentOrElse(this::reportHeap, () -> out.printf(Locale.ROOT,
                    "heap: sampled in runs of %.0f s or more only (each reading forces a full collection, a dropped frame)%n",
                    HEAP_SETTLED_SECONDS + HEAP_SAMPLE_SECONDS));
        }

        /** The threads that used at least a twentieth of a millisecond per frame, and the rest of the JVM. */
        private void reportCpu(Map<String, Long> used, int frames) {
            StringBuilder line = new StringBuilder("CPU ms per frame by thread:");
            used.forEach((thread, nanos) -> {
                double perFrame = nanos / 1e6 / frames;
                if (perFrame >= 0.05 || thread.equals("other")) {
                    line.append(String.format(Locale.ROOT, "  %s %.2f", thread, perFrame));
                }
            });
            out.println(line);
        }

        private void reportHeap(List<HeapSampler.Sample> samples) {
            StringBuilder line = new StringBuilder("heap MB after a GC hint:");
            for (HeapSampler.Sample sample : samples) {
                line.append(String.format(Locale.ROOT, "  %.0fs %.1f", sample.seconds(), sample.usedBytes() / 1e6));
            }
            out.println(line);
            HeapSampler.Drift.of(samples, HEAP_SETTLED_SECONDS).ifPresentOrElse(drift -> out.printf(Locale.ROOT,
                    "heap from %.0f s to %.0f s: first %.1f MB, last %.1f MB (%+.1f %%), range %.1f-%.1f MB (%.1f %% of first)%n",
                    drift.first().seconds(), drift.last().seconds(), drift.first().usedBytes() / 1e6,
                    drift.last().usedBytes() / 1e6, drift.changePercent(), drift.minBytes() / 1e6, drift.maxBytes() / 1e6,
                    drift.rangePercent()),
                    () -> out.printf(Locale.ROOT, "heap drift: needs a run past %.0f s%n", HEAP_SETTLED_SECONDS + HEAP_SAMPLE_SECONDS));
        }

        private static String shape(TrainerSnapshot snapshot) {
            return String.join("-", snapshot.lab().network().shape().stream().map(String::valueOf).toList()) + " net";
        }
    }
}
