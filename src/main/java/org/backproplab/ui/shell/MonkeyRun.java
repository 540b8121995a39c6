package org.backproplab.ui.shell;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.backproplab.training.FaultLog;
import org.backproplab.ui.bench.FrameStats;
import org.backproplab.ui.bench.HeapSampler;
import org.backproplab.ui.bench.UncaughtExceptions;
import org.backproplab.ui.common.Messages;

/**
 * One random-input soak of the real window: opens the lab, presses Play, and for a number of
 * seconds does one step of a user action each frame, the actions drawn from {@link MonkeyActions}
 * by a seeded random generator: the same seed draws the same actions in the same order (each
 * finds its target in the window as it is then). Meanwhile it counts the exceptions nothing
 * caught, the trainer's own faults, the questions the window tried to ask, the frames and the
 * gaps between them, and (in runs of {@value #HEAP_RUN_SECONDS} s or more) the heap after a
 * collection every {@value WindowBench#HEAP_SAMPLE_SECONDS} s. FX thread only.
 */
final class MonkeyRun {

    /** Heap readings need a run past the first minute, when class loading and caches still grow it. */
    static final double HEAP_RUN_SECONDS = WindowBench.HEAP_SETTLED_SECONDS + WindowBench.HEAP_SAMPLE_SECONDS;
    /** A frame this long after the one before is a window that looks frozen. */
    static final long FROZEN_FRAME_NANOS = 1_000_000_000L;
    /** How much the heap may grow from minute 1 to the end and still count as flat. */
    static final double FLAT_HEAP_PERCENT = 20;
    private static final double PROGRESS_SECONDS = 60;
    /**
     * How often a step is done: steps are not tied to frames, or a slow frame rate (software
     * rendering on a busy machine) would slow the input with it, as a real user's is not.
     */
    static final long STEP_MILLIS = 15;

