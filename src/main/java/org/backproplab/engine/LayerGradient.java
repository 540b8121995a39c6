package org.backproplab.engine;

import org.backproplab.trace.Matrix;

/** ∂J/∂W (one row per neuron, one column per input) and ∂J/∂b of one layer. */
public record LayerGradient(Matrix weights, Matrix biases) {
}
