package org.backproplab.ui.charts;

import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
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
 * The charts of a comparison, in one card: the two runs' training loss on one chart (A solid, B
 * dashed, with a key), or, at a toggle, each run's gradient flow side by side on the same log scale.
 */
public final class ComparisonCharts extends VBox {

    private final ComparisonLossChart loss;
    private final GradientFlowChart flowA;
    private final GradientFlowChart flowB;
    private final HBox flows;
    private final Legend lossKey;
    private final Legend flowKey;

    public ComparisonCharts(Palette palette, Messages messages) {
        loss = new ComparisonLossChart(palette, messages);
        flowA = new GradientFlowChart(palette, messages);
        flowB = new GradientFlowChart(palette, messages);
        flows = new HBox(8, titled(flowA, messages.get("compare.runA")), titled(flowB, messages.get("compare.runB")));
        lossKey = Legend.forComparison(palette, messages);
        // The flow charts name their lines at the ends, and each is headed by its run: no key needed.
        flowKey = new Legend(palette);
        ViewCard card = new ViewCard(new StackPane(loss, flows), lossKey);
        ToggleButton lossButton = new ToggleButton(messages.get("chart.loss"));
        lossButton.setId("compare-chart-loss");
        ToggleButton flowButton = new ToggleButton(messages.get("flow.view"));
        flowButton.setId("compare-chart-flow");
        flowButton.setTooltip(Tips.of(messages.get("tip.flow.view")));
        lossButton.setOnAction(event -> {
            lossButton.setSelected(true);
            showFlow(card, messages, false);
        });
        flowButton.setOnAction(event -> {
            flowButton.setSelected(true);
            showFlow(card, messages, true);
        });
        lossButton.setSelected(true);
        SegmentedButton views = new SegmentedButton(lossButton, flowButton);
        views.getStyleClass().add("card-toggle");
        card.setTools(views);
        showFlow(card, messages, false);
        getChildren().add(card);
        VBox.setVgrow(card, Priority.ALWAYS);
        getStyleClass().add("chart-card");
    }

    /** Both runs' newest histories; the loss chart draws the epochs both have finished. */
    public void show(TrainerSnapshot a, TrainerSnapshot b) {
        loss.show(a.history(), b.history());
        flowA.show(a.history());
        flowB.show(b.history());
    }

    /** Draws the lines and labels {@code scale} times their normal size. */
    public void setDrawingScale(double scale) {
        List.of(loss, flowA, flowB).forEach(chart -> chart.setDrawingScale(scale));
    }

    private void showFlow(ViewCard card, Messages messages, boolean showsFlow) {
        loss.setVisible(!showsFlow);
        flows.setVisible(showsFlow);
        card.setLegend(showsFlow ? flowKey : lossKey);
        card.setTitle(messages.get(showsFlow ? "flow.title" : "compare.chart.title"));
        card.setSubtitle(messages.get(showsFlow ? "flow.subtitle" : "compare.chart.subtitle"));
    }

    private static VBox titled(EpochChart chart, String title) {
        Label label = new Label(title);
        label.getStyleClass().add("compare-run-name");
        VBox box = new VBox(2, label, chart);
        VBox.setVgrow(chart, Priority.ALWAYS);
        HBox.setHgrow(box, Priority.ALWAYS);
        return box;
    }
}
