package org.backproplab.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javafx.geometry.Point2D;
import org.backproplab.training.TrainerSnapshot;
import org.testfx.api.FxRobot;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;

/** Test helpers for a live lab window: reading what it shows and waiting for the trainer. */
final class LiveLab {

    private static final long PATIENCE_SECONDS = 30;

    private final LabWindow window;

    LiveLab(LabWindow window) {
        this.window = window;
    }

    /** The newest snapshot the window has shown. */
    TrainerSnapshot shown() {
        return onFx(window::latest);
    }

    /** Waits (as a user would, watching the window) until the window shows a snapshot that matches. */
    TrainerSnapshot awaitShown(Predicate<TrainerSnapshot> wanted) {
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
    TrainerSnapshot awaitSettled() {
        long sent = onFx(() -> window.commandsSent());
        return awaitShown(snapshot -> snapshot.commandsApplied() >= sent);
    }

    /** Waits until the node that the TestFX query finds is visible on screen. */
    void awaitVisible(FxRobot robot, String query) {
        try {
            WaitForAsyncUtils.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS,
                    () -> robot.lookup(query).match(NodeQueryUtils.isVisible()).tryQuery().isPresent());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(query + " never became visible", e);
        }
    }

    /** Where on screen the middle of the edge for weight (layer, neuron, input) is drawn. */
    Point2D edgeOnScreen(int layer, int neuron, int input) {
        return onFx(() -> {
            NetworkGraphView graph = window.view().graph();
            GraphTarget.Edge edge = new GraphTarget.Edge(layer, neuron, input);
            // A third of the way along: where two edges cross is often their middle, never this.
            Point2D start = graph.geometry().edgeStart(edge.column() - 1, edge.input());
            Point2D end = graph.geometry().edgeEnd(edge.column(), edge.neuron());
            return graph.localToScreen(start.add(end.subtract(start).multiply(1 / 3.0)));
        });
    }

    /** Where on screen the centre of a neuron of network layer {@code layer} is drawn. */
    Point2D neuronOnScreen(int layer, int neuron) {
        return onFx(() -> {
            NetworkGraphView graph = window.view().graph();
            return graph.localToScreen(graph.geometry().neuronCentre(layer, neuron));
        });
    }

    static <T> T onFx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(PATIENCE_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the FX thread did not answer", e);
        }
    }
}
