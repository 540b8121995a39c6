package org.backproplab.ui.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import javafx.scene.control.ComboBox;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.backproplab.fixtures.TestLessons;
import org.backproplab.training.EditKind;
import org.backproplab.training.NetworkSnapshot;
import org.backproplab.training.TrainerSnapshot;
import org.backproplab.ui.common.Messages;
import org.backproplab.ui.shell.LabWindow;
import org.backproplab.ui.testing.LiveLab;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

/** Dropout from the layer strip and augmentation from the settings, through the real controls, applied live. */
@ExtendWith(ApplicationExtension.class)
class DropoutStripTest {

    private LabWindow window;
    private LiveLab lab;

    @Start
    void start(Stage stage) {
        window = LabWindow.open(stage, TestLessons.xor(), Messages.forLocale(Locale.ROOT));
        lab = new LiveLab(window);
    }

    @Stop
    void stop() {
        window.close();
    }

    private String menuText(FxRobot robot, String query) {
        return LiveLab.onFx(() -> robot.lookup(query).queryAs(MenuButton.class).getText());
    }

    @Test
    void aHiddenLayersDropoutIsChosenInTheStripKeepsTheWeightsAndIsUndone(FxRobot robot) {
        robot.clickOn("#step-epoch");
        TrainerSnapshot trained = lab.awaitShown(s -> s.epoch() == 1);
        NetworkSnapshot weights = trained.lab().network();
        assertEquals("no dropout", menuText(robot, "#dropout-0"));
        assertTrue(robot.lookup("#dropout-1").tryQuery().isEmpty(), "the output layer offers no dropout");

        robot.clickOn("#dropout-0").clickOn("Drop 0.3 of the outputs");

        TrainerSnapshot dropping = lab.awaitShown(s -> s.settings().layers().getFirst().dropout() == 0.3);
        assertEquals(weights, dropping.lab().network(), "the weights stay");
        assertEquals(1, dropping.epoch(), "no reset");
        assertEquals(EditKind.DROPOUT, dropping.undoRedo().undo().orElseThrow());
        lab.awaitVisible(robot, "#dropout-0");
        assertEquals("dropout 0.3", menuText(robot, "#dropout-0"));

        // The next traced step drops outputs of that layer.
        robot.clickOn("#step-batch");
        TrainerSnapshot stepped = lab.awaitShown(s -> s.trace().isPresent() && s.steps() > dropping.steps());
        assertEquals(0.3, stepped.trace().orElseThrow().layers().getFirst().dropout().orElseThrow().rate());

        robot.clickOn("#menu-edit").clickOn("#menu-undo");
        lab.awaitShown(s -> s.settings().layers().getFirst().dropout() == 0);
        lab.awaitVisible(robot, "#dropout-0");
        assertEquals("no dropout", menuText(robot, "#dropout-0"));
    }

    @Test
    void augmentationNoiseTypedInTheSettingsReachesTheTrainer(FxRobot robot) {
        // Augmentation is the last training setting, below the panel's fold: scroll down to it, as a user would.
        robot.interact(() -> robot.lookup(".settings-panel").queryAs(ScrollPane.class).setVvalue(1));
        TextField noise = LiveLab.onFx(() -> robot.lookup("#augmentation").queryAs(ComboBox.class).getEditor());
        robot.interact(noise::clear);
        robot.clickOn(noise).write("0.2").type(KeyCode.ENTER);

        lab.awaitShown(s -> s.settings().hyperparameters().augmentation().noise() == 0.2);

        robot.interact(noise::clear);
        robot.clickOn(noise).write("7").type(KeyCode.ENTER);
        assertTrue(LiveLab.onFx(() -> robot.lookup("#augmentation").queryAs(ComboBox.class).getStyleClass().contains("invalid")),
                "a noise above 5 is marked and not sent");
        assertEquals(0.2, lab.awaitSettled().settings().hyperparameters().augmentation().noise());
    }
}
