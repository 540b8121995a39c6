package org.backproplab.ui.landscape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.backproplab.engine.GradientCheck;
import org.backproplab.engine.LandscapePlane;
import org.backproplab.fixtures.TestLessons;
import org.backproplab.trace.ParameterNames;
import org.backproplab.training.LandscapePicture;
import org.backproplab.training.NetworkSnapshot;
import org.backproplab.ui.common.Messages;
import org.backproplab.ui.shell.LabWindow;
import org.backproplab.ui.testing.LiveLab;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/** The loss landscape opened in the real window, with its two axes picked in the network graph as a teacher would. */
@ExtendWith(ApplicationExtension.class)
class LandscapeWindowTest {

    private LabWindow window;
    private LiveLab lab;

    @Start
    void start(Stage stage) {
        window = LabWindow.open(stage, TestLessons.xor(), Messages.forLocale(Locale.ROOT));
        stage.setX(0);
        stage.setY(0);
        stage.setWidth(1280);
        stage.setHeight(800);
        lab = new LiveLab(window);
    }

    @Stop
    void stop() {
        window.close();
    }

    private static LandscapePanel panel(FxRobot robot) {
        return robot.lookup(".landscape-panel").queryAs(LandscapePanel.class);
    }

    /** Waits until the panel draws a map on the plane of the two parameters. */
    private static LandscapePicture.Ready awaitMapOf(FxRobot robot, LandscapePlane plane) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> LiveLab.onFx(() -> panel(robot).shown()
                .filter(shown -> shown instanceof LandscapePicture.Ready ready && ready.plane().equals(plane)).isPresent()));
        return LiveLab.onFx(() -> (LandscapePicture.Ready) panel(robot).shown().orElseThrow());
    }

    @Test
    void pickingAnEdgeAndANeuronMapsTheLossOverTheirWeightAndBias(FxRobot robot) throws Exception {
        NetworkSnapshot before = lab.awaitSettled().lab().network();
        robot.clickOn("#landscape-toggle");
        lab.awaitVisible(robot, "#landscape-map");
        LiveLab.settleLayout();

        robot.clickOn("#landscape-pick");
        robot.moveTo(lab.edgeOnScreen(0, 1, 0)).clickOn();
        assertTrue(LiveLab.onFx(() -> robot.lookup("#landscape-status").queryAs(Label.class).getText())
                .startsWith("x is " + ParameterNames.weight(0, 1, 0)));
        robot.moveTo(lab.neuronOnScreen(1, 0)).clickOn();

        LandscapePicture.Ready picture = awaitMapOf(robot, new LandscapePlane.TwoParameters(
                new GradientCheck.Parameter.Weight(0, 1, 0), new GradientCheck.Parameter.Bias(1, 0)));
        LiveLab.settleLayout();
        LandscapeMap map = panel(robot).map();
        assertTrue(LiveLab.onFx(map::showsMap));
        assertEquals("w₂₁⁽¹⁾", LiveLab.onFx(map::xName));
        assertEquals("b₁⁽²⁾", LiveLab.onFx(map::yName));
        assertEquals("Across: w₂₁⁽¹⁾   Up: b₁⁽²⁾",
                LiveLab.onFx(() -> robot.lookup("#landscape-status").queryAs(Label.class).getText()));
        // The clicks picked; they did not drag the weight or the bias they landed on.
        NetworkSnapshot after = lab.awaitSettled().lab().network();
        assertEquals(before.layer(0).weight(1, 0), after.layer(0).weight(1, 0));
        assertEquals(before.layer(1).bias(0), after.layer(1).bias(0));
        assertEquals(before.layer(0).weight(1, 0), picture.current().x());
        assertEquals(before.layer(1).bias(0), picture.current().y());
        assertEquals(41, picture.map().loss().length);

        // Another language rebuilds the window's content: the panel stays open on the same two axes.
        WaitForAsyncUtils.asyncFx(() -> window.speak(Locale.SIMPLIFIED_CHINESE)).get();
        awaitMapOf(robot, picture.plane());
        assertTrue(LiveLab.onFx(() -> robot.lookup("#landscape-pick").queryAs(ToggleButton.class).isSelected()));
    }

    /** The worker threads alive now (other tests' windows may have their own). */
    private static Set<Thread> landscapeThreads() {
        Set<Thread> threads = new HashSet<>(Thread.getAllStackTraces().keySet());
        threads.removeIf(thread -> !thread.getName().equals("landscape"));
        return threads;
    }

    @Test
    void closingTheWindowWithTheLandscapeOpenEndsItsWorker(FxRobot robot) throws Exception {
        Set<Thread> before = landscapeThreads();
        robot.clickOn("#landscape-toggle");
        lab.awaitVisible(robot, "#landscape-map");
        Set<Thread> opened = landscapeThreads();
        opened.removeAll(before);
        assertEquals(1, opened.size(), "opening the panel starts one worker");

        WaitForAsyncUtils.asyncFx(window::close).get();

        Thread worker = opened.iterator().next();
        // A generous bound only keeps a worker that never ends from hanging the build.
        worker.join(30_000);
        assertFalse(worker.isAlive(), "the closed window's landscape worker still runs, holding its scene");
    }
}
