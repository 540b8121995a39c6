package org.backproplab.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * How long one run of some work takes: the median and spread over several timed rounds, after
 * untimed warm-up rounds that let the JIT compile the hot code first.
 */
record Timing(double median, double min, double max) {

    /** The figures for per-round values (any unit). */
    static Timing of(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return new Timing(median, sorted[0], sorted[n - 1]);
    }

    /**
     * Seconds per run, one value per timed round: by the clock on the wall, and in CPU time of the
     * thread that ran the work. On a busy machine other programs take turns on the cores, which
     * stretches the wall time but not the CPU time: the CPU figure is what the work itself costs.
     */
    record Rounds(double[] wall, double[] cpu) {
    }

    /**
     * Times {@code work} over several rounds. Each round repeats the work until {@code roundSeconds}
     * have passed (at least once), so fast work is timed over many runs.
     */
    static Rounds secondsPerRun(Runnable work, double warmUpSeconds, double roundSeconds, int rounds) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long warmUpEnd = System.nanoTime() + (long) (warmUpSeconds * 1e9);
        while (System.nanoTime() < warmUpEnd) {
            work.run();
        }
        double[] perRun = new double[rounds];
        double[] cpuPerRun = new double[rounds];
        long roundNanos = (long) (roundSeconds * 1e9);
        for (int r = 0; r < rounds; r++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            long elapsed;
            long runs = 0;
            do {
                work.run();
                runs++;
                elapsed = System.nanoTime() - start;
            } while (elapsed < roundNanos);
            perRun[r] = elapsed / 1e9 / runs;
            cpuPerRun[r] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9 / runs;
        }
        return new Rounds(perRun, cpuPerRun);
    }

    /** The same figures in another unit; a decreasing conversion (such as 1/x) swaps min and max. */
    static Timing convert(double[] values, DoubleUnaryOperator unit) {
        return of(Arrays.stream(values).map(unit).toArray());
    }
}
