package org.backproplab.ui.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The soak's verdict on the heap: readings before the heap settles do not count, a leak shows as growth. */
class HeapDriftTest {

    private static HeapSampler.Sample mb(double seconds, long megabytes) {
        return new HeapSampler.Sample(seconds, megabytes * 1_000_000);
    }

    @Test
    void growthIsMeasuredFromTheFirstSettledReading() {
        List<HeapSampler.Sample> samples = List.of(mb(0, 10), mb(30, 40), mb(60, 40), mb(70, 38), mb(80, 44), mb(90, 42));

        HeapSampler.Drift drift = HeapSampler.Drift.of(samples, 60).orElseThrow();

        assertEquals(60, drift.first().seconds(), "the warm-up readings at 0 s and 30 s are left out");
        assertEquals(5.0, drift.changePercent(), 1e-9);
        assertEquals(15.0, drift.rangePercent(), 1e-9, "38 to 44 MB is 15 % of 40 MB");
    }

    @Test
    void aRunTooShortToSettleHasNoVerdict() {
        assertTrue(HeapSampler.Drift.of(List.of(mb(0, 10), mb(10, 40), mb(60, 40)), 60).isEmpty());
    }
}
