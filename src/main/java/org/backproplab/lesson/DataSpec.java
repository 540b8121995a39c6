package org.backproplab.lesson;

import java.util.List;
import org.backproplab.data.DataPoint;
import org.backproplab.data.Generator;

/**
 * Where a lesson's points come from and how they split into training and test sets.
 */
public sealed interface DataSpec {

    /** Fraction of points used for training; the rest are the test set. */
    double trainRatio();

    /** How many classes the points fall into; 0 for regression. */
    int classes();

    /** Points made by a named generator (see {@code org.backproplab.data.Generators}). */
    record Generated(String generator, int points, double noise, double trainRatio) implements DataSpec {

        @Override
        public int classes() {
            return Generator.fromId(generator).orElseThrow(() -> new IllegalArgumentException("unknown generator " + generator))
                    .classes();
        }
    }

    /** Points written out in the lesson; {@code classes} is 0 for regression. */
    record Inline(List<DataPoint> points, int classes, double trainRatio) implements DataSpec {
        public Inline {
            points = List.copyOf(points);
        }
    }
}
