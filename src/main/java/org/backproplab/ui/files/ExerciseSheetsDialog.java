package org.backproplab.ui.files;

import java.util.Optional;
import java.util.OptionalLong;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.backproplab.lesson.ExerciseSet;
import org.backproplab.ui.common.Messages;

/**
 * Asks how many exercise sheets to write and the seed to draw them from. Writing stays disabled while
 * either field holds something that is not a whole number in range, so a wrong entry is seen, not
 * silently replaced.
 */
final class ExerciseSheetsDialog {

    private static final double EXPLANATION_WIDTH = 460;

    private final Dialog<ExerciseRequest> dialog = new Dialog<>();
    private final TextField variants = new TextField();
    private final TextField seed = new TextField();

    ExerciseSheetsDialog(Window owner, Messages messages, ExerciseRequest suggested) {
        dialog.initOwner(owner);
        dialog.setTitle(messages.get("exercise.dialog.title"));
        dialog.setHeaderText(messages.get("exercise.dialog.header"));
        Label explanation = DialogExplanation.of(messages.get("exercise.dialog.text"), EXPLANATION_WIDTH);
        variants.setId("exercise-variants");
        variants.setText(Integer.toString(suggested.variants()));
        variants.setPrefColumnCount(6);
        seed.setId("exercise-seed");
        seed.setText(Long.toString(suggested.seed()));
        seed.setPrefColumnCount(10);
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        grid.add(explanation, 0, 0, 2, 1);
        grid.addRow(1, new Label(messages.format("exercise.dialog.variants", ExerciseSet.MAX_VARIANTS)), variants);
        grid.addRow(2, new Label(messages.get("exercise.dialog.seed")), seed);
        dialog.getDialogPane().setContent(grid);
        ButtonType write = new ButtonType(messages.get("exercise.dialog.write"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(messages.get("exercise.dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().addAll(write, cancel);
        Node ok = dialog.getDialogPane().lookupButton(write);
        ok.disableProperty().bind(Bindings.createBooleanBinding(() -> request().isEmpty(),
                variants.textProperty(), seed.textProperty()));
        dialog.setResultConverter(button -> button == write ? request().orElse(null) : null);
    }

    Optional<ExerciseRequest> ask() {
        return dialog.showAndWait();
    }

    private Optional<ExerciseRequest> request() {
        OptionalLong count = whole(variants.getText());
        OptionalLong from = whole(seed.getText());
        if (count.isEmpty() || from.isEmpty() || count.getAsLong() < 1 || count.getAsLong() > ExerciseSet.MAX_VARIANTS) {
            return Optional.empty();
        }
        return Optional.of(new ExerciseRequest((int) count.getAsLong(), from.getAsLong()));
    }

    private static OptionalLong whole(String text) {
        try {
            return OptionalLong.of(Long.parseLong(text.strip()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
