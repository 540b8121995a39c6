package org.backproplab.ui.shell;

import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Labeled;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.backproplab.training.TrainerCommand;
import org.backproplab.training.TrainerSnapshot;
import org.backproplab.ui.common.Icons;
import org.backproplab.ui.common.Messages;
import org.backproplab.ui.common.Tips;

/**
 * Running the lab: play and pause, one step (an epoch, a mini-batch or one sample), reset, and how
 * fast training goes. Buttons take no keyboard focus, so that a presenter's clicker keys go to the
 * step-through rather than re-pressing the last button clicked.
 */
final class TrainingBar extends HBox {

    /** Speeds on offer, in epochs per second; 0, the last, means as fast as the machine goes. */
    static final double[] SPEEDS = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 0};

    private static final PseudoClass PLAYING = PseudoClass.getPseudoClass("playing");

    private final Messages messages;
    private final Consumer<TrainerCommand> send;
    private final Button playPause = new Button();
    private final Button stepEpoch;
    private final Button stepBatch;
    private final Button stepSample;
    private final Button reset;
    private final Slider speed = new Slider(0, SPEEDS.length - 1, SPEEDS.length - 1);
    private final Label speedText = new Label();
    private final ToggleButton settings = new ToggleButton();
    /** "Step:" and "Speed", which a narrow bar leaves out. */
    private final Label stepLabel = new Label();
    private final Label speedLabel = new Label();
    /** What the play button shows: the user's last wish, until a snapshot says otherwise. */
    private boolean playing;
    private boolean syncing;
    private int trainPoints;
    /** Which training sample the next single-sample step uses: they are taken in turn. */
    private int nextSample;

    TrainingBar(Messages messages, Consumer<TrainerCommand> send) {
        super(8);
        this.messages = messages;
        this.send = send;
        playPause.setId("play");
        playPause.getStyleClass().add("play-button");
        playPause.setFocusTraversable(false);
        playPause.setTooltip(Tips.of(messages.get("toolbar.play.tip")));
        playPause.setOnAction(event -> setPlaying(!playing));
        stepEpoch = button("step-epoch", "toolbar.stepEpoch", Icons.step(), () -> send.accept(new TrainerCommand.StepEpoch()));
        stepBatch = button("step-batch", "toolbar.stepBatch", Icons.step(), () -> send.accept(new TrainerCommand.StepBatch()));
        stepSample = button("step-sample", "toolbar.stepSample", Icons.step(), this::stepSample);
        reset = button("reset", "toolbar.reset", Icons.reset(), () -> send.accept(new TrainerCommand.Reset()));
        stepLabel.setText(messages.get("toolbar.step"));
        stepLabel.getStyleClass().add("toolbar-caption");

        speed.setMajorTickUnit(1);
        speed.setMinorTickCount(0);
        speed.setSnapToTicks(true);
        speed.setBlockIncrement(1);
        speed.setFocusTraversable(false);
        speed.setPrefWidth(130);
        speed.setId("speed");
        speed.setTooltip(Tips.of(messages.get("tip.toolbar.speed")));
        speed.valueProperty().addListener((property, before, value) -> {
            showSpeed();
            if (!syncing && value.doubleValue() == Math.rint(value.doubleValue())) {
                send.accept(new TrainerCommand.SetSpeed(speedValue()));
            }
        });
        speedLabel.setText(messages.get("toolbar.speed"));
        speedLabel.getStyleClass().add("toolbar-caption");
        speedText.getStyleClass().add("speed-text");
        speedText.setMinWidth(Region.USE_PREF_SIZE);

        settings.setGraphic(Icons.settings());
        settings.setText(messages.get("toolbar.settings"));
        settings.setTooltip(Tips.of(messages.get("toolbar.settings.tip")));
        settings.setFocusTraversable(false);
        settings.getStyleClass().add("settings-toggle");

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(playPause, separator(), stepLabel, stepEpoch, stepBatch, stepSample, separator(), reset,
                separator(), speedLabel, speed, speedText, spacer, settings);
        setAlignment(Pos.CENTER_LEFT);
        widthProperty().addListener((property, before, width) -> fit());
        getStyleClass().add("training-bar");
        showPlaying();
        showSpeed();
    }

    /** Text drawn larger needs more room for the buttons' names: measured again once the new size is applied. */
    void setScale() {
        Platform.runLater(this::fit);
    }

    /**
     * Buttons show their names where there is room, and only their icons (their names stay in the
     * tooltips) where the names would be cut: the room is measured, since Chinese and English names,
     * and text scaled up for a room, each need their own.
     */
    private void fit() {
        if (getWidth() <= 0) {
            return;
        }
        showNames(true);
        if (prefWidth(-1) > getWidth()) {
            showNames(false);
        }
    }

    private void showNames(boolean names) {
        ContentDisplay display = names ? ContentDisplay.LEFT : ContentDisplay.GRAPHIC_ONLY;
        for (Labeled labeled : List.of(stepEpoch, stepBatch, stepSample, reset, settings)) {
            labeled.setContentDisplay(display);
        }
        for (Node caption : List.of(stepLabel, speedLabel)) {
            caption.setVisible(names);
            caption.setManaged(names);
        }
    }

    /** Puts more buttons right after Reset: undo and redo, which belong to the Edit menu. */
    void addAfterReset(Node buttons) {
        getChildren().add(getChildren().indexOf(reset) + 1, buttons);
    }

    /** Puts a button just before the settings toggle at the bar's right end: Compare…. */
    void addBeforeSettings(Node button) {
        getChildren().add(getChildren().indexOf(settings), button);
    }

    /** Whether the settings panel is shown; the toggle at the bar's right end. */
    BooleanProperty settingsShownProperty() {
        return settings.selectedProperty();
    }

    /**
     * Follows the trainer. Whether it plays and at what speed are taken from the snapshot only once
     * it reflects every command sent ({@code settled}), so a click is never undone by an older snapshot.
     */
    void show(TrainerSnapshot snapshot, boolean settled) {
        trainPoints = snapshot.lab().trainPoints().size();
        boolean canTrain = trainPoints > 0;
        playPause.setDisable(!canTrain);
        stepEpoch.setDisable(!canTrain);
        stepBatch.setDisable(!canTrain);
        stepSample.setDisable(!canTrain);
        if (settled) {
            if (playing != snapshot.playing()) {
                playing = snapshot.playing();
                showPlaying();
            }
            syncing = true;
            speed.setValue(speedIndex(snapshot.speed()));
            syncing = false;
        }
    }

    private void setPlaying(boolean play) {
        playing = play;
        send.accept(play ? new TrainerCommand.Play() : new TrainerCommand.Pause());
        showPlaying();
    }

    private void stepSample() {
        if (trainPoints > 0) {
            send.accept(new TrainerCommand.StepSample(nextSample % trainPoints));
            nextSample = (nextSample + 1) % trainPoints;
        }
    }

    private void showPlaying() {
        playPause.setGraphic(playing ? Icons.pause() : Icons.play());
        playPause.setText(messages.get(playing ? "toolbar.pause" : "toolbar.play"));
        playPause.pseudoClassStateChanged(PLAYING, playing);
    }

    private void showSpeed() {
        double value = speedValue();
        speedText.setText(value == 0 ? messages.get("toolbar.speed.max") : messages.format("toolbar.speed.value", value));
    }

    private double speedValue() {
        return SPEEDS[(int) Math.round(speed.getValue())];
    }

    /** The slider position of a speed; a speed not on offer (from a script) goes to the nearest one. */
    static int speedIndex(double epochsPerSecond) {
        if (epochsPerSecond == 0) {
            return SPEEDS.length - 1;
        }
        int best = 0;
        for (int i = 0; i < SPEEDS.length - 1; i++) {
            if (Math.abs(Math.log(SPEEDS[i] / epochsPerSecond)) < Math.abs(Math.log(SPEEDS[best] / epochsPerSecond))) {
                best = i;
            }
        }
        return best;
    }

    private Button button(String id, String key, Node icon, Runnable action) {
        Button button = new Button(messages.get(key), icon);
        button.setId(id);
        button.setTooltip(Tips.of(messages.get(key + ".tip")));
        button.setFocusTraversable(false);
        button.setOnAction(event -> action.run());
        return button;
    }

    private static Region separator() {
        Region line = new Region();
        line.getStyleClass().add("toolbar-separator");
        return line;
    }
}
