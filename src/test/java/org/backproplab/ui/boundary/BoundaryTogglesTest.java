package org.backproplab.ui.boundary;

import static org.backproplab.ui.testing.Pixels.assertColor;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Locale;
import javafx.geometry.Point2D;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.backproplab.data.DataPoint;
import org.backproplab.fixtures.TestLessons;
import org.backproplab.lesson.Experiment;
import org.backproplab.ui.common.ColorScale;
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
import org.testfx.framework.junit5.Stop;

/** The decision boundary's toggles, clicked as a user would. The fixture's output is σ(3·x₁). */
@ExtendWith(ApplicationExtension.class)
class BoundaryTogglesTest {

    private static final Palette PALETTE = Palette.STANDARD;

    private LabWindow window;
    private Experiment experiment;

    @Start
    void start(Stage stage) {
        experiment = Experiment.of(TestLessons.fewPoints());
        window = LabWindow.open(stage, experiment.lesson(), Messages.forLocale(Locale.ROOT));
    }

    @Stop
    void stop() {
        window.close();
    }

    @Test
    void testPointsCanBeHidden(FxRobot robot) throws Exception {
        new LiveLab(window).awaitSettled();
        DecisionBoundaryView boundary = window.layout().boundary();
        DataPoint test = experiment.testPoints().getFirst();
        Point2D ring = LiveLab.onFx(() -> boundary.frame().pixel(test.x1(), test.x2()).add(boundary.pointRadius(), 0));
        assertColor(PALETTE.classColor(test.classIndex()), Pixels.of(boundary).at(ring), "ring before");

        robot.clickOn("#show-test-points .thumb-area");

        assertFalse(Pixels.close(PALETTE.classColor(test.classIndex()), Pixels.of(boundary).at(ring)), "the ring is gone");
    }

    @Test
    void discretizeShowsTheDecisionWithoutShadesOfConfidence(FxRobot robot) throws Exception {
        new LiveLab(window).awaitSettled();
        DecisionBoundaryView boundary = window.layout().boundary();
        // At x₁ = 0.3 the output is σ(0.9) ≈ 0.71: a shade, but on the class 1 side. No point lies at x₂ = −3.3.
        Point2D place = LiveLab.onFx(() -> boundary.frame().pixel(0.3, -3.3));
        ColorScale tinted = ColorScale.diverging(0, 1, PALETTE).tinted(PALETTE.boundaryTint(), PALETTE);
        Color shaded = Pixels.of(boundary).at(place);
        assertColor(tinted.color(1 / (1 + Math.exp(-0.9))), shaded, "a shade of confidence");

        robot.clickOn("#discrete .thumb-area");

        assertColor(tinted.color(1), Pixels.of(boundary).at(place), "the full class 1 colour");
    }
}
