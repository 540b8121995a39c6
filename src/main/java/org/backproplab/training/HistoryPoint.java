package org.backproplab.training;

import org.backproplab.engine.Metrics;

/** Loss and accuracy on both sets after some epoch, one point of the charts. */
public record HistoryPoint(long epoch, Metrics train, Metrics test) {
}
