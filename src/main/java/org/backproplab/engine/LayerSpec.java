package org.backproplab.engine;

/** The shape of one layer: how many neurons, and their activation. */
public record LayerSpec(int size, Activation activation) {

    public LayerSpec {
        if (size < 1) {
            throw new IllegalArgumentException("a layer needs at least one neuron, got " + size);
        }
    }
}
