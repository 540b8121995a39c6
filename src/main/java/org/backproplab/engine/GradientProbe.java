package org.backproplab.engine;

import org.ejml.data.DMatrixRMaj;

/**
 * Measures a network's {@link GradientSizes} on a fixed sample of its training data, without
 * training it. Has its own backpropagation buffers, so that measuring leaves the last training
 * step's gradients (which the graph shows) as they were.
 */
final class GradientProbe {

    /**
     * At most this many training points, spread evenly over the set, make up the sample: enough
     * for a steady figure, and a bounded cost however large the data set.
     */
    static final int SAMPLE_LIMIT = 500;

    private final Backpropagation backpropagation = new Backpropagation();
    private final DMatrixRMaj inputs = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj targets = new DMatrixRMaj(1, 1);

    /** @param data training data with at least one training point */
    GradientProbe(TrainingData data) {
        int size = data.trainSize();
        int count = Math.min(size, SAMPLE_LIMIT);
        // Evenly spread rather than the first points: generated sets may list their classes in turn.
        int[] columns = new int[count];
        for (int i = 0; i < count; i++) {
            columns[i] = (int) ((long) i * size / count);
        }
        Batches.gatherColumns(data.trainInputs(), columns, 0, count, inputs);
        Batches.gatherColumns(data.trainTargets(), columns, 0, count, targets);
    }

    GradientSizes measure(Network network, Hyperparameters hyper) {
        return backpropagation.gradientSizes(network, inputs, targets, hyper);
    }
}
