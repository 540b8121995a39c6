package org.backproplab.engine;

/**
 * The shape of one layer: how many neurons, their activation, and the remedies it applies.
 *
 * @param dropout   the rate p at which training drops this layer's outputs (0: never); hidden layers only
 * @param batchNorm whether z is normalised over the mini-batch before the activation; hidden layers only
 */
public record LayerSpec(int size, Activation activation, double dropout, boolean batchNorm) {

    public LayerSpec {
        if (size < 1) {
            throw new IllegalArgumentException("a layer needs at least one neuron, got " + size);
        }
        // p = 1 would drop every output and divide the kept ones by zero.
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("a dropout rate must be at least 0 and below 1, got " + dropout);
        }
    }

    /** A plain layer: no dropout, no batch normalisation. */
    public LayerSpec(int size, Activation activation) {
        this(size, activation, 0, false);
    }

    public LayerSpec withDropout(double rate) {
        return new LayerSpec(size, activation, rate, batchNorm);
    }

    public LayerSpec withSize(int neurons) {
        return new LayerSpec(neurons, activation, dropout, batchNorm);
    }

    public LayerSpec withActivation(Activation function) {
        return new LayerSpec(size, function, dropout, batchNorm);
    }

    public LayerSpec withBatchNorm(boolean normalise) {
        return new LayerSpec(size, activation, dropout, normalise);
    }
}
