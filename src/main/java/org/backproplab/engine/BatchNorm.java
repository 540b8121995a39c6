package org.backproplab.engine;

import org.backproplab.trace.Matrix;
import org.ejml.data.DMatrixRMaj;

/**
 * Batch normalisation of one hidden layer, between z and the activation: in training
 * x̂ = (z − μ)/√(σ² + ε) with μ and σ² the mean and biased variance of z over the mini-batch, then
 * y = γ·x̂ + β; at evaluation the running averages of μ and σ² stand in for the batch's. Owns γ, β
 * and the running averages; the per-batch numbers live in a {@link Pass}, which the forward pass
 * keeps per layer so that the backward pass can read them.
 */
public final class BatchNorm {

    /** Keeps √(σ² + ε) away from zero when a neuron's z is the same for the whole batch. */
    public static final double EPSILON = 1e-5;
    /** The share of each batch's μ and σ² in the running averages: r ← (1 − m)·r + m·(batch value). */
    public static final double MOMENTUM = 0.1;

    private final DMatrixRMaj gamma;
    private final DMatrixRMaj beta;
    private final DMatrixRMaj runningMean;
    private final DMatrixRMaj runningVariance;

    /** γ = 1, β = 0: at first y = x̂; running averages 0 and 1: at first evaluation leaves z as it is. */
    BatchNorm(int size) {
        this(new DMatrixRMaj(size, 1), new DMatrixRMaj(size, 1), new DMatrixRMaj(size, 1), new DMatrixRMaj(size, 1));
        gamma.fill(1);
        runningVariance.fill(1);
    }

    private BatchNorm(DMatrixRMaj gamma, DMatrixRMaj beta, DMatrixRMaj runningMean, DMatrixRMaj runningVariance) {
        this.gamma = gamma;
        this.beta = beta;
        this.runningMean = runningMean;
        this.runningVariance = runningVariance;
    }

    /** What one training batch computed in this layer, kept for the backward pass and the trace. */
    static final class Pass {
        final DMatrixRMaj mean = new DMatrixRMaj(1, 1);
        final DMatrixRMaj variance = new DMatrixRMaj(1, 1);
        final DMatrixRMaj normalized = new DMatrixRMaj(1, 1);
        /** y = γ·x̂ + β: what the activation reads. */
        final DMatrixRMaj output = new DMatrixRMaj(1, 1);
        /** n·∂L/∂y per sample. */
        final DMatrixRMaj outputDelta = new DMatrixRMaj(1, 1);
        final DMatrixRMaj gammaGradient = new DMatrixRMaj(1, 1);
        final DMatrixRMaj betaGradient = new DMatrixRMaj(1, 1);
        /** What the optimizer sees: the gradients × the clip scale. */
        final DMatrixRMaj effectiveGammaGradient = new DMatrixRMaj(1, 1);
        final DMatrixRMaj effectiveBetaGradient = new DMatrixRMaj(1, 1);
        final DMatrixRMaj gammaStep = new DMatrixRMaj(1, 1);
        final DMatrixRMaj betaStep = new DMatrixRMaj(1, 1);

        void fit(int neurons, int batch) {
            for (DMatrixRMaj perNeuron : new DMatrixRMaj[] {mean, variance, gammaGradient, betaGradient,
                    effectiveGammaGradient, effectiveBetaGradient, gammaStep, betaStep}) {
                perNeuron.reshape(neurons, 1, false);
            }
            normalized.reshape(neurons, batch, false);
            output.reshape(neurons, batch, false);
            outputDelta.reshape(neurons, batch, false);
        }
    }

    public int size() {
        return gamma.numRows;
    }

    public double gamma(int neuron) {
        return gamma.data[neuron];
    }

    public double beta(int neuron) {
        return beta.data[neuron];
    }

    public double runningMean(int neuron) {
        return runningMean.data[neuron];
    }

    public double runningVariance(int neuron) {
        return runningVariance.data[neuron];
    }

    /** Sets one neuron's γ, β and running averages, as a lesson file gives them. */
    public void set(int neuron, double gammaValue, double betaValue, double mean, double variance) {
        gamma.data[neuron] = gammaValue;
        beta.data[neuron] = betaValue;
        runningMean.data[neuron] = mean;
        runningVariance.data[neuron] = variance;
    }

    /** The live γ column; only the engine mutates it. */
    DMatrixRMaj gammas() {
        return gamma;
    }

    /** The live β column; only the engine mutates it. */
    DMatrixRMaj betas() {
        return beta;
    }

    public Matrix gammaVector() {
        return Optimizer.snapshot(gamma);
    }

    public Matrix betaVector() {
        return Optimizer.snapshot(beta);
    }

