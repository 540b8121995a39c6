package org.backproplab.ui.charts;

import javafx.scene.control.ToggleButton;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.backproplab.training.TrainerSnapshot;
import org.backproplab.ui.common.Messages;
import org.backproplab.ui.common.Palette;
import org.backproplab.ui.common.Tips;
import org.backproplab.ui.common.ViewCard;
import org.backproplab.ui.help.Legend;
import org.controlsfx.control.SegmentedButton;

/**
 * The chart under the decision boundary, in its card: loss or accuracy over the epochs, with a
 * legend for the training and test curves; or the learning rate η over the epochs, which a schedule
 * lowers as training goes on; or the gradient flow, each layer's gradient size over
 * the epochs, with a key to the layers' colours and a toggle for which size. A toggle in the
 * header chooses among the four.
 */
public final class ChartCard extends VBox {

    private final Palette palette;
    private final Messages messages;
    private final LossChart chart;
    private final GradientFlowChart flow;
    private final ViewCard card;
    private final ToggleButton loss;
    private final ToggleButton accuracy;
    private final SegmentedButton measures;
    /** What the legend on show is for ("curves", test or not; "flow", layer count), so it is rebuilt only when that changes. */
    private String legendFor = "";
    private boolean withTest;
    private int layers;

    public ChartCard(Palette palette, Messages messages) {
        this.palette = palette;
        this.messages = messages;
        chart = new LossChart(palette, messages);
        flow = new GradientFlowChart(palette, messages);
        card = new ViewCard(new StackPane(chart, flow), Legend.forChart(palette, messages, true));
        loss = metricButton("chart.loss", LossChart.Metric.LOSS);
        accuracy = metricButton("chart.accuracy", LossChart.Metric.ACCURACY);
        ToggleButton learningRate = metricButton("chart.learningRate", LossChart.Metric.LEARNING_RATE);
        learningRate.setId("chart-learning-rate");
        ToggleButton flowView = new ToggleButton(messages.get("flow.view"));
        flowView.setId("chart-gradient-flow");
        flowView.setTooltip(Tips.of(messages.get("tip.flow.view")));
        flowView.setFocusTraversable(false);
        flowView.setOnAction(event -> {
            flowView.setSelected(true);
            showView(true);
        });
        loss.setSelected(true);
        card.setTools(toggle(new SegmentedButton(loss, accuracy, learningRate, flowView)));
        ToggleButton meanDelta = measureButton("flow.measure.delta", GradientFlowChart.Measure.MEAN_DELTA);
        meanDelta.setSelected(true);
        measures = toggle(new SegmentedButton(meanDelta, measureButton("flow.measure.weights", GradientFlowChart.Measure.WEIGHT_GRADIENT)));
        showView(false);
        getChildren().add(card);
        VBox.setVgrow(card, Priority.ALWAYS);
        getStyleClass().add("chart-card");
    }

    /** Draws both charts' lines and labels {@code scale} times their normal size. */
    public void setDrawingScale(double scale) {
        chart.setDrawingScale(scale);
        flow.setDrawingScale(scale);
    }

    LossChart chart() {
        return chart;
    }

    public void show(TrainerSnapshot snapshot) {
        boolean classification = snapshot.lab().classes() > 0;
        withTest = !snapshot.lab().testPoints().isEmpty();
        layers = snapshot.lab().network().layerCount();
        accuracy.setDisable(!classification);
        if (!classification && chart.metric() == LossChart.Metric.ACCURACY) {
            chart.setMetric(LossChart.Metric.LOSS);
            if (!flow.isVisible()) {
                loss.setSelected(true);
                showTitle();
            }
        }
        showLegend();
        chart.show(snapshot.history(), withTest);
        flow.show(snapshot.history());
    }

    private SegmentedButton toggle(SegmentedButton buttons) {
        buttons.getStyleClass().add("card-toggle");
        return buttons;
    }

    private ToggleButton metricButton(String key, LossChart.Metric metric) {
        return choiceButton(key, () -> {
            chart.setMetric(metric);
            showView(false);
        });
    }

    private ToggleButton measureButton(String key, GradientFlowChart.Measure measure) {
        return choiceButton(key, () -> flow.setMeasure(measure));
    }

    /** One choice of a segmented toggle: pressing it again keeps it chosen rather than leaving none. */
    private ToggleButton choiceButton(String key, Runnable choose) {
        ToggleButton button = new ToggleButton(messages.get(key));
        button.setTooltip(Tips.of(messages.get("tip." + key)));
        button.setFocusTraversable(false);
        button.setOnAction(event -> {
            button.setSelected(true);
            choose.run();
        });
        return button;
    }

    private void showView(boolean showsFlow) {
        flow.setVisible(showsFlow);
        chart.setVisible(!showsFlow);
        card.setLegendTools(showsFlow ? measures : new Region());
        showTitle();
        showLegend();
    }

    private void showLegend() {
        boolean showsFlow = flow.isVisible();
        // η is one line with no training and test to tell apart: no legend.
        boolean showsRate = !showsFlow && chart.metric() == LossChart.Metric.LEARNING_RATE;
        String wanted = showsFlow ? "flow " + layers : showsRate ? "rate" : "curves " + withTest;
        if (!wanted.equals(legendFor)) {
            legendFor = wanted;
            card.setLegend(showsFlow ? Legend.forGradientFlow(palette, messages, layers)
                    : showsRate ? new Region() : Legend.forChart(palette, messages, withTest));
        }
    }

    private void showTitle() {
        if (flow.isVisible()) {
            card.setTitle(messages.get("flow.title"));
            card.setSubtitle(messages.get("flow.subtitle"));
            return;
        }
        card.setTitle(messages.get(switch (chart.metric()) {
            case LOSS -> "chart.title.loss";
            case ACCURACY -> "chart.title.accuracy";
            case LEARNING_RATE -> "chart.title.learningRate";
        }));
        card.setSubtitle(messages.get("chart.subtitle"));
    }
}
