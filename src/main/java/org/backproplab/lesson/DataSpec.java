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

    /**
     * Points written out in the lesson; {@code classes} is 0 for regression. {@code sets} is empty
     * when the seed shuffles the points and {@code trainRatio} splits them, or names the set of
     * every point, in order, when the lesson fixes the split; {@code trainRatio} is then the share
     * that is marked for training.
     */
    record Inline(List<DataPoint> points, int classes, double trainRatio, List<PointSet> sets) implements DataSpec {
        public Inline {
            points = List.copyOf(points);
            sets = List.copyOf(sets);
            if (!sets.isEmpty() && sets.size() != points.size()) {
                throw new IllegalArgumentException("a set for every point or none: " + sets.size() + " sets for "
                        + points.size() + " points");
            }
        }

        /** Points that the seed shuffles and {@code trainRatio} splits. */
        public Inline(List<DataPoint> points, int classes, double trainRatio) {
            this(points, classes, trainRatio, List.of());
        }

        /** Points whose split is fixed: each goes to the set named for it. */
        public static Inline marked(List<DataPoint> points, int classes, List<PointSet> sets) {
            long train = sets.stream().filter(set -> set == PointSet.TRAIN).count();
            return new Inline(points, classes, points.isEmpty() ? 0 : (double) train / points.size(), sets);
        }

        /** Whether each point says which set it belongs to. */
        public boolean marked() {
            return !sets.isEmpty();
        }
    }
}
