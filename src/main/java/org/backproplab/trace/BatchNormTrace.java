package org.backproplab.trace;

/**
 * What batch normalisation did in one hidden layer in one training step, between z and the
 * activation: x̂ = (z − μ)/√(σ² + ε), y = γ·x̂ + β, a = f(y). Per-neuron values are columns with one
 * row per neuron; per-sample values have one column per sample of the batch.
 *
 * @param epsilon         ε, added to σ² so that a constant neuron does not divide by zero
 * @param mean            μ of z over the batch, per neuron
 * @param variance        σ², the biased (divide by n) variance of z over the batch, per neuron
 * @param normalized      x̂ per sample
 * @param output          y = γ·x̂ + β per sample, what the activation reads
 * @param outputDelta     n·∂L/∂y per sample (the batch's samples are coupled, so δ keeps its
 *                        per-sample meaning by the factor n)
 * @param gamma           γ before the update
 * @param beta            β before the update
 * @param gammaGradient   ∂L/∂γ
 * @param betaGradient    ∂L/∂β
 * @param gammaAfter      γ after the update
 * @param betaAfter       β after the update
 * @param runningMean     the running average of μ after this step, used at evaluation
 * @param runningVariance the running average of σ² after this step, used at evaluation
 */
public record BatchNormTrace(
        double epsilon,
        Matrix mean,
        Matrix variance,
        Matrix normalized,
        Matrix output,
        Matrix outputDelta,
        Matrix gamma,
        Matrix beta,
        Matrix gammaGradient,
        Matrix betaGradient,
        Matrix gammaAfter,
        Matrix betaAfter,
        Matrix runningMean,
        Matrix runningVariance) {
}
