package org.backproplab.ui.common;

/**
 * Something in the network graph a pointer can rest on: an input, a neuron, or the edge (weight)
 * between two of them. Layers are numbered as the trainer numbers them: 0 is the first layer after
 * the inputs.
 */
public sealed interface GraphTarget {

    /** The graph column the target is drawn in (0 = inputs); for an edge, the column it arrives at. */
    int column();

    /** Input feature {@code feature} (x₁, x₂, …). */
    record Input(int feature) implements GraphTarget {
        @Override
        public int column() {
            return 0;
        }
    }

    /** Neuron {@code neuron} of layer {@code layer}; its editable parameter is its bias. */
    record Neuron(int layer, int neuron) implements GraphTarget {
        @Override
        public int column() {
            return layer + 1;
        }
    }

    /** The weight from input {@code input} of layer {@code layer} into its neuron {@code neuron}. */
    record Edge(int layer, int neuron, int input) implements GraphTarget {
        @Override
        public int column() {
            return layer + 1;
        }
    }
}
