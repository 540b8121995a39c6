package org.backproplab.ui.graph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.backproplab.trace.OutputNames;
import org.backproplab.training.Heatmaps;
import org.backproplab.training.LastUpdate;
import org.backproplab.training.LayerSnapshot;
import org.backproplab.training.NetworkSnapshot;
import org.backproplab.ui.common.CanvasView;
import org.backproplab.ui.common.ColorScale;
import org.backproplab.ui.common.CrispLines;
import org.backproplab.ui.common.GraphTarget;
import org.backproplab.ui.common.HeatmapImage;
import org.backproplab.ui.common.Messages;
import org.backproplab.ui.common.NumberText;
import org.backproplab.ui.common.Palette;
import org.backproplab.ui.common.TextWidth;

/**
 * The network as a graph, layers left to right. Every node shows a small heatmap of what it outputs
 * over the input plane (as TensorFlow Playground does), so a class can see hidden neurons carve the
 * plane into the pieces the output combines. Edges are as thick as their weight is large, blue when
 * positive and orange and dashed when negative. A small square on each neuron's corner shows its
 * bias in the same colours, and the value is written under the neuron where there is room.
 */
public final class NetworkGraphView extends CanvasView {

    /** Line width for a weight of 0. */
    static final double THINNEST_EDGE = 1.0;
    /** The most any weight gets, so huge weights do not swallow the graph; less when nodes are small. */
    static final double THICKEST_EDGE = 10.0;
    private static final double WIDTH_PER_UNIT_WEIGHT = 1.6;
    private static final String FONT = "System";
    /** Side of the bias marker as a share of the node's side. */
    private static final double BIAS_MARKER = 0.24;

    private final Palette palette;
    private final Messages messages;
    private final NumberText numbers;
    private NetworkSnapshot network;
    private List<List<Image>> nodeImages = List.of();
    private Heatmaps shownHeatmaps;
    /** One reusable image per node, column by column, so a new frame allocates no images. */
    private final List<List<HeatmapImage>> painters = new ArrayList<>();
    private final ColorScale biasScale;
    private GraphGeometry geometry;
    private EdgeValue edgeValue = EdgeValue.WEIGHT;
    private Optional<LastUpdate> lastUpdate = Optional.empty();
    private Optional<GraphTarget> highlight = Optional.empty();
    private final Map<String, Double> captionWidths = new HashMap<>();
    /** The largest |value| among the edges last drawn, which sets the scale for gradients and steps. */
    private double largestEdgeValue;

    public NetworkGraphView(Palette palette, Messages messages) {
        this.palette = palette;
        this.biasScale = ColorScale.diverging(-1, 1, palette);
        this.messages = messages;
        this.numbers = new NumberText(messages.locale());
        getStyleClass().add("network-graph");
    }

    /** Shows a network and its heatmaps (taken from the same snapshot). */
    public void show(NetworkSnapshot network, Heatmaps heatmaps) {
        // A busy trainer sends the same maps for several frames: they are painted once.
        if (heatmaps != shownHeatmaps || !network.shape().equals(this.network == null ? null : this.network.shape())) {
            this.nodeImages = nodeImages(network, heatmaps);
            shownHeatmaps = heatmaps;
        }
        this.network = network;
        redraw();
    }

    /**
     * Redraws with other weights for the same shape, keeping the node pictures: cheap enough to call
     * every frame, as the step-through does while an update moves the edges from old to new.
     */
    public void showWeights(NetworkSnapshot weights) {
        if (network == null || !weights.shape().equals(network.shape())) {
            throw new IllegalArgumentException("showWeights needs the shape on show, " + weights.shape());
        }
        this.network = weights;
        redraw();
    }

    /** The network on show; null before the first {@link #show}. */
    public NetworkSnapshot network() {
        return network;
    }

    /** Shows a network, its heatmaps and its last training step (all from the same snapshot). */
    public void show(NetworkSnapshot network, Heatmaps heatmaps, Optional<LastUpdate> update) {
        this.lastUpdate = update;
        show(network, heatmaps);
    }

    /** Chooses what the edges show: the weights, or the last step's gradients or changes. */
    public void setEdgeValue(EdgeValue value) {
        edgeValue = value;
        redraw();
    }

    /** Marks the node or edge the pointer is on (or being edited), or nothing. */
    public void setHighlight(Optional<GraphTarget> target) {
        if (!target.equals(highlight)) {
            highlight = target;
            redraw();
        }
    }

