package org.backproplab.trace;

/**
 * The optimizer's memory for one layer at one moment: before a step (what the update used) or after
 * it (what it carries into the next update). Plain SGD remembers nothing.
 */
public sealed interface OptimizerState {

    record Stateless() implements OptimizerState {
    }

    /** Momentum's velocity v ← μ·v − η·∂L/∂θ, for the weights and the biases. */
    record Velocity(Matrix weights, Matrix biases) implements OptimizerState {
    }

    /** Adam's first and second moment estimates, and how many steps they have seen (t, 0 before the first). */
    record AdamMoments(Matrix weightMean, Matrix weightVariance, Matrix biasMean, Matrix biasVariance, long step)
            implements OptimizerState {
    }
}
