package org.backproplab.ui.boundary;

import static org.backproplab.ui.testing.Pixels.assertColor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Locale;
import javafx.geometry.Point2D;
import javafx.stage.Stage;
import org.backproplab.data.DataPoint;
import org.backproplab.fixtures.TestLessons;
import org.backproplab.lesson.Experiment;
import org.backproplab.ui.common.Messages;
import org.backproplab.ui.common.Palette;
import org.backproplab.ui.common.PlotFrame;
import org.backproplab.ui.shell.LabWindow;
import org.backproplab.ui.testing.Pixels;
import org.backproplab.ui.view.LabLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class DecisionBoundaryViewTest {

    private static final Palette PALETTE = Palette.STANDARD;

    private LabLayout view;
    private Experiment experiment;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        experiment = Experiment.of(TestLessons.fewPoints());
        view = LabWindow.open(stage, experiment.lesson(), Messages.forLocale(Locale.ROOT)).layout();
    }

    @Test
    void trainingPointsAreFilledWithTheirClassColourWhereTheyLie() throws Exception {
        Pixels pixels = Pixels.of(view.boundary());
        PlotFrame frame = view.boundary().frame();
        assertEquals(3, experiment.trainPoints().size());
        for (DataPoint point : experiment.trainPoints()) {
            assertColor(PALETTE.classColor(point.classIndex()), pixels.at(frame.pixel(point.x1(), point.x2())),
                    "training point " + point);
        }
    }

    @Test
    void pointsMoveWithThePlotWhenTheWindowIsResized(FxRobot robot) throws Exception {
        PlotFrame before = view.boundary().frame();
        robot.interact(() -> stage.setWidth(stage.getWidth() - 240));
        WaitForAsyncUtils.waitForFxEvents();

        PlotFrame frame = view.boundary().frame();
        assertNotEquals(before.side(), frame.side(), "the plot shrank with the window");
        Pixels pixels = Pixels.of(view.boundary());
        for (DataPoint point : experiment.trainPoints()) {
            assertColor(PALETTE.classColor(point.classIndex()), pixels.at(frame.pixel(point.x1(), point.x2())),
                    "training point " + point + " after the resize");
        }
    }

    @Test
    void testPointsAreHollowRingsOfTheirClassColour() throws Exception {
        Pixels pixels = Pixels.of(view.boundary());
        PlotFrame frame = view.boundary().frame();
        double radius = view.boundary().pointRadius();
        assertEquals(3, experiment.testPoints().size());
        for (DataPoint point : experiment.testPoints()) {
            Point2D centre = frame.pixel(point.x1(), point.x2());
            assertFalse(Pixels.close(PALETTE.classColor(point.classIndex()), pixels.at(centre)),
                    "test point " + point + " should be hollow");
            assertColor(PALETTE.classColor(point.classIndex()), pixels.at(centre.add(radius, 0)),
                    "ring of test point " + point);
        }
    }

    @Test
    void backgroundLeansTowardsTheClassTheNetworkPredicts() throws Exception {
        // The fixture's output is σ(3·x₁): class 1 (blue) on the right, class 0 (orange) on the left.
        Pixels pixels = Pixels.of(view.boundary());
        PlotFrame frame = view.boundary().frame();
        double x2 = frame.domain().min() + 0.05 * frame.domain().width();
        assertTintOf(PALETTE.positive().getBlue(), pixels.at(frame.pixel(frame.domain().max() - 0.2, x2)).getBlue());
        assertTintOf(PALETTE.negative().getRed(), pixels.at(frame.pixel(frame.domain().min() + 0.2, x2)).getRed());
    }

    private static void assertTintOf(double classChannel, double pixelChannel) {
        // Tinted towards the class colour, not all the way: the dominant channel stays high, the others drop.
        assertFalse(pixelChannel < classChannel - 0.05, "channel " + pixelChannel + " below the class colour's");
    }
}
