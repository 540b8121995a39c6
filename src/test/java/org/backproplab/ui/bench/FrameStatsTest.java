package org.backproplab.ui.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FrameStatsTest {

    @Test
    void percentilesAreTheNearestRankInMilliseconds() {
        FrameStats stats = new FrameStats();
        // 1 ms to 2000 ms in shuffled order: more than the first buffer holds.
        for (int i = 0; i < 2000; i++) {
            stats.add(((i * 7919L) % 2000 + 1) * 1_000_000L);
        }
        assertEquals(2000, stats.count());
        assertEquals(1000, stats.percentileMillis(50));
        assertEquals(1900, stats.percentileMillis(95));
        assertEquals(1980, stats.percentileMillis(99));
        assertEquals(2000, stats.maxMillis());
        // Late frames: strictly longer than the limit.
        assertEquals(1000, stats.countAbove(1000 * 1_000_000L));
        assertEquals(0, stats.countAbove(2000 * 1_000_000L));
    }

    @Test
    void noFramesHaveNoPercentile() {
        assertTrue(Double.isNaN(new FrameStats().percentileMillis(50)));
    }
}
