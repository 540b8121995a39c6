package org.backproplab.ui.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Points on the decision boundary are sized for the room: a few hand-made points get big markers,
 * hundreds leave the heatmap between them visible, and none becomes too small to see.
 */
class PointRadiusTest {

    private static double covered(int points, double side) {
        double radius = DecisionBoundaryView.radiusFor(points, side, 1);
        return points * Math.PI * radius * radius / (side * side);
    }

    @Test
    void fiveHundredPointsLeaveMostOfTheHeatmapVisibleAtEverySize() {
        for (double side : new double[] {250, 300, 500, 800}) {
            assertTrue(covered(500, side) <= DecisionBoundaryView.COVERAGE + 1e-9,
                    "500 points on a " + side + " px plot cover " + covered(500, side));
        }
        // TensorFlow Playground's radius 4 on a 300 px plot covers about 0.28: ours covers less.
        assertTrue(DecisionBoundaryView.radiusFor(500, 300, 1) < 4);
    }

    @Test
    void aFewPointsGetLargeMarkersAndManyNeverVanish() {
        assertEquals(DecisionBoundaryView.MAX_RADIUS, DecisionBoundaryView.radiusFor(4, 300, 1));
        assertEquals(DecisionBoundaryView.MIN_RADIUS, DecisionBoundaryView.radiusFor(5000, 130, 1));
        assertEquals(2 * DecisionBoundaryView.MIN_RADIUS, DecisionBoundaryView.radiusFor(5000, 130, 2),
                "a presenter's larger drawings make the smallest point larger too");
    }

    @Test
    void pointsGrowWithThePlotAndShrinkWithTheirNumber() {
        double previous = Double.MAX_VALUE;
        for (int points = 10; points <= 2000; points *= 2) {
            double radius = DecisionBoundaryView.radiusFor(points, 400, 1);
            assertTrue(radius <= previous, points + " points: radius " + radius + " after " + previous);
            previous = radius;
        }
        assertTrue(DecisionBoundaryView.radiusFor(300, 600, 1) > DecisionBoundaryView.radiusFor(300, 300, 1));
    }
}