    public Matrix runningMeanVector() {
        return Optimizer.snapshot(runningMean);
    }

    public Matrix runningVarianceVector() {
        return Optimizer.snapshot(runningVariance);
    }

    /** The largest |γ| or |β|; NaN if any is NaN. */
    double largestParameter() {
        double largest = 0;
        for (int n = 0; n < size(); n++) {
            largest = Math.max(largest, Math.max(Math.abs(gamma.data[n]), Math.abs(beta.data[n])));
        }
        return largest;
    }

    BatchNorm copy() {
        return new BatchNorm(gamma.copy(), beta.copy(), runningMean.copy(), runningVariance.copy());
    }

    /** Training: normalises z over its columns (the batch) into {@code pass}; returns y. */
    DMatrixRMaj normaliseBatch(DMatrixRMaj z, Pass pass) {
        int rows = z.numRows;
        int cols = z.numCols;
        pass.fit(rows, cols);
        double[] zs = z.data;
        for (int r = 0; r < rows; r++) {
            int start = r * cols;
            double sum = 0;
            for (int i = start; i < start + cols; i++) {
                sum += zs[i];
            }
            double mean = sum / cols;
            double squares = 0;
            for (int i = start; i < start + cols; i++) {
                squares += (zs[i] - mean) * (zs[i] - mean);
            }
            double variance = squares / cols;
            pass.mean.data[r] = mean;
            pass.variance.data[r] = variance;
            double deviation = Math.sqrt(variance + EPSILON);
            for (int i = start; i < start + cols; i++) {
                double normalized = (zs[i] - mean) / deviation;
                pass.normalized.data[i] = normalized;
                pass.output.data[i] = gamma.data[r] * normalized + beta.data[r];
            }
        }
        return pass.output;
    }

    /**
     * Evaluation: y = γ·(z − r_μ)/√(r_σ² + ε) + β with the running averages, in place, on the columns
     * {@code from} to {@code to} (exclusive). Each sample then stands alone, as a single point on a
     * heatmap must.
     */
    void normaliseWithRunningAverages(DMatrixRMaj z, int from, int to) {
        int cols = z.numCols;
        double[] zs = z.data;
        for (int r = 0; r < z.numRows; r++) {
            double scale = gamma.data[r] / Math.sqrt(runningVariance.data[r] + EPSILON);
            double mean = runningMean.data[r];
            double shift = beta.data[r];
            for (int i = r * cols + from, end = r * cols + to; i < end; i++) {
                zs[i] = scale * (zs[i] - mean) + shift;
            }
        }
    }

    /**
     * Backward through y = γ·x̂ + β and the normalisation. {@code pass.outputDelta} holds δ_y = n·∂L/∂y;
     * writes ∂L/∂γ = mean(δ_y ⊙ x̂), ∂L/∂β = mean(δ_y) into {@code pass}, and into {@code delta}
     * δ_z = γ/√(σ² + ε) · (δ_y − mean(δ_y) − x̂ ⊙ mean(δ_y ⊙ x̂)), which sums to zero over the
     * batch: shifting every z of a neuron alike changes nothing after normalising, so ∂L/∂b = 0 (which
     * the backward pass sets exactly).
     */
    void backward(Pass pass, DMatrixRMaj delta) {
        int rows = pass.outputDelta.numRows;
        int cols = pass.outputDelta.numCols;
        double[] dy = pass.outputDelta.data;
        double[] xHat = pass.normalized.data;
        for (int r = 0; r < rows; r++) {
            int start = r * cols;
            double meanDelta = 0;
            double meanDeltaTimesNormalized = 0;
            for (int i = start; i < start + cols; i++) {
                meanDelta += dy[i];
                meanDeltaTimesNormalized += dy[i] * xHat[i];
            }
            meanDelta /= cols;
            meanDeltaTimesNormalized /= cols;
            pass.betaGradient.data[r] = meanDelta;
            pass.gammaGradient.data[r] = meanDeltaTimesNormalized;
            double scale = gamma.data[r] / Math.sqrt(pass.variance.data[r] + EPSILON);
            for (int i = start; i < start + cols; i++) {
                delta.data[i] = scale * (dy[i] - meanDelta - xHat[i] * meanDeltaTimesNormalized);
            }
        }
    }

    /** r ← 0.9·r + 0.1·(batch value), for μ and σ², after a training step. */
    void updateRunningAverages(Pass pass) {
        for (int r = 0; r < size(); r++) {
            runningMean.data[r] = (1 - MOMENTUM) * runningMean.data[r] + MOMENTUM * pass.mean.data[r];
            runningVariance.data[r] = (1 - MOMENTUM) * runningVariance.data[r] + MOMENTUM * pass.variance.data[r];
        }
    }
}
