package org.backproplab.ui.bench;

import java.util.Arrays;

/** Durations collected frame by frame, summarised as percentiles (nearest rank). */
public final class FrameStats {

    private long[] nanos = new long[1024];
    private int count;

    public void add(long duration) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = duration;
    }

    public int count() {
        return count;
    }

    /** The smallest duration at least {@code percent} % of the samples do not exceed, in milliseconds. */
    public double percentileMillis(double percent) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100 * count);
        return sorted[Math.clamp(rank - 1, 0, count - 1)] / 1e6;
    }

    /** How many durations are longer than {@code limit} nanoseconds. */
    public int countAbove(long limit) {
        int above = 0;
        for (int i = 0; i < count; i++) {
            if (nanos[i] > limit) {
                above++;
            }
        }
        return above;
    }

    public double maxMillis() {
        return percentileMillis(100);
    }
}
