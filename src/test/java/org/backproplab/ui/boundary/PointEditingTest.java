package org.backproplab.ui.boundary;

import static org.backproplab.ui.testing.Pixels.assertColor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Point2D;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.backproplab.data.DataPoint;
import org.backproplab.fixtures.TestLessons;
import org.backproplab.training.LabSnapshot;
import org.backproplab.training.TrainerSnapshot;
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
import org.testfx.util.WaitForAsyncUtils;

/** The user's own points, placed, moved and deleted with the mouse on the decision boundary. */
@ExtendWith(ApplicationExtension.class)
class PointEditingTest {

    private LabWindow window;
    private LiveLab lab;

    @Start
    void start(Stage stage) {
        window = LabWindow.open(stage, TestLessons.fewPoints(), Messages.forLocale(Locale.ROOT));
        lab = new LiveLab(window);
    }

    @Stop
    void stop() {
        window.close();
    }

    private static List<DataPoint> all(LabSnapshot lab) {
        List<DataPoint> points = new ArrayList<>(lab.trainPoints());
        points.addAll(lab.testPoints());
        return points;
    }

    /** The screen position of a place in the input plane. */
    private Point2D onScreen(double x1, double x2) {
        return LiveLab.onFx(() -> {
            DecisionBoundaryView boundary = window.layout().boundary();
            return boundary.localToScreen(boundary.frame().pixel(x1, x2));
        });
    }

    private static boolean near(DataPoint point, double x1, double x2, int label) {
        return Math.abs(point.x1() - x1) < 0.2 && Math.abs(point.x2() - x2) < 0.2 && point.classIndex() == label;
    }

    @Test
    void aClickAddsAPointOfTheChosenClassToTheTrainingData(FxRobot robot) {
        TrainerSnapshot before = lab.awaitSettled();
        assertEquals(6, all(before.lab()).size());

        robot.clickOn(onScreen(0, -3));

        TrainerSnapshot after = lab.awaitShown(s -> s.lab().trainPoints().size() == 7);
        assertTrue(after.lab().trainPoints().stream().anyMatch(p -> near(p, 0, -3, 0)), after.lab().trainPoints()::toString);
        // The lesson's three test points became training points too: every edited point trains.
        assertTrue(after.lab().testPoints().isEmpty());
    }

    @Test
    void theClassPaletteChoosesTheClassOfAClick(FxRobot robot) {
        lab.awaitSettled();
        robot.clickOn("#point-class-1");
        robot.clickOn(onScreen(0, 3));
        TrainerSnapshot after = lab.awaitShown(s -> s.lab().trainPoints().size() == 7);
        assertTrue(after.lab().trainPoints().stream().anyMatch(p -> near(p, 0, 3, 1)), after.lab().trainPoints()::toString);
    }

    @Test
    void aRightClickDeletesAPointAndDraggingMovesOne(FxRobot robot) {
        lab.awaitSettled();
        robot.clickOn(onScreen(-2, 3), MouseButton.SECONDARY);
        TrainerSnapshot deleted = lab.awaitShown(s -> all(s.lab()).size() == 5);
        assertTrue(all(deleted.lab()).stream().noneMatch(p -> near(p, -2, 3, 0)));

        robot.drag(onScreen(3, 0.5), MouseButton.PRIMARY).moveTo(onScreen(3, -2)).release(MouseButton.PRIMARY);
        TrainerSnapshot moved = lab.awaitShown(s -> all(s.lab()).stream().anyMatch(p -> near(p, 3, -2, 1)));
        assertEquals(5, all(moved.lab()).size());
        assertTrue(all(moved.lab()).stream().noneMatch(p -> near(p, 3, 0.5, 1)));
    }

    @Test
    void clearPointsLeavesABlankPlaneAndTheNextClickIsTheOnlyPoint(FxRobot robot) {
        lab.awaitSettled();
        robot.clickOn("#clear-points");
        lab.awaitShown(s -> all(s.lab()).isEmpty());

        robot.clickOn(onScreen(0.5, 0.5));
        TrainerSnapshot after = lab.awaitShown(s -> s.lab().trainPoints().size() == 1);
        assertTrue(near(after.lab().trainPoints().getFirst(), 0.5, 0.5, 0), after.lab().trainPoints()::toString);
    }

    /** The plot keeps its points in a picture of their own: an edit must be seen there at once, not the old picture. */
    @Test
    void theDrawingFollowsEveryEditOfThePoints(FxRobot robot) throws Exception {
        lab.awaitSettled();
        DecisionBoundaryView boundary = window.layout().boundary();
        Palette palette = Palette.STANDARD;

        robot.clickOn(onScreen(0.5, 0.5));
        lab.awaitShown(s -> s.lab().trainPoints().size() == 7);
        WaitForAsyncUtils.waitForFxEvents();
        Point2D added = LiveLab.onFx(() -> boundary.frame().pixel(0.5, 0.5));
        assertColor(palette.classColor(0), Pixels.of(boundary).at(added), "the new point, drawn where it was clicked");

        robot.clickOn("#clear-points");
        lab.awaitShown(s -> all(s.lab()).isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(Pixels.close(palette.classColor(0), Pixels.of(boundary).at(added)), "the cleared point is gone");
    }
}
