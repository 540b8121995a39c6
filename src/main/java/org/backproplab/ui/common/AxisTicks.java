package org.backproplab.ui.common;

import java.util.ArrayList;
import java.util.List;

/**
 * Round tick values for an axis: steps of 1, 2 or 5 times a power of ten, about as many as asked
 * for, so a class reads −6, −4, …, 6 rather than −6.0, −4.8, ….
 *
 * @param step   the distance between ticks
 * @param values the ticks inside the range, in increasing order
 */
public record AxisTicks(double step, List<Double> values) {

    public AxisTicks {
        values = List.copyOf(values);
    }

    public static AxisTicks of(double min, double max, int about) {
        double rough = (max - min) / Math.max(about, 1);
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        double step = power;
        for (double multiple : new double[] {1, 2, 5, 10}) {
            step = multiple * power;
            if (step >= rough) {
                break;
            }
        }
        List<Double> values = new ArrayList<>();
        // Counting whole steps avoids the drift of repeated addition (0.30000000000000004).
        for (long k = (long) Math.ceil(min / step - 1e-9); k * step <= max + 1e-9 * step; k++) {
            values.add(k * step == 0 ? 0.0 : k * step);
        }
        return new AxisTicks(step, values);
    }
}