    /** Where the last drawing put every node; null before anything was drawn. */
    public GraphGeometry geometry() {
        return geometry;
    }

    private List<List<Image>> nodeImages(NetworkSnapshot network, Heatmaps heatmaps) {
        List<Integer> shape = network.shape();
        while (painters.size() > shape.size()) {
            painters.removeLast();
        }
        for (int column = 0; column < shape.size(); column++) {
            if (column == painters.size()) {
                painters.add(new ArrayList<>());
            }
            List<HeatmapImage> nodes = painters.get(column);
            while (nodes.size() > shape.get(column)) {
                nodes.removeLast();
            }
            while (nodes.size() < shape.get(column)) {
                nodes.add(new HeatmapImage());
            }
        }
        List<List<Image>> columns = new ArrayList<>();
        List<Image> inputs = new ArrayList<>();
        for (int f = 0; f < network.inputCount(); f++) {
            inputs.add(painters.get(0).get(f).paint(heatmaps.input(f), ColorScale.symmetric(heatmaps.input(f).maxAbs(), palette)));
        }
        columns.add(inputs);
        for (int l = 0; l < network.layerCount(); l++) {
            ColorScale scale = ColorScale.forActivation(network.layer(l).activation(), palette);
            List<Image> neurons = new ArrayList<>();
            for (int n = 0; n < network.layer(l).size(); n++) {
                neurons.add(painters.get(l + 1).get(n).paint(heatmaps.neuron(l, n), scale));
            }
            columns.add(neurons);
        }
        return columns;
    }

    @Override
    protected void draw(GraphicsContext gc, double width, double height) {
        gc.setFill(palette.surface());
        gc.fillRect(0, 0, width, height);
        if (network == null) {
            return;
        }
        geometry = GraphGeometry.of(network.shape(), width, height, drawingScale());
        drawEdges(gc);
        drawNodes(gc);
        highlight.ifPresent(target -> drawHighlight(gc, target));
        drawCaptions(gc);
        drawInputLabels(gc);
        drawOutputLabels(gc);
    }

    private record Edge(int column, int from, int to, double value) {
    }

    private void drawEdges(GraphicsContext gc) {
        List<Edge> edges = new ArrayList<>();
        for (int l = 0; l < network.layerCount(); l++) {
            LayerSnapshot layer = network.layer(l);
            for (int n = 0; n < layer.size(); n++) {
                for (int i = 0; i < layer.inputSize(); i++) {
                    edges.add(new Edge(l, i, n, edgeValue(l, n, i)));
                }
            }
        }
        // Gradients and steps are tiny next to weights: they are drawn relative to the largest one.
        largestEdgeValue = edges.stream().mapToDouble(edge -> Math.abs(edge.value())).max().orElse(0);
        // Strong weights on top: they are the ones worth following.
        edges.sort(Comparator.comparingDouble(edge -> Math.abs(edge.value())));
        gc.setLineCap(StrokeLineCap.BUTT);
        for (Edge edge : edges) {
            strokeEdge(gc, edge, lineWidth(edge.value()));
        }
        gc.setLineDashes();
        if (edgeValue != EdgeValue.WEIGHT && lastUpdate.isEmpty()) {
            gc.setFill(palette.mutedText());
            gc.setFont(Font.font(FONT, scaled(14)));
            gc.setTextAlign(TextAlignment.CENTER);
            gc.setTextBaseline(VPos.BOTTOM);
            gc.fillText(messages.get("graph.noStepYet"), getWidth() / 2, getHeight() - scaled(4));
        }
    }

    private void strokeEdge(GraphicsContext gc, Edge edge, double lineWidth) {
        gc.setStroke(palette.signColor(edge.value()));
        gc.setLineWidth(lineWidth);
        if (edge.value() < 0) {
            gc.setLineDashes(Math.max(scaled(8), 2.2 * lineWidth), Math.max(scaled(6), 1.6 * lineWidth));
        } else {
            gc.setLineDashes();
        }
        Point2D start = geometry.edgeStart(edge.column(), edge.from());
        Point2D end = geometry.edgeEnd(edge.column() + 1, edge.to());
        gc.strokeLine(start.getX(), start.getY(), end.getX(), end.getY());
    }

