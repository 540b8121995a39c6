package org.backproplab.ui.stepthrough;

import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.DoubleUnaryOperator;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.canvas.GraphicsContext;
import org.backproplab.trace.DropoutTrace;
import org.backproplab.trace.LayerTrace;
import org.backproplab.trace.PassProgress;
import org.backproplab.trace.StepTrace;
import org.backproplab.ui.common.Palette;
import org.backproplab.ui.graph.GraphGeometry;

/**
 * Dropout in the step-through's graph: a neuron that dropout switched off for the shown sample is
 * crossed out, and its outgoing edges are dimmed, since nothing travels along them. Shown once the
 * neuron's forward step has drawn its mask, so the pass never gives away what comes next.
 */
final class DroppedNeurons {

    /** How much of an outgoing edge's ink the dimming covers. */
    private static final double DIMMING = 0.75;
    /** The cross lies over the neuron's values: they must stay readable through it. */
    private static final double CROSS_OPACITY = 0.6;

    private DroppedNeurons() {
    }

    /** Dims the outgoing edges of every neuron dropped so far: under the nodes' values. */
    static void dimEdges(GraphicsContext gc, GraphGeometry geometry, StepTrace trace, int column, PassProgress known,
            Palette palette, DoubleUnaryOperator scaled) {
        forEachDropped(trace, column, known, (l, n) ->
                dimOutgoing(gc, geometry, l, n, trace.layers().get(l + 1).size(), palette, scaled));
    }

    /** Crosses out every neuron dropped so far, over its values, which stay readable through the cross. */
    static void crossOut(GraphicsContext gc, GraphGeometry geometry, StepTrace trace, int column, PassProgress known,
            Palette palette, DoubleUnaryOperator scaled) {
        forEachDropped(trace, column, known, (l, n) -> cross(gc, geometry.nodeBounds(l + 1, n), palette, scaled));
    }

    /** "m = 1" or "m = 0": the neuron's mask for the shown sample, once its forward step drew it. */
    static Optional<String> maskLine(LayerTrace layer, int neuron, int column) {
        return layer.dropout().map(dropout -> "m = " + (int) dropout.mask().get(neuron, column));
    }

    private static void forEachDropped(StepTrace trace, int column, PassProgress known, BiConsumer<Integer, Integer> each) {
        for (int l = 0; l < trace.layers().size() - 1; l++) {
            LayerTrace layer = trace.layers().get(l);
            if (layer.dropout().isEmpty()) {
                continue;
            }
            DropoutTrace dropout = layer.dropout().get();
            for (int n = 0; n < layer.size(); n++) {
                if (dropout.mask().get(n, column) == 0 && known.forwardDone(l, n)) {
                    each.accept(l, n);
                }
            }
        }
    }

    private static void dimOutgoing(GraphicsContext gc, GraphGeometry geometry, int l, int n, int above, Palette palette,
            DoubleUnaryOperator scaled) {
        gc.setLineDashes();
        gc.setStroke(palette.surface().deriveColor(0, 1, 1, DIMMING));
        gc.setLineWidth(scaled.applyAsDouble(6));
        for (int k = 0; k < above; k++) {
            Point2D from = geometry.edgeStart(l + 1, n);
            Point2D to = geometry.edgeEnd(l + 2, k);
            gc.strokeLine(from.getX(), from.getY(), to.getX(), to.getY());
        }
        gc.setStroke(palette.outline());
        gc.setLineWidth(scaled.applyAsDouble(1));
        gc.setLineDashes(scaled.applyAsDouble(4), scaled.applyAsDouble(4));
        for (int k = 0; k < above; k++) {
            Point2D from = geometry.edgeStart(l + 1, n);
            Point2D to = geometry.edgeEnd(l + 2, k);
            gc.strokeLine(from.getX(), from.getY(), to.getX(), to.getY());
        }
        gc.setLineDashes();
    }

    private static void cross(GraphicsContext gc, Rectangle2D box, Palette palette, DoubleUnaryOperator scaled) {
        double gap = scaled.applyAsDouble(3);
        gc.setLineDashes();
        gc.setStroke(palette.mutedText().deriveColor(0, 1, 1, CROSS_OPACITY));
        gc.setLineWidth(scaled.applyAsDouble(4));
        gc.strokeLine(box.getMinX() - gap, box.getMinY() - gap, box.getMaxX() + gap, box.getMaxY() + gap);
        gc.strokeLine(box.getMinX() - gap, box.getMaxY() + gap, box.getMaxX() + gap, box.getMinY() - gap);
    }
}
