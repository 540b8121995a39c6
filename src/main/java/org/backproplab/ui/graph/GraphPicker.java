package org.backproplab.ui.graph;

import java.util.Optional;
import javafx.geometry.Point2D;
import org.backproplab.ui.common.GraphTarget;

/**
 * Finds what lies under a point of the network graph, for the live lab and the step-through alike:
 * an input or neuron if the point is on its node, otherwise the nearest edge within reach. Edges are
 * thin, so the reach is generous; where edges cross, the nearest wins.
 */
public final class GraphPicker {

    /** How far from an edge's centre line a pointer still counts as on it, in pixels. */
    static final double EDGE_REACH = 6;

    private GraphPicker() {
    }

    public static Optional<GraphTarget> pick(GraphGeometry geometry, double x, double y) {
        for (int column = 0; column < geometry.columns(); column++) {
            for (int index = 0; index < geometry.size(column); index++) {
                if (geometry.nodeBounds(column, index).contains(x, y)) {
                    return Optional.of(column == 0 ? new GraphTarget.Input(index) : new GraphTarget.Neuron(column - 1, index));
                }
            }
        }
        Point2D point = new Point2D(x, y);
        GraphTarget nearest = null;
        double best = EDGE_REACH;
        for (int column = 1; column < geometry.columns(); column++) {
            // Only the columns around the point can hold an edge under it.
            if (x < geometry.columnX(column - 1) || x > geometry.columnX(column)) {
                continue;
            }
            for (int to = 0; to < geometry.size(column); to++) {
                for (int from = 0; from < geometry.size(column - 1); from++) {
                    double distance = distanceToSegment(point, geometry.edgeStart(column - 1, from), geometry.edgeEnd(column, to));
                    if (distance <= best) {
                        best = distance;
                        nearest = new GraphTarget.Edge(column - 1, to, from);
                    }
                }
            }
        }
        return Optional.ofNullable(nearest);
    }

    private static double distanceToSegment(Point2D point, Point2D start, Point2D end) {
        Point2D along = end.subtract(start);
        double lengthSquared = along.dotProduct(along);
        double t = lengthSquared == 0 ? 0 : Math.clamp(point.subtract(start).dotProduct(along) / lengthSquared, 0.0, 1.0);
        return point.distance(start.add(along.multiply(t)));
    }
}