    /** The value an edge shows; 0 for a gradient or step before any step was taken on this shape. */
    private double edgeValue(int layer, int neuron, int input) {
        return switch (edgeValue) {
            case WEIGHT -> network.layer(layer).weight(neuron, input);
            case GRADIENT -> lastUpdate.map(update -> update.gradient(layer, neuron, input)).orElse(0.0);
            case STEP -> lastUpdate.map(update -> update.step(layer, neuron, input)).orElse(0.0);
        };
    }

    /** The width of an edge showing {@code value}, at the drawing's scale. */
    public double lineWidth(double value) {
        if (edgeValue == EdgeValue.WEIGHT) {
            return scaled(edgeWidth(value, geometry.nodeSize() / drawingScale()));
        }
        double thickest = thickestEdge(geometry.nodeSize() / drawingScale());
        return scaled(largestEdgeValue > 0
                ? THINNEST_EDGE + (thickest - THINNEST_EDGE) * Math.abs(value) / largestEdgeValue : THINNEST_EDGE);
    }

    static double edgeWidth(double weight, double nodeSize) {
        return Math.min(THINNEST_EDGE + WIDTH_PER_UNIT_WEIGHT * Math.abs(weight), thickestEdge(nodeSize));
    }

    private static double thickestEdge(double nodeSize) {
        return Math.clamp(nodeSize * 0.28, 4, THICKEST_EDGE);
    }

    /** A halo around the target, under nothing: it must show however dense the graph is. */
    private void drawHighlight(GraphicsContext gc, GraphTarget target) {
        gc.setStroke(palette.highlight());
        gc.setLineDashes();
        switch (target) {
            case GraphTarget.Edge edge -> {
                if (edge.layer() >= network.layerCount() || edge.neuron() >= network.layer(edge.layer()).size()
                        || edge.input() >= network.layer(edge.layer()).inputSize()) {
                    return;
                }
                Edge drawn = new Edge(edge.layer(), edge.input(), edge.neuron(), edgeValue(edge.layer(), edge.neuron(), edge.input()));
                double width = Math.max(lineWidth(drawn.value()), scaled(3));
                Point2D start = geometry.edgeStart(edge.column() - 1, edge.input());
                Point2D end = geometry.edgeEnd(edge.column(), edge.neuron());
                gc.setLineWidth(width + scaled(8));
                gc.setLineCap(StrokeLineCap.ROUND);
                gc.strokeLine(start.getX(), start.getY(), end.getX(), end.getY());
                gc.setLineCap(StrokeLineCap.BUTT);
                strokeEdge(gc, drawn, width);
                gc.setLineDashes();
            }
            case GraphTarget.Neuron neuron -> ring(gc, neuron.column(), neuron.neuron());
            case GraphTarget.Input input -> ring(gc, 0, input.feature());
        }
    }

    private void ring(GraphicsContext gc, int column, int index) {
        if (column >= geometry.columns() || index >= geometry.size(column)) {
            return;
        }
        Rectangle2D box = geometry.nodeBounds(column, index);
        double gap = Math.round(scaled(4)) + 0.5;
        CrispLines.outline(gc, palette.highlight(), box.getMinX() - gap, box.getMinY() - gap, box.getWidth() + 2 * gap,
                box.getHeight() + 2 * gap, scaled(5));
    }

    private void drawNodes(GraphicsContext gc) {
        double size = geometry.nodeSize();
        gc.setImageSmoothing(true);
        Font biasFont = Font.font(FONT, scaled(Math.clamp(size / drawingScale() * 0.3, 11, 14)));
        for (int column = 0; column < geometry.columns(); column++) {
            boolean output = column == geometry.columns() - 1;
            for (int index = 0; index < geometry.size(column); index++) {
                Rectangle2D box = geometry.nodeBounds(column, index);
                gc.drawImage(nodeImages.get(column).get(index), box.getMinX(), box.getMinY(), size, size);
                CrispLines.outline(gc, palette.outline(), box.getMinX(), box.getMinY(), size, size,
                        scaled(output ? 3 : 2) * palette.strokeWeight());
                if (column > 0) {
                    drawBias(gc, biasFont, box, network.layer(column - 1).bias(index));
                }
            }
        }
    }

