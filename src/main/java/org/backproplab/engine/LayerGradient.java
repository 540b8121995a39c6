package org.backproplab.engine;

import java.util.Optional;
import org.backproplab.trace.Matrix;

/**
 * ∂J/∂W (one row per neuron, one column per input) and ∂J/∂b of one layer, and ∂J/∂γ and ∂J/∂β
 * when the layer normalises its batch.
 */
public record LayerGradient(Matrix weights, Matrix biases, Optional<Normalisation> batchNorm) {

    /** ∂J/∂γ and ∂J/∂β, one row per neuron. */
    public record Normalisation(Matrix gamma, Matrix beta) {
    }

    /** A layer without batch normalisation. */
    public LayerGradient(Matrix weights, Matrix biases) {
        this(weights, biases, Optional.empty());
    }
}
