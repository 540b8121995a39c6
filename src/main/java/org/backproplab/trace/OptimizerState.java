package org.backproplab.trace;

/**
 * The optimizer's memory for one layer after a step: what it carried into the next update.
 * Plain SGD remembers nothing.
 */
public sealed interface OptimizerState {

    record Stateless() implements OptimizerState {
    }

    /** Momentum's velocity v ← μ·v − η·∂L/∂θ, for the weights and the biases. */
    record Velocity(Matrix weights, Matrix biases) implements OptimizerState {
    }

    /** Adam's first and second moment estimates, and how many steps they have seen. */
    record AdamMoments(Matrix weightMean, Matrix weightVariance, Matrix biasMean, Matrix biasVariance, long step)
            implements OptimizerState {
    }
}
