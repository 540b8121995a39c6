package org.backproplab.training;

import java.util.ArrayList;
import java.util.List;

/**
 * The curve of loss over epochs, kept at a bounded size however long training runs: when full,
 * every other point is dropped and points are taken half as often, so the whole run stays on the
 * chart at an even spacing.
 */
final class LossHistory {

    static final int CAPACITY = 1000;

    private final List<HistoryPoint> points = new ArrayList<>();
    private long interval = 1;

    /** Whether the point after {@code epoch} should be recorded. */
    boolean wants(long epoch) {
        return epoch % interval == 0;
    }

    void add(HistoryPoint point) {
        if (!points.isEmpty() && points.getLast().epoch() >= point.epoch()) {
            points.removeLast();
        }
        points.add(point);
        if (points.size() >= CAPACITY) {
            List<HistoryPoint> kept = new ArrayList<>();
            for (int i = 0; i < points.size(); i += 2) {
                kept.add(points.get(i));
            }
            points.clear();
            points.addAll(kept);
            interval *= 2;
        }
    }

    /** Drops the gradient sizes of every point so far, keeping the losses: see {@link HistoryPoint#gradients()}. */
    void forgetGradients() {
        points.replaceAll(HistoryPoint::withoutGradients);
    }

    void clear() {
        points.clear();
        interval = 1;
    }

    List<HistoryPoint> snapshot() {
        return List.copyOf(points);
    }
}
