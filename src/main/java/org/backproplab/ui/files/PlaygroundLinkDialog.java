package org.backproplab.ui.files;

import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.stage.Window;
import org.backproplab.ui.common.Messages;

/**
 * Asks for a TensorFlow Playground link to open as a lesson. Opening stays disabled while the field
 * is blank; what the link holds is checked when it is opened, and a link that cannot be used is
 * said so in one message.
 */
final class PlaygroundLinkDialog {

    private static final double EXPLANATION_WIDTH = 600;
    private static final String EXAMPLE = "https://playground.tensorflow.org/#activation=tanh&…&seed=0.12345";

    private final Dialog<String> dialog = new Dialog<>();
    private final TextField link = new TextField();

    PlaygroundLinkDialog(Window owner, Messages messages) {
        dialog.initOwner(owner);
        dialog.setTitle(messages.get("playground.dialog.title"));
        dialog.setHeaderText(messages.get("playground.dialog.header"));
        Label explanation = DialogExplanation.of(messages.get("playground.dialog.text"), EXPLANATION_WIDTH);
        link.setId("playground-link");
        link.setPromptText(EXAMPLE);
        link.setPrefColumnCount(40);
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        grid.add(explanation, 0, 0, 2, 1);
        grid.addRow(1, new Label(messages.get("playground.dialog.link")), link);
        GridPane.setHgrow(link, Priority.ALWAYS);
        dialog.getDialogPane().setContent(grid);
        ButtonType open = new ButtonType(messages.get("playground.dialog.open"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(messages.get("playground.dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().addAll(open, cancel);
        Node ok = dialog.getDialogPane().lookupButton(open);
        ok.disableProperty().bind(Bindings.createBooleanBinding(() -> link.getText().isBlank(), link.textProperty()));
        // The user came to paste: the field, not a button, takes the keys.
        dialog.setOnShown(event -> link.requestFocus());
        dialog.setResultConverter(button -> button == open ? link.getText().strip() : null);
    }

    Optional<String> ask() {
        return dialog.showAndWait();
    }
}