    private final long seed;
    private final double seconds;
    private final int minimumDraws;
    private final Path home;
    private final PrintStream out;
    private final Stage stage;
    private final LabWindow window;
    private final UnansweredDialogs dialogs = new UnansweredDialogs();
    private final UncaughtExceptions exceptions = new UncaughtExceptions();
    private final MonkeyHands hands;
    private final MonkeyDice dice;
    private final Map<String, Integer> done = new LinkedHashMap<>();
    private final List<String> log = new ArrayList<>();
    private final List<String> dismissed = new ArrayList<>();
    private final FrameStats frames = new FrameStats();
    private final Optional<HeapSampler> heap;
    private final CompletableFuture<MonkeyReport> report = new CompletableFuture<>();
    /** Asks the FX thread for the next step every {@value #STEP_MILLIS} ms, unless the last one is still waiting. */
    private final ScheduledExecutorService driver = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "monkey");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean stepWaiting = new AtomicBoolean();
    private final long start = System.nanoTime();
    /** When each frame over a second came, and how late: to set beside the actions' times in the log. */
    private final List<String> frozen = new ArrayList<>();
    private long firstFrame = -1;
    private long lastFrame;
    private double nextProgress = PROGRESS_SECONDS;
    private List<Runnable> steps = List.of();
    private int nextStep;

    /**
     * Opens the lab in {@code stage} with its preferences, recovery copy and fault log in {@code home},
     * and starts the run; the caller may size the stage before the first frame.
     */
    MonkeyRun(Stage stage, long seed, double seconds, Path home, PrintStream out) {
        this(stage, seed, seconds, 0, home, out);
    }

    /**
     * A run that goes on past {@code seconds} until it has drawn {@code minimumDraws} actions: a
     * test's, which must do what it asserts on however busy the machine is.
     */
    MonkeyRun(Stage stage, long seed, double seconds, int minimumDraws, Path home, PrintStream out) {
        this.seed = seed;
        this.seconds = seconds;
        this.minimumDraws = minimumDraws;
        this.home = home;
        this.out = out;
        this.stage = stage;
        this.dice = new MonkeyDice(MonkeyActions.KINDS, seed);
        for (MonkeyActions.Kind kind : MonkeyActions.KINDS) {
            done.put(kind.name(), 0);
        }
        exceptions.install();
        window = LabWindow.open(stage, StartupLesson.choose(List.of()).lesson(), Messages.forDefaultLocale(),
                owner -> new LabWindow.Desk(dialogs, Optional.of(home)));
        hands = new MonkeyHands(stage);
        heap = seconds >= HEAP_RUN_SECONDS ? Optional.of(new HeapSampler(WindowBench.HEAP_SAMPLE_SECONDS)) : Optional.empty();
        window.observeFrames((now, work, latest) -> frame(now));
        // Training at full speed from the start, as the soak asks: the first step is Play, found
        // where it is once the caller has placed the window.
        steps = List.of(() -> MonkeyActions.play(hands, window, new Random(seed))
                .ifPresent(play -> play.steps().forEach(Runnable::run)));
        driver.scheduleAtFixedRate(() -> {
            if (stepWaiting.compareAndSet(false, true)) {
                Platform.runLater(() -> {
                    stepWaiting.set(false);
                    act(System.nanoTime());
                });
            }
        }, STEP_MILLIS, STEP_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The report, once the run is over. */
    CompletableFuture<MonkeyReport> report() {
        return report;
    }

    /** Counts the gap before each frame, from {@link WindowBench#WARM_UP_SECONDS} after the first: the window's start is not a freeze. */
    private void frame(long now) {
        if (firstFrame < 0) {
            firstFrame = now;
        }
        if (now - firstFrame >= WindowBench.WARM_UP_SECONDS * 1e9) {
            frames.add(now - lastFrame);
            if (now - lastFrame > FROZEN_FRAME_NANOS) {
                frozen.add(String.format(Locale.ROOT, "%.0f ms before %.2fs", (now - lastFrame) / 1e6, (now - start) / 1e9));
            }
        }
        lastFrame = now;
    }

    /** One step of the current action, or the first of the next one drawn; ends the run when its time is up. */
    private void act(long now) {
        if (report.isDone()) {
            return;
        }
        double elapsed = (now - start) / 1e9;
        if ((elapsed >= seconds && log.size() >= minimumDraws) || !stage.isShowing()) {
            finish(elapsed);
            return;
        }
        if (elapsed >= nextProgress) {
            nextProgress += PROGRESS_SECONDS;
            out.println(reportNow(elapsed).progressLine());
        }
        try {
            if (nextStep >= steps.size()) {
                draw(elapsed);
            }
            if (nextStep < steps.size()) {
                steps.get(nextStep++).run();
            }
        } catch (RuntimeException e) {
            // An exception out of a step is one out of the lab's handlers, which the robot's events ran.
            exceptions.uncaughtException(Thread.currentThread(), e);
            steps = List.of();
        }
        dismissModalWindows();
    }

    /** The next action drawn, with its target as the window is now. */
    private void draw(double elapsed) {
        MonkeyDice.Draw draw = dice.next();
        Optional<MonkeyActions.Action> action = draw.kind().plan().on(hands, window, draw.picker());
        String name = draw.kind().name();
        log.add(String.format(Locale.ROOT, "%7.2fs %s: %s", elapsed, name,
                action.map(MonkeyActions.Action::description).orElse("nothing to act on")));
        action.ifPresent(chosen -> done.merge(name, 1, Integer::sum));
        steps = action.map(MonkeyActions.Action::steps).orElse(List.of());
        nextStep = 0;
    }

    /** A modal dialog would stop the run (and a class): it is closed, and the report says which. */
    private void dismissModalWindows() {
        for (Window other : List.copyOf(Window.getWindows())) {
            if (other instanceof Stage modal && modal != stage && modal.isShowing() && modal.getModality() != Modality.NONE) {
                dismissed.add(modal.getTitle());
                MonkeyActions.close(modal);
            }
        }
    }

    private void finish(double elapsed) {
        driver.shutdownNow();
        hands.letGo();
        heap.ifPresent(HeapSampler::close);
        MonkeyReport made = reportNow(elapsed);
        exceptions.uninstall();
        window.close();
        stage.hide();
        report.complete(made);
    }

    private MonkeyReport reportNow(double elapsed) {
        return new MonkeyReport(seed, elapsed, Map.copyOf(done), log.size(), exceptions.caught(), trainerFaults(),
                dialogs.asked(), List.copyOf(dismissed), frames.count(), frames.maxMillis(),
                List.copyOf(frozen), heap.flatMap(sampler ->
                        HeapSampler.Drift.of(sampler.samples(), WindowBench.HEAP_SETTLED_SECONDS)), List.copyOf(log),
                stage.isShowing());
    }

    /** What the trainer wrote in its fault log: its own bugs, caught so the window goes on, but bugs all the same. */
    private Optional<String> trainerFaults() {
        Path log = home.resolve(FaultLog.FILE_NAME);
        try {
            return Files.isRegularFile(log) ? Optional.of(Files.readString(log)) : Optional.empty();
        } catch (IOException e) {
            return Optional.of("the fault log " + log + " could not be read: " + e.getMessage());
        }
    }
}
