package org.backproplab.engine;

/** Loss and accuracy of the network on one set of samples; accuracy is NaN for regression. */
public record Metrics(double loss, double accuracy) {

    public static final Metrics EMPTY = new Metrics(Double.NaN, Double.NaN);
}
