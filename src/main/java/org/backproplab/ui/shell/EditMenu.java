package org.backproplab.ui.shell;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.event.EventHandler;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import org.backproplab.training.EditKind;
import org.backproplab.training.TrainerCommand;
import org.backproplab.training.UndoRedo;
import org.backproplab.ui.common.Icons;
import org.backproplab.ui.common.Messages;
import org.backproplab.ui.common.Tips;

/**
 * The window's Edit menu: Undo and Redo of edits to weights, the network, its inputs and the
 * points, each named by what it would act on ("Undo weight edit"), greyed out when there is
 * nothing, as the latest snapshot says; the same two as buttons for the toolbar. Shortcut+Z undoes;
 * Shortcut+Y and Shortcut+Shift+Z redo.
 *
 * <p>A text field with typing of its own to undo keeps these keys for that, as a text field
 * should; a text field that merely holds the focus (nothing typed yet) does not swallow them, so
 * that Undo works wherever the focus happened to be left.
 */
final class EditMenu {

    private static final KeyCombination UNDO = KeyCombination.keyCombination("Shortcut+Z");
    private static final KeyCombination REDO = KeyCombination.keyCombination("Shortcut+Y");
    private static final KeyCombination REDO_ALSO = KeyCombination.keyCombination("Shortcut+Shift+Z");

    private final Messages messages;
    private final Consumer<TrainerCommand> send;
    private final Menu menu;
    private final MenuItem undo;
    private final MenuItem redo;
    private final Button undoButton;
    private final Button redoButton;
    private final EventHandler<KeyEvent> keys = this::keyPressed;

    EditMenu(Messages messages, Consumer<TrainerCommand> send) {
        this.messages = messages;
        this.send = send;
        undo = new MenuItem();
        undo.setId("menu-undo");
        undo.setAccelerator(UNDO);
        undo.setOnAction(event -> send(new TrainerCommand.Undo()));
        redo = new MenuItem();
        redo.setId("menu-redo");
        redo.setAccelerator(REDO);
        redo.setOnAction(event -> send(new TrainerCommand.Redo()));
        menu = new Menu(messages.get("menu.edit"), null, undo, redo);
        menu.setId("menu-edit");
        undoButton = button("undo", Icons.undo(), undo);
        redoButton = button("redo", Icons.redo(), redo);
        show(UndoRedo.NONE, true);
    }

    /** Adds the menu to the window's menu bar, and its keys to whichever scene the bar is in. */
    void addTo(MenuBar bar) {
        bar.getMenus().add(menu);
        bar.sceneProperty().addListener((property, before, scene) -> {
            if (before != null) {
                before.removeEventFilter(KeyEvent.KEY_PRESSED, keys);
            }
            listenTo(scene);
        });
        listenTo(bar.getScene());
    }

    /** Undo and redo as two small buttons, for the toolbar: they do what the items do. */
    Node buttons() {
        HBox buttons = new HBox(4, undoButton, redoButton);
        buttons.setAlignment(Pos.CENTER_LEFT);
        return buttons;
    }

    /**
     * Names and enables the items and buttons by what an undo and a redo would act on now, once the
     * snapshot shows every command sent ({@code settled}): an older one does not know yet what an
     * undo on its way has left, and a held key would ask for undos that are no longer there.
     */
    void show(UndoRedo state, boolean settled) {
        if (settled) {
            name(undo, undoButton, "undo.undo", state.undo());
            name(redo, redoButton, "undo.redo", state.redo());
        }
    }

    private void name(MenuItem item, Button button, String key, Optional<EditKind> edit) {
        item.setText(edit.map(kind -> messages.format(key + ".named", messages.get(describe(kind)))).orElse(messages.get(key)));
        item.setDisable(edit.isEmpty());
        button.setDisable(edit.isEmpty());
        button.getTooltip().setText(item.getText() + " (" + item.getAccelerator().getDisplayText() + ")\n"
                + messages.get(key + ".tip"));
    }

    /** An icon-only button that fires {@code item}; like the toolbar's own, it takes no keyboard focus. */
    private static Button button(String id, Node icon, MenuItem item) {
        Button button = new Button(null, icon);
        button.setId(id);
        button.getStyleClass().add("undo-button");
        button.setFocusTraversable(false);
        button.setTooltip(Tips.of(""));
        button.setOnAction(event -> item.fire());
        return button;
    }

    /** Sends the item's command; until the trainer answers, neither undo nor redo can be asked again. */
    private void send(TrainerCommand command) {
        send.accept(command);
        undo.setDisable(true);
        redo.setDisable(true);
        undoButton.setDisable(true);
        redoButton.setDisable(true);
    }

    /** The message key naming an edit: undo.edit.addPoint for ADD_POINT. */
    static String describe(EditKind kind) {
        StringBuilder name = new StringBuilder();
        for (String word : kind.name().toLowerCase(Locale.ROOT).split("_")) {
            name.append(name.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return "undo.edit." + name;
    }

    private void listenTo(Scene scene) {
        if (scene != null) {
            scene.addEventFilter(KeyEvent.KEY_PRESSED, keys);
        }
    }

    /**
     * Undo and redo keys, seen before the focused control: a text field that can undo typing gets
     * them, anything else (the items' own accelerators would lose them to any focused text field)
     * undoes or redoes an edit here.
     */
    private void keyPressed(KeyEvent event) {
        Optional<TextInputControl> typing = typingIn(event.getTarget());
        if (UNDO.match(event) && typing.filter(TextInputControl::isUndoable).isEmpty()) {
            event.consume();
            act(undo);
        } else if ((REDO.match(event) || REDO_ALSO.match(event)) && typing.filter(TextInputControl::isRedoable).isEmpty()) {
            event.consume();
            act(redo);
        }
    }

    private static void act(MenuItem item) {
        if (!item.isDisable()) {
            item.fire();
        }
    }

    /** The text being typed in the focused control, if it is one (an editable combo box or spinner types in its editor). */
    private static Optional<TextInputControl> typingIn(Object focused) {
        return Optional.ofNullable(switch (focused) {
            case TextInputControl field -> field;
            case ComboBox<?> combo when combo.isEditable() -> combo.getEditor();
            case Spinner<?> spinner when spinner.isEditable() -> spinner.getEditor();
            case null, default -> null;
        });
    }
}
