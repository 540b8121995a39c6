package org.backproplab.training;

import java.util.Optional;
import org.backproplab.engine.GradientSizes;
import org.backproplab.engine.Metrics;

/**
 * Loss and accuracy on both sets after some epoch, and the learning rate then, one point of the charts, with how large each
 * layer's gradients were at that moment. Keeping the gradient sizes in the point keeps them on the
 * same epochs as the losses however the history is thinned.
 *
 * @param learningRate the η the schedule gives this epoch: what the next step trains with
 * @param gradients per-layer gradient sizes; empty when there were no training points, and for
 *                  points from before a layer was added or removed (layer k no longer names the
 *                  same layer, so the gradient series start again)
 */
public record HistoryPoint(long epoch, Metrics train, Metrics test, double learningRate, Optional<GradientSizes> gradients) {

    /** The same point without its gradient sizes. */
    HistoryPoint withoutGradients() {
        return new HistoryPoint(epoch, train, test, learningRate, Optional.empty());
    }
}
