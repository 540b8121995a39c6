package org.backproplab.ui.graph;

import java.util.Optional;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import org.backproplab.ui.common.GraphTarget;

/**
 * Finds what lies under a point of the network graph: a node if the point is on one, otherwise the
 * nearest edge within reach. Edges are thin, so the reach is generous; where edges cross, the
 * nearest wins.
 */
public final class GraphPicker {

    /** How far from an edge's centre line a pointer still counts as on it, in pixels. */
    static final double EDGE_REACH = 6;

    private GraphPicker() {
    }

    static Optional<GraphTarget> pick(GraphGeometry geometry, double x, double y) {
        for (int column = 0; column < geometry.columns(); column++) {
            for (int index = 0; index < geometry.size(column); index++) {
                Rectangle2D box = geometry.nodeBounds(column, index);
                if (box.contains(x, y)) {
                    return Optional.of(column == 0 ? new GraphTarget.Input(index) : new GraphTarget.Neuron(column - 1, index));
                }
            }
        }
        GraphTarget nearest = null;
        double best = EDGE_REACH;
        for (int column = 1; column < geometry.columns(); column++) {
            // Only the columns around the point can hold an edge under it.
            if (x < geometry.columnX(column - 1) || x > geometry.columnX(column)) {
                continue;
            }
            for (int to = 0; to < geometry.size(column); to++) {
                for (int from = 0; from < geometry.size(column - 1); from++) {
                    double distance = distanceToSegment(x, y, geometry.edgeStart(column - 1, from), geometry.edgeEnd(column, to));
                    if (distance <= best) {
                        best = distance;
                        nearest = new GraphTarget.Edge(column - 1, to, from);
                    }
                }
            }
        }
        return Optional.ofNullable(nearest);
    }

    /** Where an edge's middle is, for a label or a click. */
    public static Point2D edgeMiddle(GraphGeometry geometry, GraphTarget.Edge edge) {
        return geometry.edgeStart(edge.column() - 1, edge.input()).midpoint(geometry.edgeEnd(edge.column(), edge.neuron()));
    }

    private static double distanceToSegment(double x, double y, Point2D start, Point2D end) {
        double dx = end.getX() - start.getX();
        double dy = end.getY() - start.getY();
        double lengthSquared = dx * dx + dy * dy;
        double t = lengthSquared == 0 ? 0
                : Math.clamp(((x - start.getX()) * dx + (y - start.getY()) * dy) / lengthSquared, 0.0, 1.0);
        return Math.hypot(x - (start.getX() + t * dx), y - (start.getY() + t * dy));
    }
}
