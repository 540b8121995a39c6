package org.backproplab.ui.testing;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.geometry.Point2D;
import javafx.stage.Stage;
import org.backproplab.lesson.Lesson;
import org.backproplab.lesson.LessonCatalog;
import org.backproplab.lesson.LessonException;
import org.backproplab.training.NetworkSnapshot;
import org.backproplab.training.Trainer;
import org.backproplab.training.TrainerSnapshot;
import org.backproplab.ui.common.GraphTarget;
import org.backproplab.ui.graph.NetworkGraphView;
import org.backproplab.ui.shell.LabWindow;
import org.testfx.api.FxRobot;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;

/** Test helpers for a live lab window: reading what it shows and waiting for the trainer. */
public final class LiveLab {

    private static final long PATIENCE_SECONDS = 30;

    private final LabWindow window;

    public LiveLab(LabWindow window) {
        this.window = window;
    }

    /** The newest snapshot the window has shown. */
    public TrainerSnapshot shown() {
        return onFx(window::latest);
    }

    /** Waits (as a user would, watching the window) until the window shows a snapshot that matches. */
    public TrainerSnapshot awaitShown(Predicate<TrainerSnapshot> wanted) {
        try {
            WaitForAsyncUtils.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS, () -> wanted.test(shown()));
        } catch (java.util.concurrent.TimeoutException e) {
            TrainerSnapshot last = shown();
            throw new AssertionError("the window never showed the expected state; last shown: epoch " + last.epoch()
                    + ", playing " + last.playing() + ", settings " + last.settings().hyperparameters(), e);
        }
        return shown();
    }

    /** Waits until the window shows a snapshot that reflects every command sent so far. */
    public TrainerSnapshot awaitSettled() {
        long sent = onFx(() -> window.commandsSent());
        return awaitShown(snapshot -> snapshot.commandsApplied() >= sent);
    }

    /** Waits until the node that the TestFX query finds is visible on screen. */
    public void awaitVisible(FxRobot robot, String query) {
        try {
            WaitForAsyncUtils.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS,
                    () -> robot.lookup(query).match(NodeQueryUtils.isVisible()).tryQuery().isPresent());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(query + " never became visible", e);
        }
    }

    /** A point on screen of the edge for weight (layer, neuron, input), where no other edge crosses it. */
    public Point2D edgeOnScreen(int layer, int neuron, int input) {
        return onFx(() -> {
            NetworkGraphView graph = window.layout().graph();
            GraphTarget.Edge edge = new GraphTarget.Edge(layer, neuron, input);
            // A third of the way along: where two edges cross is often their middle, never this.
            Point2D start = graph.geometry().edgeStart(edge.column() - 1, edge.input());
            Point2D end = graph.geometry().edgeEnd(edge.column(), edge.neuron());
            return graph.localToScreen(start.add(end.subtract(start).multiply(1 / 3.0)));
        });
    }

    /** Where on screen the centre of a neuron of network layer {@code layer} is drawn. */
    public Point2D neuronOnScreen(int layer, int neuron) {
        return onFx(() -> {
            NetworkGraphView graph = window.layout().graph();
            return graph.localToScreen(graph.geometry().neuronCentre(layer, neuron));
        });
    }

    /** Lets the FX thread lay out and draw what the last changes asked for, a few pulses deep. */
    public static void settleLayout() {
        for (int i = 0; i < 4; i++) {
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    /**
     * Opens a window in a stage of its own, {@code width} × {@code height} (a projector's size, say),
     * and waits until it shows the lesson laid out at that size.
     */
    public static LabWindow openSized(Function<Stage, LabWindow> open, double width, double height) {
        LabWindow window = onFx(() -> {
            Stage stage = new Stage();
            LabWindow lab = open.apply(stage);
            stage.setWidth(width);
            stage.setHeight(height);
            return lab;
        });
        new LiveLab(window).awaitSettled();
        settleLayout();
        return window;
    }

    /** Closes windows a test opened in stages of their own, so the next test starts with none. */
    public static void closeAll(List<LabWindow> windows) {
        windows.forEach(window -> onFx(() -> {
            window.close();
            return null;
        }));
    }

    /** The network a window opened on {@code lesson} shows: a saved lesson's, to compare with what was saved. */
    public static NetworkSnapshot networkOf(Lesson lesson) {
        try (Trainer opened = new Trainer(lesson, 4)) {
            return opened.take().orElseThrow().lab().network();
        }
    }

    /** A lesson shipped with the app, by its short name ({@code xor}, {@code moons}, …). */
    public static Lesson shipped(String name) {
        try {
            return LessonCatalog.load(name);
        } catch (LessonException e) {
            throw new AssertionError("a shipped lesson does not open", e);
        }
    }

    public static <T> T onFx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(PATIENCE_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the FX thread did not answer", e);
        }
    }
}
