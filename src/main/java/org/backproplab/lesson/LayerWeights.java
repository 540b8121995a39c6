package org.backproplab.lesson;

import org.backproplab.trace.Matrix;

/** Explicit parameters of one layer: W with one row per neuron and one column per input, and b. */
public record LayerWeights(Matrix weights, Matrix biases) {
}
