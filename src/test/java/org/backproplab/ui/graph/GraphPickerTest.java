package org.backproplab.ui.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import javafx.geometry.Point2D;
import org.backproplab.ui.common.GraphTarget;
import org.junit.jupiter.api.Test;

class GraphPickerTest {

    private final GraphGeometry geometry = GraphGeometry.of(List.of(2, 3, 1), 700, 500);

    private Optional<GraphTarget> at(Point2D point) {
        return GraphPicker.pick(geometry, point.getX(), point.getY());
    }

    /** The middle of the line the graph draws for an edge. */
    private Point2D middle(GraphTarget.Edge edge) {
        return geometry.edgeStart(edge.column() - 1, edge.input()).midpoint(geometry.edgeEnd(edge.column(), edge.neuron()));
    }

    @Test
    void aPointerOnANodeFindsThatInputOrNeuron() {
        assertEquals(Optional.of(new GraphTarget.Input(1)), at(geometry.centre(0, 1)));
        assertEquals(Optional.of(new GraphTarget.Neuron(0, 2)), at(geometry.neuronCentre(0, 2)));
        assertEquals(Optional.of(new GraphTarget.Neuron(1, 0)), at(geometry.neuronCentre(1, 0).add(10, -10)));
    }

    @Test
    void aPointerOnAnEdgeFindsTheWeightItDraws() {
        for (int neuron = 0; neuron < 3; neuron++) {
            for (int input = 0; input < 2; input++) {
                GraphTarget.Edge edge = new GraphTarget.Edge(0, neuron, input);
                assertEquals(Optional.of(edge), at(middle(edge)), edge.toString());
            }
        }
        GraphTarget.Edge last = new GraphTarget.Edge(1, 0, 2);
        Point2D beside = middle(last).add(0, GraphPicker.EDGE_REACH - 1);
        assertEquals(Optional.of(last), at(beside), "a pixel or two off the line still counts");
    }

    @Test
    void emptySpaceFindsNothing() {
        assertEquals(Optional.empty(), at(new Point2D(5, 5)));
        Point2D middle = middle(new GraphTarget.Edge(1, 0, 0));
        assertEquals(Optional.empty(), at(middle.add(0, -60)), "well above the top edge into the output");
    }
}
