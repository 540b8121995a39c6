package org.backproplab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TrainingBarTest {

    @Test
    void aSpeedFindsItsPlaceOnTheSlider() {
        assertEquals(TrainingBar.SPEEDS.length - 1, TrainingBar.speedIndex(0), "0 means as fast as possible, the last place");
        assertEquals(6, TrainingBar.speedIndex(100));
        assertEquals(TrainingBar.SPEEDS[7], TrainingBar.SPEEDS[TrainingBar.speedIndex(150)], "150 is nearer 200 than 100 by ratio");
        assertEquals(0, TrainingBar.speedIndex(0.01), "slower than the slowest: the slowest");
    }
}
