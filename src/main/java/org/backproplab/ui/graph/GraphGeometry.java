package org.backproplab.ui.graph;

import java.util.List;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;

/**
 * Where the network graph puts things: one column per layer (inputs first), each column's nodes
 * stacked and centred vertically, nodes as large as the space allows. Kept apart from the drawing so
 * tests and the step-through can find every neuron on screen.
 */
public final class GraphGeometry {

    /** Room at the left for input labels such as sin(x₁). */
    static final double LEFT = 76;
    /** Room at the right for the output labels o₁, o₂… */
    public static final double RIGHT = 44;
    /** Room at the top for the two-line layer captions. */
    static final double TOP = 58;
    static final double BOTTOM = 6;
    /** Height of the bias value (and the half of the bias marker above it) under each node, when there is room. */
    public static final double BIAS_LABEL = 26;
    /** Narrowest distance between columns at which written bias values ("b = −0.08") do not run into each other. */
    static final double BIAS_VALUE_WIDTH = 66;
    static final double MIN_NODE = 18;
    static final double MAX_NODE = 84;

    private final List<Integer> shape;
    private final double scale;
    private final double nodeSize;
    private final double spacing;
    private final double middleY;
    private final double firstX;
    private final double columnGap;

    private GraphGeometry(List<Integer> shape, double scale, double nodeSize, double spacing, double middleY,
            double firstX, double columnGap) {
        this.shape = shape;
        this.scale = scale;
        this.nodeSize = nodeSize;
        this.spacing = spacing;
        this.middleY = middleY;
        this.firstX = firstX;
        this.columnGap = columnGap;
    }

    /**
     * @param shape  neurons per column, inputs first (at least two columns)
     * @param width  drawing width in pixels
     * @param height drawing height in pixels
     */
    public static GraphGeometry of(List<Integer> shape, double width, double height) {
        return of(shape, width, height, 1);
    }

    /**
     * As {@link #of(List, double, double)} for labels drawn {@code scale} times their normal size:
     * the margins for captions and bias values grow with them.
     */
    public static GraphGeometry of(List<Integer> shape, double width, double height, double scale) {
        if (shape.size() < 2) {
            throw new IllegalArgumentException("a network graph needs inputs and at least one layer, got " + shape);
        }
        int widest = shape.stream().mapToInt(Integer::intValue).max().orElseThrow();
        double usableHeight = Math.max(height - TOP * scale - BOTTOM, 0);
        double slot = usableHeight / widest;
        double roomAcross = Math.max(width - (LEFT + RIGHT) * scale, 0);
        double gapEstimate = roomAcross / (shape.size() - 1);
        double preferred = Math.clamp(Math.min(slot * 0.78, gapEstimate * 0.38), MIN_NODE, MAX_NODE * scale);
        // Never so large that neighbours overlap, whatever the preferred minimum;
        // whole, even pixel sizes and whole-pixel centres keep node borders crisp.
        double nodeSize = Math.max(2, 2 * Math.floor(Math.min(preferred, slot - 2) / 2));
        // Small layers keep a comfortable distance instead of spreading over the whole height.
        double spacing = Math.min(slot, nodeSize * 1.45 + BIAS_LABEL * scale);
        double columnGap = Math.max(roomAcross - nodeSize, 0) / (shape.size() - 1);
        double middleY = TOP * scale + (usableHeight - BIAS_LABEL * scale) / 2;
        return new GraphGeometry(List.copyOf(shape), scale, nodeSize, spacing, middleY, LEFT * scale + nodeSize / 2,
                columnGap);
    }

    /** Number of columns: the inputs plus one per layer. */
    public int columns() {
        return shape.size();
    }

    /** Nodes in a column. */
    public int size(int column) {
        return shape.get(column);
    }

    /**
     * Whether there is room under each node for its bias written out; dense layers, and many
     * layers side by side, show only the marker.
     */
    public boolean roomForBiasValues() {
        return spacing >= nodeSize + BIAS_LABEL * scale && (shape.size() < 2 || columnGap >= BIAS_VALUE_WIDTH * scale);
    }

    /** The distance between neighbouring columns' centres. */
    public double columnGap() {
        return columnGap;
    }

    /** Side of every node's square. */
    public double nodeSize() {
        return nodeSize;
    }

    public double columnX(int column) {
        return firstX + column * columnGap;
    }

    /** Centre of node {@code index} of {@code column} (column 0 = inputs, column l + 1 = layer l). */
    public Point2D centre(int column, int index) {
        int count = shape.get(column);
        if (index < 0 || index >= count) {
            throw new IndexOutOfBoundsException("column " + column + " has " + count + " nodes, asked for " + index);
        }
        return new Point2D(Math.round(columnX(column)), Math.round(middleY + (index - (count - 1) / 2.0) * spacing));
    }

    /** Centre of a neuron of network layer {@code layer} (0 = first hidden layer). */
    public Point2D neuronCentre(int layer, int neuron) {
        return centre(layer + 1, neuron);
    }

    /** The square a node occupies. */
    public Rectangle2D nodeBounds(int column, int index) {
        Point2D c = centre(column, index);
        return new Rectangle2D(c.getX() - nodeSize / 2, c.getY() - nodeSize / 2, nodeSize, nodeSize);
    }

    /** Where edges leave node {@code index} of {@code column}: the middle of its right side. */
    public Point2D edgeStart(int column, int index) {
        return centre(column, index).add(nodeSize / 2, 0);
    }

    /** Where edges arrive at node {@code index} of {@code column}: the middle of its left side. */
    public Point2D edgeEnd(int column, int index) {
        return centre(column, index).subtract(nodeSize / 2, 0);
    }
}
