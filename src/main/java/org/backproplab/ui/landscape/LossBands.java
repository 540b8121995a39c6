package org.backproplab.ui.landscape;

import javafx.scene.paint.Color;

/**
 * The colours of a loss map: low loss dark blue, high loss light yellow (viridis' ends, which read
 * in grey too and to the colour-blind), in {@link #BANDS} steps so that each colour is one filled
 * contour band. Losses are banded on a log scale: a landscape's valley is orders of magnitude lower
 * than its walls, and on a linear scale the whole valley would be one band.
 */
record LossBands(double lowest, double highest) {

    static final int BANDS = 12;

    /** Viridis at 0, ¼, ½, ¾ and 1. */
    private static final Color[] STOPS = {
        Color.rgb(68, 1, 84), Color.rgb(59, 82, 139), Color.rgb(33, 145, 140), Color.rgb(94, 201, 98), Color.rgb(253, 231, 37)
    };

    /** The bands for the finite, positive losses of {@code losses}; a flat map gets a band around its one value. */
    static LossBands of(double[][] losses) {
        double lowest = Double.POSITIVE_INFINITY;
        double highest = 0;
        for (double[] row : losses) {
            for (double value : row) {
                if (Double.isFinite(value) && value > 0) {
                    lowest = Math.min(lowest, value);
                    highest = Math.max(highest, value);
                }
            }
        }
        if (!(lowest < highest)) {
            double middle = lowest == Double.POSITIVE_INFINITY ? 1 : lowest;
            return new LossBands(middle / 2, middle * 2);
        }
        return new LossBands(lowest, highest);
    }

    /** Which band {@code loss} falls in, 0 (lowest) to BANDS − 1; −1 for a loss that is not a number. */
    int band(double loss) {
        if (Double.isNaN(loss)) {
            return -1;
        }
        double t = (Math.log(Math.max(loss, lowest)) - Math.log(lowest)) / (Math.log(highest) - Math.log(lowest));
        return (int) Math.clamp(Math.floor(t * BANDS), 0, BANDS - 1);
    }

    /** The loss at the lower edge of band {@code band} (BANDS gives the top edge): what the colour scale is labelled with. */
    double edge(int band) {
        return Math.exp(Math.log(lowest) + (Math.log(highest) - Math.log(lowest)) * band / BANDS);
    }

    Color color(int band) {
        double t = band / (double) (BANDS - 1) * (STOPS.length - 1);
        int stop = (int) Math.min(Math.floor(t), STOPS.length - 2);
        return STOPS[stop].interpolate(STOPS[stop + 1], t - stop);
    }
}
