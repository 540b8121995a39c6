package org.backproplab.ui.stepthrough;

import static org.backproplab.ui.testing.Pixels.assertColor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.stage.Stage;
import org.backproplab.data.DataPoint;
import org.backproplab.fixtures.TestLessons;
import org.backproplab.trace.StepTrace;
import org.backproplab.ui.bench.UncaughtExceptions;
import org.backproplab.ui.boundary.DecisionBoundaryView;
import org.backproplab.ui.common.Messages;
import org.backproplab.ui.common.Palette;
import org.backproplab.ui.common.PlotFrame;
import org.backproplab.ui.shell.LabWindow;
import org.backproplab.ui.testing.LiveLab;
import org.backproplab.ui.testing.Pixels;
import org.backproplab.ui.view.LabLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Choosing the sample to step through by clicking it on the decision boundary. */
@ExtendWith(ApplicationExtension.class)
class StepThroughPickingTest {

    private LabWindow window;
    private StepThroughMode mode;

    @Start
    void start(Stage stage) {
        window = LabWindow.open(stage, TestLessons.xor(), Messages.forLocale(Locale.ROOT));
        mode = window.stepThrough();
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get();
    }

    /**
     * A training point well apart from all others, so a click on it cannot hit a neighbour; never
     * the first, which is in focus from the start.
     */
    private int loneTrainingPoint() throws Exception {
        return onFx(() -> {
            var points = mode.model().live().orElseThrow().lab().trainPoints();
            int best = 1;
            double bestGap = 0;
            for (int i = 1; i < points.size(); i++) {
                double gap = Double.MAX_VALUE;
                for (int j = 0; j < points.size(); j++) {
                    if (i != j) {
                        gap = Math.min(gap, Math.hypot(points.get(i).x1() - points.get(j).x1(),
                                points.get(i).x2() - points.get(j).x2()));
                    }
                }
                if (gap > bestGap) {
                    bestGap = gap;
                    best = i;
                }
            }
            return best;
        });
    }

    private Point2D onScreen(DataPoint point) throws Exception {
        return onFx(() -> window.layout().boundary().localToScreen(window.layout().boundary().frame().pixel(point.x1(), point.x2())));
    }

    @Test
    void clickingATrainingPointRingsItAndTheNextPassTrainsOnIt(FxRobot robot) throws Exception {
        robot.clickOn(".step-toggle");
        int chosen = loneTrainingPoint();
        DataPoint point = onFx(() -> mode.model().live().orElseThrow().lab().trainPoints().get(chosen));
        robot.clickOn(onScreen(point));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(chosen, onFx(() -> mode.model().focus()));
        assertEquals(chosen, onFx(() -> window.layout().boundary().highlightedTrainPoint()));
        assertTrue(onFx(() -> mode.panel().passText.getText()).contains("Sample " + (chosen + 1)));

        Pixels pixels = Pixels.of(window.layout().boundary());
        Point2D centre = onFx(() -> window.layout().boundary().frame().pixel(point.x1(), point.x2()));
        double ring = onFx(() -> window.layout().boundary().pointRadius()) + 6;
        assertColor(Palette.STANDARD.text(), pixels.at(centre.getX() + ring, centre.getY()), "the ring around the chosen point");

        robot.clickOn(".step-next");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() -> mode.model().frame().isPresent()));
        StepTrace trace = onFx(() -> mode.model().frame().orElseThrow().pass().trace().orElseThrow());
        assertEquals(chosen, onFx(() -> mode.model().frame().orElseThrow().pass().sample()));
        assertEquals(point.x1(), trace.inputs().get(0, 0), "the pass ran on the clicked point");
        assertEquals(point.x2(), trace.inputs().get(1, 0));
        assertEquals(1, trace.batchSize());
    }

    @Test
    void clicksOnTheBoundaryChooseNothingWhenStepThroughIsOff(FxRobot robot) throws Exception {
        int chosen = loneTrainingPoint();
        DataPoint point = onFx(() -> mode.model().live().orElseThrow().lab().trainPoints().get(chosen));
        robot.clickOn(onScreen(point));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(-1, onFx(() -> window.layout().boundary().highlightedTrainPoint()));
    }

    /**
     * A pass kept in the history whose samples the lab no longer has (the points were cleared
     * since): skipping to its end shows its end, and a click on one of the points it draws picks
     * nothing. Found by the random-input soak, where both threw "no training sample 0 (there are
     * 0)" out of the event handlers.
     */
    @Test
    void aPassWhoseSamplesWereClearedStillStepsAndItsPointsPickNothing(FxRobot robot) throws Exception {
        robot.clickOn(".step-toggle");
        robot.clickOn(".step-next");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() -> mode.model().frame().isPresent()));
        robot.clickOn(".step-toggle");
        robot.clickOn("#clear-points");
        new LiveLab(window).awaitShown(snapshot -> snapshot.lab().trainPoints().isEmpty());
        robot.clickOn(".step-toggle");

        UncaughtExceptions uncaught = new UncaughtExceptions();
        robot.interact(uncaught::install);
        try {
            robot.clickOn(".step-end");
            WaitForAsyncUtils.waitForFxEvents();
            robot.clickOn(onScreen(onFx(() -> mode.model().frame().orElseThrow().pass().after().trainPoints().getFirst())));
            WaitForAsyncUtils.waitForFxEvents();
        } finally {
            robot.interact(uncaught::uninstall);
        }
        assertEquals(List.of(), uncaught.caught());
        assertTrue(onFx(() -> mode.model().frame().orElseThrow().atEnd()), "the pass shows its end");
    }
}
