package org.backproplab.trace;

/** How finely a step's pass (forward, backward, gradients and update) is divided into sub-steps. */
public enum Granularity {
    /** One sub-step per layer. */
    LAYER,
    /** One sub-step per neuron. */
    NEURON
}
