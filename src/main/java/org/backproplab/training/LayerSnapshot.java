package org.backproplab.training;

import java.util.Objects;
import java.util.Optional;
import org.backproplab.engine.Activation;
import org.backproplab.lesson.LayerWeights;
import org.backproplab.trace.Matrix;

/**
 * One layer's parameters frozen at the moment of a snapshot.
 *
 * @param activation the layer's f in a = f(W·a_prev + b)
 * @param weights    W, one row per neuron and one column per input
 * @param biases     b, a column with one entry per neuron
 * @param batchNorm  batch normalisation's values, for a layer that normalises: what evaluating the
 *                   network (the landscape's loss) needs besides W and b
 */
public record LayerSnapshot(Activation activation, Matrix weights, Matrix biases,
        Optional<LayerWeights.Normalisation> batchNorm) {

    public LayerSnapshot {
        if (biases.cols() != 1 || biases.rows() != weights.rows()) {
            throw new IllegalArgumentException("a layer of " + weights.rows() + " neurons needs a "
                    + weights.rows() + "x1 bias column, got " + biases.rows() + "x" + biases.cols());
        }
        Objects.requireNonNull(batchNorm);
    }

    /** Number of neurons. */
    public int size() {
        return weights.rows();
    }

    /** Number of inputs each neuron reads. */
    public int inputSize() {
        return weights.cols();
    }

    /** The weight from input {@code input} into neuron {@code neuron}. */
    public double weight(int neuron, int input) {
        return weights.get(neuron, input);
    }

    public double bias(int neuron) {
        return biases.get(neuron, 0);
    }
}
