package org.backproplab.ui.view;

import java.util.OptionalDouble;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.backproplab.engine.Metrics;
import org.backproplab.training.LabSnapshot;
import org.backproplab.ui.common.Messages;
import org.backproplab.ui.common.NumberText;

/**
 * Where training stands: epoch, loss and (for classification) accuracy on both sets, and at the
 * right whether it runs and how fast.
 */
public final class StatusLine extends HBox {

    private final Messages messages;
    private final NumberText numbers;
    private final Label epoch = new Label();
    private final Label loss = new Label();
    private final Label accuracy = new Label();
    private final Label pace = new Label();

    StatusLine(Messages messages) {
        super(28);
        this.messages = messages;
        this.numbers = new NumberText(messages.locale());
        epoch.getStyleClass().add("status-epoch");
        // The rest may be cut short in a narrow window; the epoch never.
        epoch.setMinWidth(Region.USE_PREF_SIZE);
        pace.getStyleClass().add("status-pace");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(epoch, loss, accuracy, spacer, pace);
        getStyleClass().add("status-line");
    }

    /** Shows whether training runs and, while it does, how many epochs it gets through per second. */
    public void showPace(boolean playing, OptionalDouble epochsPerSecond) {
        if (!playing) {
            pace.setText(messages.get("status.paused"));
        } else if (epochsPerSecond.isPresent()) {
            pace.setText(messages.format("status.pace", numbers.fixed(epochsPerSecond.getAsDouble(), 0)));
        } else {
            pace.setText(messages.get("status.playing"));
        }
    }

    void show(LabSnapshot snapshot) {
        Metrics train = snapshot.trainMetrics();
        Metrics test = snapshot.testMetrics();
        epoch.setText(messages.format("status.epoch", snapshot.epoch()));
        boolean classification = snapshot.classes() > 0;
        accuracy.setVisible(classification);
        accuracy.setManaged(classification);
        if (snapshot.testPoints().isEmpty()) {
            loss.setText(messages.format("status.loss.trainingOnly", numbers.compact(train.loss())));
            accuracy.setText(messages.format("status.accuracy.trainingOnly", numbers.percent(train.accuracy())));
        } else {
            loss.setText(messages.format("status.loss", numbers.compact(train.loss()),
                    numbers.compact(test.loss())));
            accuracy.setText(messages.format("status.accuracy", numbers.percent(train.accuracy()),
                    numbers.percent(test.accuracy())));
        }
    }
}
