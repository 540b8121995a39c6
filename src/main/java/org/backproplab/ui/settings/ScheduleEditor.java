package org.backproplab.ui.settings;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.DoublePredicate;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.backproplab.engine.LearningRateSchedule;
import org.backproplab.lesson.LessonFile;
import org.backproplab.training.TrainerCommand;
import org.backproplab.ui.common.ChoiceText;
import org.backproplab.ui.common.Messages;
import org.backproplab.ui.common.NumberChoice;
import org.backproplab.ui.common.Tips;

/**
 * The learning-rate schedule: which kind (constant, step, exponential, cosine) and its numbers,
 * e.g. "every 100 epochs × 0.5". A choice or a number picked or typed (Enter) is sent to the
 * trainer as a whole schedule at once; the next step trains with the η it gives. Shows the
 * trainer's schedule otherwise, without sending it back.
 */
final class ScheduleEditor extends VBox {

    /** What a freshly chosen kind starts with: halve η every 100 epochs, lose 1 % an epoch, ease to 0 over 1000. */
    private static final List<LearningRateSchedule> STARTING = List.of(new LearningRateSchedule.Constant(),
            new LearningRateSchedule.Step(100, 0.5), new LearningRateSchedule.Exponential(0.99),
            new LearningRateSchedule.Cosine(1000, 0));

    private final Messages messages;
    private final Consumer<TrainerCommand> send;
    private final ChoiceBox<String> kind = new ChoiceBox<>();
    private final NumberChoice every;
    private final NumberChoice factor;
    private final NumberChoice epochs;
    private final NumberChoice minimum;
    private final HBox numbers = new HBox(6);
    private LearningRateSchedule shown = new LearningRateSchedule.Constant();
    private boolean syncing;

    ScheduleEditor(Messages messages, Consumer<TrainerCommand> send) {
        super(6);
        this.messages = messages;
        this.send = send;
        every = number("every", List.of(10.0, 50.0, 100.0, 500.0), ScheduleEditor::wholeEpochs);
        factor = number("factor", List.of(0.5, 0.9, 0.99, 0.999), v -> v > 0 && v <= 1);
        epochs = number("epochs", List.of(100.0, 500.0, 1000.0, 5000.0), ScheduleEditor::wholeEpochs);
        minimum = number("minimum", List.of(0.0, 0.0001, 0.001), v -> v >= 0);
        STARTING.forEach(schedule -> kind.getItems().add(schedule.id()));
        kind.setId("schedule");
        kind.setTooltip(Tips.of(messages.get("tip.settings.schedule")));
        kind.setMaxWidth(Double.MAX_VALUE);
        kind.setConverter(ChoiceText.of(id -> messages.get("schedule." + id)));
        kind.setOnAction(event -> {
            if (!syncing && kind.getValue() != null && !kind.getValue().equals(shown.id())) {
                choose(STARTING.stream().filter(schedule -> schedule.id().equals(kind.getValue())).findFirst().orElseThrow());
            }
        });
        numbers.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(kind, numbers);
        show(shown);
    }

    /** Shows the trainer's schedule, without sending it back. */
    void show(LearningRateSchedule schedule) {
        if (schedule.equals(shown) && kind.getValue() != null) {
            return;
        }
        shown = schedule;
        syncing = true;
        kind.setValue(schedule.id());
        switch (schedule) {
            case LearningRateSchedule.Constant _ -> numbers.getChildren().clear();
            case LearningRateSchedule.Step(long stepEvery, double stepFactor) -> {
                every.show(stepEvery);
                factor.show(stepFactor);
                numbers.getChildren().setAll(labelled("schedule.every", every), labelled("schedule.factor", factor));
            }
            case LearningRateSchedule.Exponential(double decay) -> {
                factor.show(decay);
                numbers.getChildren().setAll(labelled("schedule.factor", factor));
            }
            case LearningRateSchedule.Cosine(long cosineEpochs, double floor) -> {
                epochs.show(cosineEpochs);
                minimum.show(floor);
                numbers.getChildren().setAll(labelled("schedule.epochs", epochs), labelled("schedule.minimum", minimum));
            }
        }
        numbers.setVisible(!numbers.getChildren().isEmpty());
        numbers.setManaged(numbers.isVisible());
        syncing = false;
    }

    /** A count of epochs a lesson file can hold. */
    private static boolean wholeEpochs(double value) {
        return value >= 1 && value <= LessonFile.MAX_SCHEDULE_EPOCHS && value == Math.rint(value);
    }

    private NumberChoice number(String key, List<Double> usual, DoublePredicate allowed) {
        NumberChoice choice = new NumberChoice(messages, usual, allowed, messages.get("tip.schedule." + key),
                messages.get("schedule." + key + ".invalid"));
        choice.setId("schedule-" + key);
        choice.setPrefWidth(90);
        choice.setOnChosen(value -> {
            if (!syncing) {
                choose(edited(shown, key, value));
            }
        });
        return choice;
    }

    /** {@code schedule} with the number named {@code key} changed to {@code value}. */
    private static LearningRateSchedule edited(LearningRateSchedule schedule, String key, double value) {
        return switch (schedule) {
            case LearningRateSchedule.Constant constant -> constant;
            case LearningRateSchedule.Step(long stepEvery, double stepFactor) -> key.equals("every")
                    ? new LearningRateSchedule.Step((long) value, stepFactor) : new LearningRateSchedule.Step(stepEvery, value);
            case LearningRateSchedule.Exponential _ -> new LearningRateSchedule.Exponential(value);
            case LearningRateSchedule.Cosine(long cosineEpochs, double floor) -> key.equals("epochs")
                    ? new LearningRateSchedule.Cosine((long) value, floor) : new LearningRateSchedule.Cosine(cosineEpochs, value);
        };
    }

    private void choose(LearningRateSchedule schedule) {
        show(schedule);
        send.accept(new TrainerCommand.SetLearningRateSchedule(schedule));
    }

    private Node labelled(String key, NumberChoice choice) {
        Label name = new Label(messages.get(key));
        name.getStyleClass().add("settings-label");
        name.setMinWidth(Label.USE_PREF_SIZE);
        HBox.setHgrow(choice, Priority.ALWAYS);
        HBox pair = new HBox(4, name, choice);
        pair.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(pair, Priority.ALWAYS);
        return pair;
    }
}
