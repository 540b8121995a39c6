package org.backproplab.ui.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ThroughputTest {

    private static final long MS = 1_000_000;

    @Test
    void epochsPerSecondOverTheLastSecond() {
        Throughput throughput = new Throughput();
        assertTrue(throughput.epochsPerSecond().isEmpty(), "nothing to measure yet");
        throughput.record(0, 0);
        throughput.record(500 * MS, 50);
        assertEquals(100, throughput.epochsPerSecond().orElseThrow(), 1e-9);

        // Much faster later on: after a second the slow start no longer counts.
        for (long t = 600; t <= 3000; t += 100) {
            throughput.record(t * MS, 50 + (t - 500) * 10);
        }
        assertEquals(10_000, throughput.epochsPerSecond().orElseThrow(), 1e-6);
    }

    @Test
    void aResetStartsTheMeasurementAgain() {
        Throughput throughput = new Throughput();
        throughput.record(0, 1000);
        throughput.record(100 * MS, 2000);
        throughput.record(200 * MS, 0);
        assertTrue(throughput.epochsPerSecond().isEmpty());
        throughput.record(300 * MS, 10);
        assertEquals(100, throughput.epochsPerSecond().orElseThrow(), 1e-9);
    }
}
