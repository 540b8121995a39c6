package org.backproplab.ui.boundary;

import java.util.List;
import org.backproplab.data.DataPoint;
import org.backproplab.trace.SignificantNumber;
import org.backproplab.ui.common.Messages;

/** A training point as the step-through and the gradient check name it: "x₁ = 0.05, x₂ = 0.1 → target 0.01, 0.99". */
public final class PointText {

    private PointText() {
    }

    /** Point {@code sample} of {@code points} with {@code digits} significant digits; empty when there is no such point. */
    public static String of(Messages messages, List<DataPoint> points, int sample, int digits) {
        if (sample < 0 || sample >= points.size()) {
            return "";
        }
        DataPoint point = points.get(sample);
        String target = point.hasExplicitTargets()
                ? String.join(", ", point.targets().stream().map(value -> SignificantNumber.plain(value, digits)).toList())
                : SignificantNumber.plain(point.label(), digits);
        return messages.format("step.point", SignificantNumber.plain(point.x1(), digits),
                SignificantNumber.plain(point.x2(), digits), target);
    }
}
