package org.backproplab.ui.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GraphGeometryTest {

    @ParameterizedTest
    @CsvSource({"2, 3, 1, 700, 500", "2, 10, 1, 700, 500", "2, 10, 1, 380, 240", "7, 64, 3, 700, 500"})
    void nodesStayInsideTheDrawingAndNeverOverlap(int inputs, int hidden, int outputs, double width, double height) {
        GraphGeometry geometry = GraphGeometry.of(List.of(inputs, hidden, outputs), width, height);
        Rectangle2D drawing = new Rectangle2D(0, 0, width, height);
        for (int column = 0; column < geometry.columns(); column++) {
            for (int index = 0; index < geometry.size(column); index++) {
                Rectangle2D box = geometry.nodeBounds(column, index);
                assertTrue(drawing.contains(box), "node " + index + " of column " + column + " at " + box);
                if (index > 0) {
                    assertFalse(box.intersects(geometry.nodeBounds(column, index - 1)),
                            "nodes " + (index - 1) + " and " + index + " of column " + column + " overlap");
                }
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"3, true", "10, false"})
    void biasValuesAreWrittenOnlyWhereTheyFit(int hidden, boolean room) {
        assertEquals(room, GraphGeometry.of(List.of(2, hidden, 1), 700, 480).roomForBiasValues());
    }

    @Test
    void biasValuesAreLeftOutWhenManyLayersStandCloseTogether() {
        assertTrue(GraphGeometry.of(List.of(2, 3, 3, 1), 700, 480).roomForBiasValues());
        assertFalse(GraphGeometry.of(List.of(2, 3, 3, 3, 3, 3, 3, 3, 3, 1), 500, 480).roomForBiasValues());
    }

    @Test
    void columnsRunLeftToRightInputsFirst() {
        GraphGeometry geometry = GraphGeometry.of(List.of(2, 3, 1), 700, 500);
        assertTrue(geometry.columnX(0) < geometry.columnX(1) && geometry.columnX(1) < geometry.columnX(2));
        assertEquals(geometry.centre(1, 2), geometry.neuronCentre(0, 2));
    }
}
