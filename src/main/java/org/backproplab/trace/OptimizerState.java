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

    /**
     * Adam's first and second moment estimates, and how many steps each has seen (t, 0 before the
     * first). The weights and the biases count apart: biases that start training part-way through a
     * run (a lesson may switch them on) start their own bias correction at t = 1.
     */
    record AdamMoments(Matrix weightMean, Matrix weightVariance, Matrix biasMean, Matrix biasVariance,
            long weightStepCount, long biasStepCount) implements OptimizerState {
    }

    /** RMSprop's running mean of the squared gradients s ← ρ·s + (1 − ρ)·g², for the weights and the biases. */
    record SquaredGradientMean(Matrix weights, Matrix biases) implements OptimizerState {
    }
}
