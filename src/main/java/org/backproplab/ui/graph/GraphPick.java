package org.backproplab.ui.graph;

import java.util.Optional;
import javafx.geometry.Point2D;

/** A neuron or an edge of the network graph that the user pointed at. Layers count from 0 after the inputs. */
public sealed interface GraphPick {

    /** How close to an edge's line a click must land to pick it, in pixels. */
    double EDGE_REACH = 6;

    record Neuron(int layer, int neuron) implements GraphPick {
    }

    /** The edge from input {@code input} of layer {@code layer} into its neuron {@code neuron}. */
    record Edge(int layer, int neuron, int input) implements GraphPick {
    }

    /** What lies under a point of the graph: a neuron first, else the nearest edge within reach. */
    static Optional<GraphPick> at(GraphGeometry geometry, double x, double y) {
        for (int column = 1; column < geometry.columns(); column++) {
            for (int n = 0; n < geometry.size(column); n++) {
                if (geometry.nodeBounds(column, n).contains(x, y)) {
                    return Optional.of(new Neuron(column - 1, n));
                }
            }
        }
        Point2D point = new Point2D(x, y);
        GraphPick nearest = null;
        double best = EDGE_REACH;
        for (int column = 0; column + 1 < geometry.columns(); column++) {
            for (int to = 0; to < geometry.size(column + 1); to++) {
                for (int from = 0; from < geometry.size(column); from++) {
                    double distance = distance(point, geometry.edgeStart(column, from), geometry.edgeEnd(column + 1, to));
                    if (distance <= best) {
                        best = distance;
                        nearest = new Edge(column, to, from);
                    }
                }
            }
        }
        return Optional.ofNullable(nearest);
    }

    private static double distance(Point2D p, Point2D a, Point2D b) {
        Point2D ab = b.subtract(a);
        double along = Math.clamp(p.subtract(a).dotProduct(ab) / ab.dotProduct(ab), 0, 1);
        return p.distance(a.add(ab.multiply(along)));
    }
}
