package org.backproplab.ui.help;

import javafx.beans.binding.Bindings;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Stop;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.StrokeLineCap;
import org.backproplab.ui.common.Messages;
import org.backproplab.ui.common.Palette;
import org.backproplab.ui.graph.EdgeValue;

/**
 * A row of keys under a drawing: small samples of what the drawing uses (a dashed line, a hollow
 * point, a colour ramp) each with its meaning. Samples take their colours from the palette, so the
 * key always matches the drawing. The samples are also drawn in the Help ▸ Legend window, which
 * explains them all at once.
 */
public final class Legend extends FlowPane {

    /** The legend's text size at the normal scale (lab.css: .legend .label). */
    private static final double NORMAL_TEXT_SIZE = 13;

    private final Palette palette;

    public Legend(Palette palette) {
        super(18, 4);
        this.palette = palette;
        getStyleClass().add("legend");
    }

    /** Keys for the network graph whose edges show {@code edges}. */
    public static Legend forGraph(Palette palette, Messages messages, EdgeValue edges) {
        Legend legend = new Legend(palette);
        legend.add(legend.line(palette.positive(), false), messages.get("graph.legend.positive." + edges.key()));
        legend.add(legend.line(palette.negative(), true), messages.get("graph.legend.negative." + edges.key()));
        legend.add(null, messages.get("graph.legend.width." + edges.key()));
        legend.add(legend.biasMarker(), messages.get("graph.legend.bias"));
        legend.add(legend.ramp(), messages.get("graph.legend.output"));
        return legend;
    }

    /** Keys for the decision boundary: one per class (or a ramp for regression), then training and test. */
    public static Legend forBoundary(Palette palette, Messages messages, int classes, boolean withTestPoints) {
        Legend legend = new Legend(palette);
        if (classes == 0) {
            legend.add(legend.ramp(), messages.get("boundary.legend.target"));
        }
        for (int c = 0; c < classes; c++) {
            legend.add(legend.point(palette.classColor(c), true), messages.format("boundary.legend.class", c));
        }
        legend.add(legend.point(palette.mutedText(), true), messages.get("boundary.legend.train"));
        if (withTestPoints) {
            legend.add(legend.point(palette.mutedText(), false), messages.get("boundary.legend.test"));
        }
        return legend;
    }

    /** Keys for the loss chart: the training curve, and the test curve if there is a test set. */
    public static Legend forChart(Palette palette, Messages messages, boolean withTest) {
        Legend legend = new Legend(palette);
        legend.add(legend.line(palette.trainingCurve(), false), messages.get("chart.legend.train"));
        if (withTest) {
            legend.add(legend.line(palette.testCurve(), true), messages.get("chart.legend.test"));
        }
        return legend;
    }

    /** The key to a comparison's loss chart: run A's line solid, run B's dashed. */
    public static Legend forComparison(Palette palette, Messages messages) {
        Legend legend = new Legend(palette);
        legend.add(legend.line(palette.trainingCurve(), false), messages.get("compare.runA"));
        legend.add(legend.line(palette.testCurve(), true), messages.get("compare.runB"));
        return legend;
    }

    /**
     * The key to the gradient flow chart: the layers' colours side by side, from the first hidden
     * layer to the output, named as the lines' ends are.
     */
    public static Legend forGradientFlow(Palette palette, Messages messages, int layers) {
        Legend legend = new Legend(palette);
        HBox ramp = new HBox();
        for (int l = 0; l < layers; l++) {
            ramp.getChildren().add(legend.line(palette.layerColor(l, layers), false, 10));
        }
        String output = messages.get("graph.layer.output.short");
        legend.add(ramp, layers > 1
                ? messages.format("flow.legend.layers", messages.format("graph.layer.hidden.short", 1), output) : output);
        return legend;
    }

    /** A key: its sample (or none, for a note) and what it means. */
    private void add(Node sample, String text) {
        Label label = new Label(text);
        label.setGraphicTextGap(6);
        getChildren().add(label);
        if (sample == null) {
            return;
        }
        // In a group, so the sample's scale counts in the label's layout.
        label.setGraphic(new Group(sample));
        // Samples grow with their words when the window's text is scaled up for a room (in quarter steps, so
        // the normal size stays exactly 1 and crisp).
        sample.scaleXProperty().bind(Bindings.createDoubleBinding(
                () -> Math.max(1, Math.round(label.getFont().getSize() / NORMAL_TEXT_SIZE * 4) / 4.0), label.fontProperty()));
        sample.scaleYProperty().bind(sample.scaleXProperty());
    }

    public Line line(Color color, boolean dashed) {
        return line(color, dashed, 26);
    }

    Line line(Color color, boolean dashed, double length) {
        Line line = new Line(0, 0, length, 0);
        line.setStroke(color);
        line.setStrokeWidth(3.5);
        line.setStrokeLineCap(StrokeLineCap.BUTT);
        if (dashed) {
            line.getStrokeDashArray().setAll(7.0, 4.0);
        }
        return line;
    }

    public Circle point(Color color, boolean filled) {
        Circle circle = new Circle(6);
        circle.setFill(filled ? color : Color.TRANSPARENT);
        circle.setStroke(filled ? palette.outline() : color);
        circle.setStrokeWidth(filled ? 1.2 : 2.5);
        return circle;
    }

    public Node biasMarker() {
        Rectangle marker = new Rectangle(11, 11, palette.neutral().interpolate(palette.positive(), 0.6));
        marker.setStroke(palette.outline());
        marker.setStrokeWidth(1.2);
        return marker;
    }

    public Node ramp() {
        Rectangle ramp = new Rectangle(44, 12);
        ramp.setFill(new LinearGradient(0, 0, 1, 0, true, CycleMethod.NO_CYCLE,
                new Stop(0, palette.negative()), new Stop(0.5, palette.neutral()), new Stop(1, palette.positive())));
        ramp.setStroke(palette.outline());
        ramp.setStrokeWidth(0.8);
        return ramp;
    }
}
