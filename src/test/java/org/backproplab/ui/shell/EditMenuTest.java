package org.backproplab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.backproplab.training.EditKind;
import org.backproplab.training.TrainerCommand;
import org.backproplab.training.UndoRedo;
import org.backproplab.ui.common.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class EditMenuTest {

    private final List<TrainerCommand> sent = new ArrayList<>();
    private EditMenu edits;
    private MenuItem undo;
    private MenuItem redo;

    @Start
    void start(Stage stage) {
        edits = new EditMenu(Messages.forLocale(Locale.ROOT), sent::add);
        MenuBar bar = new MenuBar();
        edits.addTo(bar);
        Menu menu = bar.getMenus().getFirst();
        undo = menu.getItems().get(0);
        redo = menu.getItems().get(1);
    }

    @Test
    void theItemsSayWhatTheyWouldUndoAndRedoAndAreGreyedOutWhenThereIsNothing(FxRobot robot) {
        assertEquals("Undo", undo.getText());
        assertTrue(undo.isDisable() && redo.isDisable());

        robot.interact(() -> edits.show(new UndoRedo(Optional.of(EditKind.WEIGHT), Optional.of(EditKind.ADD_NEURON)), true));

        assertEquals("Undo weight edit", undo.getText());
        assertEquals("Redo new neuron", redo.getText());
        assertFalse(undo.isDisable() || redo.isDisable());
    }

    @Test
    void anUndoOnItsWayCannotBeAskedForAgainUntilTheTrainerHasAnswered(FxRobot robot) {
        UndoRedo one = new UndoRedo(Optional.of(EditKind.MOVE_POINT), Optional.empty());
        robot.interact(() -> edits.show(one, true));

        robot.interact(() -> {
            undo.fire();
            // A snapshot made before the undo arrived still offers it.
            edits.show(one, false);
        });
        assertTrue(undo.isDisable(), "a held key must not ask for an undo that may no longer be there");
        assertEquals(List.of(new TrainerCommand.Undo()), sent);

        robot.interact(() -> edits.show(new UndoRedo(Optional.empty(), Optional.of(EditKind.MOVE_POINT)), true));
        assertTrue(undo.isDisable());
        assertFalse(redo.isDisable());
        assertEquals("Redo point move", redo.getText());
    }

    @Test
    void everyEditIsNamedInEnglishAndChinese() {
        for (Locale locale : List.of(Locale.ROOT, Locale.SIMPLIFIED_CHINESE)) {
            Messages messages = Messages.forLocale(locale);
            for (EditKind kind : EditKind.values()) {
                assertFalse(messages.get(EditMenu.describe(kind)).isBlank(), kind + " in " + locale);
            }
        }
    }
}
