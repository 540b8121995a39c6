package org.backproplab.ui;

import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import org.backproplab.engine.Metrics;
import org.backproplab.training.LabSnapshot;

/** Where training stands: epoch, loss and (for classification) accuracy on both sets. */
final class StatusLine extends HBox {

    private final Messages messages;
    private final NumberText numbers;
    private final Label epoch = new Label();
    private final Label loss = new Label();
    private final Label accuracy = new Label();

    StatusLine(Messages messages) {
        super(28);
        this.messages = messages;
        this.numbers = new NumberText(messages.locale());
        epoch.getStyleClass().add("status-epoch");
        getChildren().addAll(epoch, loss, accuracy);
        getStyleClass().add("status-line");
    }

    void show(LabSnapshot snapshot) {
        Metrics train = snapshot.trainMetrics();
        Metrics test = snapshot.testMetrics();
        epoch.setText(messages.format("status.epoch", snapshot.epoch()));
        boolean classification = snapshot.classes() > 0;
        accuracy.setVisible(classification);
        accuracy.setManaged(classification);
        if (snapshot.testPoints().isEmpty()) {
            loss.setText(messages.format("status.loss.trainingOnly", numbers.significant(train.loss())));
            accuracy.setText(messages.format("status.accuracy.trainingOnly", numbers.percent(train.accuracy())));
        } else {
            loss.setText(messages.format("status.loss", numbers.significant(train.loss()),
                    numbers.significant(test.loss())));
            accuracy.setText(messages.format("status.accuracy", numbers.percent(train.accuracy()),
                    numbers.percent(test.accuracy())));
        }
    }
}
