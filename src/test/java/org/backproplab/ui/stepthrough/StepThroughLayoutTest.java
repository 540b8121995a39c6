package org.backproplab.ui.stepthrough;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import org.backproplab.lesson.Lesson;
import org.backproplab.trace.SubStep;
import org.backproplab.ui.common.Messages;
import org.backproplab.ui.graph.GraphGeometry;
import org.backproplab.ui.shell.LabWindow;
import org.backproplab.ui.testing.LiveLab;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Stepping through a pass on a 1280×720 projector: the formulas get the room (at least 40 % of the
 * window's height), each sub-step's formulas fit without scrolling, no matrix is split over lines, and
 * the course's wide networks keep every neuron apart beside a readable decision boundary.
 */
@ExtendWith(ApplicationExtension.class)
class StepThroughLayoutTest {

    /** What a 1280×720 screen leaves a maximised window under a desktop's title bar. */
    private static final double PROJECTOR_WINDOW_HEIGHT = 690;

    private final List<LabWindow> opened = new ArrayList<>();

    @AfterEach
    void closeWindows() {
        LiveLab.closeAll(opened);
    }

    private LabWindow open(String lesson) {
        Lesson chosen = LiveLab.shipped(lesson);
        LabWindow window = LiveLab.openSized(stage -> LabWindow.open(stage, chosen, Messages.forLocale(Locale.ROOT)),
                1280, PROJECTOR_WINDOW_HEIGHT);
        opened.add(window);
        return window;
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> read) {
        return LiveLab.onFx(read);
    }

    // --- step-through ---

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"moons", "spiral"})
    void steppingThroughAWideNetworkKeepsEveryNeuronApartAndTheBoundaryReadable(String lesson, FxRobot robot) {
        LabWindow window = open(lesson);
        robot.clickOn(".step-toggle");
        robot.interact(() -> window.stepThrough().animation().setSpeed(50));
        for (int i = 0; i < 4; i++) {
            next(robot, window);
        }

        GraphGeometry geometry = onFx(() -> window.layout().graph().geometry());
        for (int column = 0; column < geometry.columns(); column++) {
            for (int index = 0; index < geometry.size(column); index++) {
                var node = geometry.nodeBounds(column, index);
                assertTrue(node.getHeight() >= 18, lesson + ": a neuron is " + node.getHeight() + " px tall");
                if (index > 0) {
                    var above = geometry.nodeBounds(column, index - 1);
                    assertTrue(above.getMaxY() < node.getMinY(), lesson + ": neurons " + index + " and "
                            + (index + 1) + " of column " + column + " overlap");
                }
            }
        }
        double boundary = onFx(() -> window.layout().boundary().frame().side());
        assertTrue(boundary >= 250, lesson + ": the decision boundary is " + boundary + " px square while stepping");
        double formulas = onFx(() -> window.layout().getScene().lookup(".step-working").getLayoutBounds().getHeight());
        assertTrue(formulas >= 0.4 * 720, "the formulas take " + formulas + " px of the screen's 720");
    }

    @Test
    void eachSubStepOfTheXorPassFitsWithoutScrollingAndNoMatrixIsSplit(FxRobot robot) {
        LabWindow window = open("xor");
        robot.clickOn(".step-toggle");
        robot.interact(() -> window.stepThrough().animation().setSpeed(50));
        ScrollPane formulas = onFx(() -> scrollPaneAround(window.stepThrough().panel().formulas));
        int steps = 0;
        do {
            next(robot, window);
            steps++;
            double content = onFx(() -> window.stepThrough().panel().formulas.getHeight());
            double viewport = onFx(() -> formulas.getViewportBounds().getHeight());
            SubStep step = onFx(() -> window.stepThrough().model().frame().orElseThrow().subStep().orElseThrow());
            assertTrue(content <= viewport + 1, step + ": formulas " + content + " px tall in a viewport of " + viewport);
            // Only a working that would scroll is set smaller: one neuron's forward, loss and δ fit as they are.
            double shrink = onFx(() -> window.stepThrough().panel().formulas.shrink());
            if (!(step instanceof SubStep.GradientsNeuron || step instanceof SubStep.UpdateNeuron)) {
                assertEquals(1, shrink, step + ": formulas set at " + shrink + " of their size");
            }
            for (FlowPane line : onFx(() -> window.stepThrough().panel().matrices.lookupAll(".formula").stream()
                    .map(FlowPane.class::cast).toList())) {
                assertTrue(onFx(() -> oneRow(line)), "sub-step " + steps + ": a matrix formula is split over lines");
            }
        } while (!onFx(() -> window.stepThrough().model().frame().orElseThrow().atEnd()));
        assertEquals(17, steps, "every sub-step of the 2-3-1 pass, neuron by neuron, was checked");
    }

    /** Moves the pass one sub-step on, as the Next button does, and waits until it has finished drawing. */
    private static void next(FxRobot robot, LabWindow window) {
        robot.clickOn(".step-next");
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() ->
                    !window.stepThrough().model().isWaiting() && !window.stepThrough().animation().isRunning()));
        } catch (TimeoutException e) {
            throw new AssertionError("the step-through never settled", e);
        }
        LiveLab.settleLayout();
    }

    private static ScrollPane scrollPaneAround(Node node) {
        Node at = node;
        while (!(at instanceof ScrollPane)) {
            at = at.getParent();
        }
        return (ScrollPane) at;
    }

    /** Whether every part of a formula shares one row: each overlaps every other vertically. */
    private static boolean oneRow(FlowPane line) {
        double lowestTop = line.getChildren().stream().mapToDouble(n -> n.getBoundsInParent().getMinY()).max().orElse(0);
        double highestBottom = line.getChildren().stream().mapToDouble(n -> n.getBoundsInParent().getMaxY()).min()
                .orElse(0);
        return lowestTop < highestBottom;
    }

}
