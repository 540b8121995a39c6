package org.backproplab.ui.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples the used heap at a fixed interval for a soak run, each time just after a garbage
 * collection hint: without it the reading is mostly garbage not yet collected, and a slow leak
 * hides in the sawtooth. It samples on its own thread so the frames are timed as they would be.
 */
public final class HeapSampler implements AutoCloseable {

    /** One reading: seconds since sampling began, and the heap in use then. */
    public record Sample(double seconds, long usedBytes) {
    }

    /**
     * How the heap moved over the settled part of a run: from the first reading to the last, and
     * the whole range in between, both as a share of the first reading.
     */
    public record Drift(Sample first, Sample last, long minBytes, long maxBytes) {

        /** The readings from {@code fromSeconds} on; empty if there are fewer than two. */
        public static Optional<Drift> of(List<Sample> samples, double fromSeconds) {
            List<Sample> settled = samples.stream().filter(s -> s.seconds() >= fromSeconds).toList();
            if (settled.size() < 2) {
                return Optional.empty();
            }
            long min = settled.stream().mapToLong(Sample::usedBytes).min().orElseThrow();
            long max = settled.stream().mapToLong(Sample::usedBytes).max().orElseThrow();
            return Optional.of(new Drift(settled.getFirst(), settled.getLast(), min, max));
        }

        public double changePercent() {
            return 100.0 * (last.usedBytes() - first.usedBytes()) / first.usedBytes();
        }

        public double rangePercent() {
            return 100.0 * (maxBytes - minBytes) / first.usedBytes();
        }
    }

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final List<Sample> samples = new ArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "heap-sampler");
        thread.setDaemon(true);
        return thread;
    });
    private final long start = System.nanoTime();

    public HeapSampler(double intervalSeconds) {
        long interval = (long) (intervalSeconds * 1e9);
        timer.scheduleAtFixedRate(this::sample, 0, interval, TimeUnit.NANOSECONDS);
    }

    private void sample() {
        System.gc();
        Sample sample = new Sample((System.nanoTime() - start) / 1e9, memory.getHeapMemoryUsage().getUsed());
        synchronized (samples) {
            samples.add(sample);
        }
    }

    public List<Sample> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
