package org.backproplab.ui;

import java.util.Arrays;

/** Durations collected frame by frame, summarised as percentiles (nearest rank). */
final class FrameStats {

    private long[] nanos = new long[1024];
    private int count;

    void add(long duration) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = duration;
    }

    int count() {
        return count;
    }

    /** The smallest duration at least {@code percent} % of the samples do not exceed, in milliseconds. */
    double percentileMillis(double percent) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100 * count);
        return sorted[Math.clamp(rank - 1, 0, count - 1)] / 1e6;
    }

    /** How many durations are longer than {@code limit} nanoseconds. */
    int countAbove(long limit) {
        int above = 0;
        for (int i = 0; i < count; i++) {
            if (nanos[i] > limit) {
                above++;
            }
        }
        return above;
    }

    double maxMillis() {
        return percentileMillis(100);
    }
}
