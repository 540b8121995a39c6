package org.backproplab.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import javafx.geometry.Point2D;
import org.backproplab.data.Domain;
import org.junit.jupiter.api.Test;

class PlotFrameTest {

    private final PlotFrame frame = PlotFrame.of(new Domain(-6, 6), 600, 500);

    @Test
    void plotIsTheLargestSquareThatFitsBesideTheAxisLabels() {
        assertEquals(500 - PlotFrame.TOP - PlotFrame.BOTTOM, frame.side());
        assertEquals(frame.side(), frame.right() - frame.left());
        assertEquals(frame.side(), frame.bottom() - frame.top());
    }

    @Test
    void largerX1IsFurtherRightAndLargerX2IsHigherUp() {
        assertEquals(new Point2D(frame.left(), frame.top()), frame.pixel(-6, 6));
        assertEquals(new Point2D(frame.right(), frame.bottom()), frame.pixel(6, -6));
        assertEquals(new Point2D((frame.left() + frame.right()) / 2, (frame.top() + frame.bottom()) / 2),
                frame.pixel(0, 0));
    }

    @Test
    void ticksAreRoundNumbersCoveringTheDomain() {
        assertEquals(List.of(-6.0, -4.0, -2.0, 0.0, 2.0, 4.0, 6.0), AxisTicks.of(-6, 6, 6).values());
        AxisTicks moons = AxisTicks.of(-1.5, 2.5, 6);
        assertEquals(1.0, moons.step());
        assertEquals(List.of(-1.0, 0.0, 1.0, 2.0), moons.values());
        AxisTicks unit = AxisTicks.of(0, 1, 5);
        assertEquals(0.2, unit.step());
        assertEquals(6, unit.values().size());
    }
}
