package org.backproplab.ui.stepthrough;

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

    private DroppedNeurons() {
    }

    /** @param scaled turns a length at scale 1 into the graph's drawing scale */
    static void draw(GraphicsContext gc, GraphGeometry geometry, StepTrace trace, int column, PassProgress known,
            Palette palette, DoubleUnaryOperator scaled) {
        for (int l = 0; l < trace.layers().size() - 1; l++) {
            LayerTrace layer = trace.layers().get(l);
            if (layer.dropout().isEmpty()) {
                continue;
            }
            DropoutTrace dropout = layer.dropout().get();
            for (int n = 0; n < layer.size(); n++) {
                if (dropout.mask().get(n, column) == 0 && known.forwardDone(l, n)) {
                    dimOutgoing(gc, geometry, l, n, trace.layers().get(l + 1).size(), palette, scaled);
                    crossOut(gc, geometry.nodeBounds(l + 1, n), palette, scaled);
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

    private static void crossOut(GraphicsContext gc, Rectangle2D box, Palette palette, DoubleUnaryOperator scaled) {
        double gap = scaled.applyAsDouble(3);
        gc.setLineDashes();
        gc.setStroke(palette.negative());
        gc.setLineWidth(scaled.applyAsDouble(4));
        gc.strokeLine(box.getMinX() - gap, box.getMinY() - gap, box.getMaxX() + gap, box.getMaxY() + gap);
        gc.strokeLine(box.getMinX() - gap, box.getMaxY() + gap, box.getMaxX() + gap, box.getMinY() - gap);
    }
}
