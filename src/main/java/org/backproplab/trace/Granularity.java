package org.backproplab.trace;

/** How finely a step's forward and backward passes are divided into sub-steps. */
public enum Granularity {
    /** One sub-step per layer. */
    LAYER,
    /** One sub-step per neuron. */
    NEURON
}
