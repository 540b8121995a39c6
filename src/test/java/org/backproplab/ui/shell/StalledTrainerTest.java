package org.backproplab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import javafx.geometry.VerticalDirection;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.backproplab.fixtures.TestLessons;
import org.backproplab.training.Trainer;
import org.backproplab.training.TrainerSnapshot;
import org.backproplab.ui.common.Messages;
import org.backproplab.ui.testing.LiveLab;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

/**
 * The window never waits for the trainer. Here the trainer is as slow as a trainer can be: its
 * thread has not started, so it answers nothing. Every click must still come back (TestFX waits
 * for the FX thread after each one, so a window that waited on the trainer would hang this test),
 * the controls must show what the user chose, and once the trainer runs, it must apply it all,
 * in order.
 */
@ExtendWith(ApplicationExtension.class)
class StalledTrainerTest {

    private Trainer trainer;
    private LabWindow window;
    private LiveLab lab;

    @Start
    void start(Stage stage) {
        trainer = new Trainer(TestLessons.xor(), LabWindow.HEATMAP_RESOLUTION);
        window = LabWindow.open(stage, TestLessons.xor(), Messages.forLocale(Locale.ROOT), trainer);
        lab = new LiveLab(window);
    }

    @Stop
    void stop() {
        window.close();
    }

    @Test
    void everyControlAnswersAtOnceAndTheTrainerCatchesUpLater(FxRobot robot) {
        long firstVersion = lab.shown().version();

        robot.moveTo(lab.edgeOnScreen(1, 0, 1)).scroll(VerticalDirection.UP);
        robot.clickOn("#play");
        TextField rate = LiveLab.onFx(() -> robot.lookup("#learning-rate").queryAs(ComboBox.class).getEditor());
        robot.interact(rate::clear);
        robot.clickOn(rate).write("0.25").type(KeyCode.ENTER);
        robot.clickOn("#add-layer");
        robot.clickOn("#edges-step");

        assertEquals("Pause", LiveLab.onFx(() -> robot.lookup("#play").queryAs(Button.class).getText()),
                "the play button shows the user's choice without waiting for the trainer");
        assertEquals(firstVersion, lab.shown().version(), "the trainer really answered nothing meanwhile");
        assertEquals(5, window.commandsSent(), "every click became a command (and the window set its speed)");

        trainer.start();
        TrainerSnapshot caughtUp = lab.awaitSettled();
        assertTrue(caughtUp.playing());
        assertEquals(0.25, caughtUp.settings().hyperparameters().optimizer().learningRate());
        assertEquals(List.of(2, 3, 3, 1), caughtUp.lab().network().shape());
    }
}
