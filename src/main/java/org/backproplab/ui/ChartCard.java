package org.backproplab.ui;

import javafx.scene.control.ToggleButton;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.backproplab.training.TrainerSnapshot;
import org.controlsfx.control.SegmentedButton;

/**
 * The chart under the decision boundary, in its card: loss or accuracy over the epochs (a toggle
 * in the header chooses), with a legend for the training and test curves.
 */
final class ChartCard extends VBox {

    private final Palette palette;
    private final Messages messages;
    private final LossChart chart;
    private final ViewCard card;
    private final ToggleButton loss;
    private final ToggleButton accuracy;
    private Boolean legendWithTest;

    ChartCard(Palette palette, Messages messages) {
        this.palette = palette;
        this.messages = messages;
        chart = new LossChart(palette, messages);
        card = new ViewCard(chart, Legend.forChart(palette, messages, true));
        loss = metricButton("chart.loss", LossChart.Metric.LOSS);
        accuracy = metricButton("chart.accuracy", LossChart.Metric.ACCURACY);
        loss.setSelected(true);
        SegmentedButton metrics = new SegmentedButton(loss, accuracy);
        metrics.getStyleClass().add("card-toggle");
        card.setTools(metrics);
        showTitle();
        getChildren().add(card);
        VBox.setVgrow(card, Priority.ALWAYS);
        getStyleClass().add("chart-card");
    }

    LossChart chart() {
        return chart;
    }

    void show(TrainerSnapshot snapshot) {
        boolean classification = snapshot.lab().classes() > 0;
        boolean withTest = !snapshot.lab().testPoints().isEmpty();
        accuracy.setDisable(!classification);
        if (!classification && chart.metric() == LossChart.Metric.ACCURACY) {
            loss.setSelected(true);
            chart.setMetric(LossChart.Metric.LOSS);
            showTitle();
        }
        if (legendWithTest == null || legendWithTest != withTest) {
            legendWithTest = withTest;
            card.setLegend(Legend.forChart(palette, messages, withTest));
        }
        chart.show(snapshot.history(), withTest);
    }

    private ToggleButton metricButton(String key, LossChart.Metric metric) {
        ToggleButton button = new ToggleButton(messages.get(key));
        button.setTooltip(Tips.of(messages.get("tip." + key)));
        button.setFocusTraversable(false);
        button.setOnAction(event -> {
            button.setSelected(true);
            chart.setMetric(metric);
            showTitle();
        });
        return button;
    }

    private void showTitle() {
        boolean showingLoss = chart.metric() == LossChart.Metric.LOSS;
        card.setTitle(messages.get(showingLoss ? "chart.title.loss" : "chart.title.accuracy"));
        card.setSubtitle(messages.get("chart.subtitle"));
    }
}
