package org.backproplab.data;

import java.util.List;

/**
 * One point of a 2-D data set. For classification {@code label} is the class index (0, 1, …; the
 * generators map TensorFlow Playground's −1/+1 to 0/1); for regression it is the real target.
 * A hand-worked example may instead give the exact output vector it wants in {@code targets}
 * (e.g. 0.01 and 0.99), which then overrides the label.
 */
public record DataPoint(double x1, double x2, double label, List<Double> targets) {

    /**
     * Largest |x₁| or |x₂| a point read from a file may have, so that views can always frame every
     * point (the span they draw must stay a finite number).
     */
    public static final double MAX_COORDINATE = 1e6;

    public DataPoint {
        targets = List.copyOf(targets);
    }

    public DataPoint(double x1, double x2, double label) {
        this(x1, x2, label, List.of());
    }

    /** A point with explicit targets for every output; its label is unused (0). */
    public static DataPoint withTargets(double x1, double x2, List<Double> targets) {
        return new DataPoint(x1, x2, 0, targets);
    }

    public boolean hasExplicitTargets() {
        return !targets.isEmpty();
    }

    public int classIndex() {
        return (int) label;
    }
}
