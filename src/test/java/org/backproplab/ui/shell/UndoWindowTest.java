package org.backproplab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Point2D;
import javafx.scene.control.ComboBox;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.backproplab.fixtures.TestLessons;
import org.backproplab.training.NetworkSnapshot;
import org.backproplab.training.TrainerCommand;
import org.backproplab.training.TrainerSnapshot;
import org.backproplab.ui.boundary.DecisionBoundaryView;
import org.backproplab.ui.common.Messages;
import org.backproplab.ui.common.PlotFrame;
import org.backproplab.ui.testing.LiveLab;
import org.backproplab.ui.view.LabLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/** Undo and redo in the live window, through the real controls and keys. */
@ExtendWith(ApplicationExtension.class)
class UndoWindowTest {

    private LabWindow window;
    private LiveLab lab;

    @Start
    void start(Stage stage) {
        window = LabWindow.open(stage, TestLessons.xor(), Messages.forLocale(Locale.ROOT));
        // The headless screen is 1000 px wide and centres the 1280 px window, which puts the menu bar off its
        // left edge; the way from Edit to its items would then pass over the next menu and open that one.
        stage.setX(0);
        lab = new LiveLab(window);
    }

    @Stop
    void stop() {
        window.close();
    }

    private static void undoKey(FxRobot robot) {
        robot.push(KeyCode.SHORTCUT, KeyCode.Z);
    }

    private static void redoKey(FxRobot robot) {
        robot.push(KeyCode.SHORTCUT, KeyCode.Y);
    }

    private String menuText(FxRobot robot, String id) {
        return LiveLab.onFx(() -> robot.lookup(".lab-menu").queryAs(MenuBar.class).getMenus().stream()
                .flatMap(menu -> menu.getItems().stream()).filter(item -> id.equals(item.getId()))
                .map(MenuItem::getText).findFirst().orElseThrow());
    }

    @Test
    void aTypedWeightIsUndoneAndRedoneExactlyByTheKeys(FxRobot robot) {
        NetworkSnapshot before = lab.awaitSettled().lab().network();
        double old = before.layer(1).weight(0, 2);

        robot.clickOn(lab.edgeOnScreen(1, 0, 2));
        TextField value = robot.lookup(".parameter-field").queryAs(TextField.class);
        robot.interact(value::clear);
        robot.clickOn(value).write("-1.5").type(KeyCode.ENTER);
        NetworkSnapshot edited = lab.awaitShown(s -> s.lab().network().layer(1).weight(0, 2) == -1.5).lab().network();
        // Inside the editor the keys undo typing, as in any text field; closed, they undo the edit.
        robot.type(KeyCode.ESCAPE);
        assertEquals("Undo weight edit", menuText(robot, "menu-undo"));

        undoKey(robot);
        TrainerSnapshot undone = lab.awaitShown(s -> s.lab().network().layer(1).weight(0, 2) == old);
        assertEquals(before, undone.lab().network(), "every weight is exactly as before");
        assertEquals("Redo weight edit", menuText(robot, "menu-redo"));

        redoKey(robot);
        TrainerSnapshot redone = lab.awaitShown(s -> s.lab().network().layer(1).weight(0, 2) == -1.5);
        assertEquals(edited, redone.lab().network());

        undoKey(robot);
        lab.awaitShown(s -> s.lab().network().equals(before));
        robot.push(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.Z);
        lab.awaitShown(s -> s.lab().network().equals(edited));
    }

    @Test
    void aNeuronAddedInTheStripIsTakenBackByTheMenuAndTheToolbarWithEveryWeightAsItWas(FxRobot robot) {
        NetworkSnapshot before = lab.awaitSettled().lab().network();

        robot.clickOn("+");
        lab.awaitShown(s -> s.lab().network().shape().equals(List.of(2, 4, 1)));
        robot.clickOn("#menu-edit").clickOn("Undo new neuron");

        TrainerSnapshot undone = lab.awaitShown(s -> s.lab().network().shape().equals(List.of(2, 3, 1)));
        assertEquals(before, undone.lab().network());

        robot.clickOn("#redo");
        lab.awaitShown(s -> s.lab().network().shape().equals(List.of(2, 4, 1)));
        robot.clickOn("#undo");
        lab.awaitShown(s -> s.lab().network().equals(before));
    }

    @Test
    void aPointAddedByAClickIsGoneAfterAnUndo(FxRobot robot) {
        TrainerSnapshot before = lab.awaitSettled();
        Point2D middle = LiveLab.onFx(() -> {
            DecisionBoundaryView boundary = window.layout().boundary();
            return boundary.localToScreen(boundary.frame().pixel(0.5, 0.5));
        });

        robot.clickOn(middle);
        lab.awaitShown(s -> s.lab().trainPoints().size() == 201);
        undoKey(robot);

        TrainerSnapshot undone = lab.awaitShown(s -> s.lab().trainPoints().size() == 160);
        assertEquals(before.lab().trainPoints(), undone.lab().trainPoints());
        assertEquals(before.lab().testPoints(), undone.lab().testPoints(), "the held-out points are back too");
        assertEquals(before.settings().data(), undone.settings().data());
    }

    @Test
    void aTextFieldWithTypingToUndoKeepsTheKeysForItsText(FxRobot robot) {
        window.send(new TrainerCommand.AddNeuron(0));
        lab.awaitShown(s -> s.lab().network().shape().equals(List.of(2, 4, 1)));
        TextField rate = LiveLab.onFx(() -> robot.lookup("#learning-rate").queryAs(ComboBox.class).getEditor());
        String shown = LiveLab.onFx(rate::getText);

        robot.clickOn(rate).write("7");
        undoKey(robot);

        assertEquals(shown, LiveLab.onFx(rate::getText), "the typing was undone");
        window.send(new TrainerCommand.SetBatchSize(9));
        TrainerSnapshot later = lab.awaitShown(s -> s.settings().batchSize() == 9);
        assertEquals(List.of(2, 4, 1), later.lab().network().shape(), "the edit of the network stays");
        assertTrue(later.undoRedo().undo().isPresent());
    }

    @Test
    void undoBringingBatchNormalisationBackRaisesABatchOfOneAndTheBannerSaysSo(FxRobot robot) throws TimeoutException {
        lab.awaitSettled();
        robot.clickOn("#batch-norm-0");
        lab.awaitShown(s -> s.settings().layers().getFirst().batchNorm());
        robot.clickOn("#batch-norm-0");
        lab.awaitShown(s -> !s.settings().layers().getFirst().batchNorm());
        robot.interact(() -> window.send(new TrainerCommand.SetBatchSize(1)));
        lab.awaitShown(s -> s.settings().batchSize() == 1);

        undoKey(robot);

        TrainerSnapshot undone = lab.awaitShown(s -> s.settings().layers().getFirst().batchNorm());
        assertEquals(2, undone.settings().batchSize());
        assertEquals(2, LiveLab.onFx(() -> robot.lookup("#batch-size").queryAs(Spinner.class).getValue()),
                "the batch-size control shows it");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> LiveLab.onFx(() -> {
            NoticeBanner banner = robot.lookup(".notice-banner").queryAs(NoticeBanner.class);
            return banner.isShowing() && "Batch normalisation is back, and it needs mini-batches of at least 2 samples:"
                    .concat(" the batch size went from 1 to 2.").equals(banner.getText());
        }));
    }
}
