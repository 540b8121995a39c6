package org.backproplab.trace;

import java.util.Optional;

/**
 * What one layer did in one training step. Matrices of per-sample values (z, a, delta) have one
 * column per sample of the batch; gradients are the batch mean.
 *
 * @param activation        the activation's lesson-file name, e.g. {@code "sigmoid"}
 * @param weightsBefore     W before the update: one row per neuron, one column per input
 * @param biasesBefore      b before the update, a column
 * @param z                 pre-activations z = W·a_prev + b
 * @param a                 activations a = f(z)
 * @param delta             δ = ∂L/∂z for each sample
 * @param weightGradient    ∂L/∂W = mean over the batch of δ·a_prevᵀ (the data term)
 * @param penaltyGradient   the regularization term added to ∂L/∂W before the update (zero when off)
 * @param biasGradient      ∂L/∂b = mean of δ
 * @param weightStep        ΔW actually applied (after clipping and the optimizer)
 * @param biasStep          Δb actually applied (zero when biases are fixed)
 * @param weightsAfter      W after the update
 * @param biasesAfter       b after the update
 * @param optimizerStateBefore the optimizer's memory for this layer as the update found it: what
 *                          the previous step left, or zeros when the memory starts afresh
 * @param optimizerStateAfter  the optimizer's memory for this layer after the update
 * @param dropout           what dropout did, when this layer applies it; then {@code a} is what the
 *                          next layer reads, after the mask and the scaling
 * @param batchNorm         what batch normalisation did, when this layer applies it; then
 *                          {@code a} = f(y) rather than f(z)
 */
public record LayerTrace(
        String activation,
        Matrix weightsBefore,
        Matrix biasesBefore,
        Matrix z,
        Matrix a,
        Matrix delta,
        Matrix weightGradient,
        Matrix penaltyGradient,
        Matrix biasGradient,
        Matrix weightStep,
        Matrix biasStep,
        Matrix weightsAfter,
        Matrix biasesAfter,
        OptimizerState optimizerStateBefore,
        OptimizerState optimizerStateAfter,
        Optional<DropoutTrace> dropout,
        Optional<BatchNormTrace> batchNorm) {

    public LayerTrace {
        // The memory changes kind (or starts afresh) only between steps, so the update formulas can
        // read the old memory as the same kind as the new.
        if (optimizerStateBefore.getClass() != optimizerStateAfter.getClass()) {
            throw new IllegalArgumentException("the optimizer's memory before the step is a "
                    + optimizerStateBefore.getClass().getSimpleName() + ", after it a " + optimizerStateAfter.getClass().getSimpleName());
        }
    }

    /** A layer without dropout or batch normalisation. */
    public LayerTrace(String activation, Matrix weightsBefore, Matrix biasesBefore, Matrix z, Matrix a, Matrix delta,
            Matrix weightGradient, Matrix penaltyGradient, Matrix biasGradient, Matrix weightStep, Matrix biasStep,
            Matrix weightsAfter, Matrix biasesAfter, OptimizerState optimizerStateBefore, OptimizerState optimizerStateAfter) {
        this(activation, weightsBefore, biasesBefore, z, a, delta, weightGradient, penaltyGradient, biasGradient, weightStep,
                biasStep, weightsAfter, biasesAfter, optimizerStateBefore, optimizerStateAfter, Optional.empty(), Optional.empty());
    }

    public int size() {
        return weightsBefore.rows();
    }

    public int inputSize() {
        return weightsBefore.cols();
    }
}
