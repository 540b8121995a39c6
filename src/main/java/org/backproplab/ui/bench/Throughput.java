package org.backproplab.ui.bench;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalDouble;

/**
 * How fast training goes, in epochs per second, measured from the epochs the snapshots report over
 * the last second or so: steady enough to read, quick to follow a change of speed.
 */
public final class Throughput {

    static final long WINDOW_NANOS = 1_000_000_000L;

    private record Sample(long nanos, long epoch) {
    }

    private final Deque<Sample> samples = new ArrayDeque<>();

    /** Records that at time {@code nanos} the trainer had finished {@code epoch} epochs. */
    public void record(long nanos, long epoch) {
        if (!samples.isEmpty() && epoch < samples.getLast().epoch()) {
            // A reset or a new lesson started the count again: so does the measurement.
            samples.clear();
        }
        samples.addLast(new Sample(nanos, epoch));
        while (samples.size() > 2 && nanos - samples.getFirst().nanos() > WINDOW_NANOS) {
            samples.removeFirst();
        }
    }

    /** Epochs per second over the window; empty until there is a span of time to measure over. */
    public OptionalDouble epochsPerSecond() {
        if (samples.size() < 2) {
            return OptionalDouble.empty();
        }
        Sample first = samples.getFirst();
        Sample last = samples.getLast();
        long span = last.nanos() - first.nanos();
        return span <= 0 ? OptionalDouble.empty() : OptionalDouble.of((last.epoch() - first.epoch()) * 1e9 / span);
    }

    public void clear() {
        samples.clear();
    }
}
