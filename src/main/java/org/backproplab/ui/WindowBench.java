package org.backproplab.ui;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.backproplab.training.TrainerCommand;
import org.backproplab.training.TrainerSnapshot;

/**
 * Measures the real window: opens the lab on a lesson, trains as fast as possible, and records for
 * a number of seconds how long frames take and how many epochs the trainer gets through, then
 * prints frame-time percentiles and epochs per second and exits. Started as
 * {@code --bench-window SECONDS [lesson.json]}.
 */
public final class WindowBench extends Application {

    public static final String OPTION = "--bench-window";
    /** Frames before this much time has passed are not counted: the JIT and the first layout are still busy. */
    static final double WARM_UP_SECONDS = 2;
    private static final String USAGE = "usage: " + OPTION + " SECONDS [lesson.json]";

    /** The arguments after {@value #OPTION}: how long to measure, and the lesson (default if none). */
    record Arguments(double seconds, StartupLesson lesson) {

        static Arguments parse(List<String> arguments) {
            if (arguments.isEmpty() || arguments.size() > 2) {
                throw new IllegalArgumentException(USAGE);
            }
            double seconds;
            try {
                seconds = Double.parseDouble(arguments.getFirst());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("SECONDS must be a number, got \"" + arguments.getFirst() + "\"; " + USAGE, e);
            }
            if (!(seconds > 0) || seconds > 3600) {
                throw new IllegalArgumentException("SECONDS must be above 0 and at most 3600, got " + arguments.getFirst());
            }
            StartupLesson lesson = StartupLesson.choose(arguments.subList(1, arguments.size()));
            lesson.problem().ifPresent(problem -> {
                throw new IllegalArgumentException(problem.getMessage(), problem);
            });
            return new Arguments(seconds, lesson);
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
        window.send(new TrainerCommand.SetSpeed(0));
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
        private long firstFrame = -1;
        private long measureStart = -1;
        private long previous;
        private long startEpoch;
        private boolean done;

        Recorder(double seconds, LabWindow window, Stage stage, PrintStream out) {
            this.seconds = seconds;
            this.window = window;
            this.stage = stage;
            this.out = out;
        }

        @Override
        public void frame(long now, long workNanos, TrainerSnapshot latest) {
            if (done) {
                return;
            }
            if (firstFrame < 0) {
                firstFrame = now;
            }
            if (measureStart < 0) {
                if (now - firstFrame >= WARM_UP_SECONDS * 1e9) {
                    measureStart = now;
                    startEpoch = latest.epoch();
                    previous = now;
                }
                return;
            }
            intervals.add(now - previous);
            work.add(workNanos);
            previous = now;
            if (now - measureStart >= seconds * 1e9) {
                done = true;
                report(now, latest);
                window.close();
                stage.hide();
                Platform.exit();
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
            out.printf(Locale.ROOT, "lab work ms per frame (FX thread): p50 %.2f  p95 %.2f  p99 %.2f  max %.2f%n",
                    work.percentileMillis(50), work.percentileMillis(95), work.percentileMillis(99), work.maxMillis());
            out.printf(Locale.ROOT, "training: %.0f epochs/s (%d epochs, now at epoch %d, still playing: %s)%n",
                    epochs / measured, epochs, latest.epoch(), latest.playing());
        }

        private static String shape(TrainerSnapshot snapshot) {
            return String.join("-", snapshot.lab().network().shape().stream().map(String::valueOf).toList()) + " net";
        }
    }
}