    private void drawBias(GraphicsContext gc, Font font, Rectangle2D box, double bias) {
        double marker = Math.round(scaled(Math.clamp(box.getWidth() / drawingScale() * BIAS_MARKER, 7, 14)));
        // Centred on the bottom-left corner: clear of the edges, which meet the node's sides in the middle.
        double x = box.getMinX() - marker / 2;
        double y = box.getMaxY() - marker / 2;
        gc.setFill(biasScale.color(bias));
        gc.fillRect(x, y, marker, marker);
        CrispLines.outline(gc, palette.outline(), x, y, marker, marker, scaled(1.5) * palette.strokeWeight());
        if (!geometry.roomForBiasValues()) {
            return;
        }
        gc.setFont(font);
        gc.setFill(palette.mutedText());
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.TOP);
        gc.fillText(messages.format("graph.bias", numbers.fixed(bias, 2)),
                (box.getMinX() + box.getMaxX()) / 2, box.getMaxY() + marker / 2 + scaled(2));
    }

    private void drawCaptions(GraphicsContext gc) {
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.TOP);
        Font captionFont = Font.font(FONT, FontWeight.BOLD, scaled(15));
        Font detailFont = Font.font(FONT, scaled(13));
        // Neighbouring captions must not run into each other: many layers get the short forms.
        double room = geometry.columns() > 1 ? geometry.columnGap() - 6 : Double.MAX_VALUE;
        for (int column = 0; column < geometry.columns(); column++) {
            double x = geometry.columnX(column);
            gc.setFill(palette.text());
            gc.setFont(captionFont);
            gc.fillText(fitting(captions(column), captionFont, room), x, scaled(6));
            gc.setFill(palette.mutedText());
            gc.setFont(detailFont);
            gc.fillText(fitting(details(column), detailFont, room), x, scaled(27));
        }
    }

    /** The first of the texts, longest first, that fits the width; the last one if none does. */
    private String fitting(List<String> texts, Font font, double width) {
        for (String text : texts) {
            if (captionWidth(text, font) <= width) {
                return text;
            }
        }
        return texts.getLast();
    }

    /** Caption widths are measured once: the same few captions are drawn every frame. */
    private double captionWidth(String text, Font font) {
        if (captionWidths.size() > 512) {
            captionWidths.clear();
        }
        return captionWidths.computeIfAbsent(font.getSize() + "|" + text, key -> TextWidth.of(text, font));
    }

    /** The column's caption, and shorter forms of it for crowded graphs. */
    private List<String> captions(int column) {
        if (column == 0) {
            return List.of(messages.get("graph.layer.input"), messages.get("graph.layer.input.short"));
        }
        if (column == geometry.columns() - 1) {
            return List.of(messages.get("graph.layer.output"), messages.get("graph.layer.output.short"));
        }
        return List.of(messages.format("graph.layer.hidden", column), messages.format("graph.layer.hidden.short", column));
    }

    /** The column's size and activation, and shorter forms (then the size alone) for crowded graphs. */
    private List<String> details(int column) {
        if (column == 0) {
            return List.of(messages.format("graph.layer.features", network.inputCount()), String.valueOf(network.inputCount()));
        }
        LayerSnapshot layer = network.layer(column - 1);
        String activation = messages.get("activation." + layer.activation().id());
        return List.of(messages.format("graph.layer.neurons", layer.size(), activation),
                messages.format("graph.layer.neurons.short", layer.size(), activation), String.valueOf(layer.size()));
    }

    private void drawInputLabels(GraphicsContext gc) {
        gc.setFill(palette.text());
        gc.setFont(Font.font(FONT, FontWeight.BOLD, labelSize()));
        gc.setTextAlign(TextAlignment.RIGHT);
        gc.setTextBaseline(VPos.CENTER);
        for (int f = 0; f < network.inputCount(); f++) {
            Rectangle2D box = geometry.nodeBounds(0, f);
            gc.fillText(network.inputLabels().get(f), box.getMinX() - scaled(8), (box.getMinY() + box.getMaxY()) / 2);
        }
    }

    private void drawOutputLabels(GraphicsContext gc) {
        int column = geometry.columns() - 1;
        int outputs = geometry.size(column);
        gc.setFill(palette.text());
        gc.setFont(Font.font(FONT, FontWeight.BOLD, labelSize()));
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setTextBaseline(VPos.CENTER);
        for (int n = 0; n < outputs; n++) {
            Rectangle2D box = geometry.nodeBounds(column, n);
            gc.fillText(OutputNames.output(n), box.getMaxX() + scaled(8), (box.getMinY() + box.getMaxY()) / 2);
        }
    }

    private double labelSize() {
        return scaled(Math.clamp(geometry.nodeSize() / drawingScale() * 0.42, 14, 20));
    }
}
