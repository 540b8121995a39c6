package org.backproplab.data;

import java.util.List;

/**
 * Points and what their labels mean.
 *
 * @param points   the points, in generation order
 * @param classes  number of classes for classification (2 or more); 0 for regression
 */
public record Dataset(List<DataPoint> points, int classes) {

    /**
     * Most points a data set may hold, however it arrives (generated, written in a lesson, read
     * from a CSV file): far more than a class looks at, few enough to train and draw at once.
     */
    public static final int MAX_POINTS = 100_000;

    public Dataset {
        points = List.copyOf(points);
        if (classes < 0 || classes == 1) {
            throw new IllegalArgumentException("a data set has 0 (regression) or at least 2 classes, got " + classes);
        }
    }

    public int size() {
        return points.size();
    }
}
