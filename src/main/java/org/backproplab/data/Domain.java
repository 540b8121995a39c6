package org.backproplab.data;

/** The square of the input plane that views show and heatmaps cover: x₁ and x₂ both in [min, max]. */
public record Domain(double min, double max) {

    /** TensorFlow Playground's input space. */
    public static final Domain PLAYGROUND = new Domain(-6, 6);

    public Domain {
        if (!(min < max) || !Double.isFinite(min) || !Double.isFinite(max)) {
            throw new IllegalArgumentException("a domain needs finite min < max, got [" + min + ", " + max + "]");
        }
    }

    /** Whether the point lies in the square, edges included. */
    public boolean contains(DataPoint point) {
        return point.x1() >= min && point.x1() <= max && point.x2() >= min && point.x2() <= max;
    }

    public double width() {
        return max - min;
    }

    /** The smallest square domain holding every point with a 10 % margin; the unit square for no points. */
    public static Domain around(Iterable<DataPoint> points) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (DataPoint p : points) {
            lo = Math.min(lo, Math.min(p.x1(), p.x2()));
            hi = Math.max(hi, Math.max(p.x1(), p.x2()));
        }
        if (!(lo <= hi)) {
            return new Domain(-1, 1);
        }
        double margin = Math.max(0.1 * (hi - lo), 0.5);
        return new Domain(lo - margin, hi + margin);
    }
}
