package org.backproplab.engine;

import java.util.Optional;
import org.backproplab.trace.Matrix;
import org.ejml.data.DMatrixRMaj;

/**
 * A fully connected layer: weights W with one row per neuron and one column per input, a bias
 * per neuron, and the activation applied to z = W·a_prev + b.
 */
public final class Layer {

    private final DMatrixRMaj weights;
    private final DMatrixRMaj biases;
    private final Activation activation;
    /** p, the rate at which training drops this layer's outputs (see {@link Dropout}); 0 for none. */
    private final double dropout;
    /** Present when z is normalised over the mini-batch before the activation. */
    private final Optional<BatchNorm> batchNorm;

    public Layer(int inputSize, int size, Activation activation) {
        this(inputSize, size, activation, 0, false);
    }

    public Layer(int inputSize, int size, Activation activation, double dropout, boolean normalised) {
        this(new DMatrixRMaj(size, inputSize), new DMatrixRMaj(size, 1), activation, dropout,
                normalised ? Optional.of(new BatchNorm(size)) : Optional.empty());
    }

    private Layer(DMatrixRMaj weights, DMatrixRMaj biases, Activation activation, double dropout,
            Optional<BatchNorm> batchNorm) {
        this.weights = weights;
        this.biases = biases;
        this.activation = activation;
        this.dropout = dropout;
        this.batchNorm = batchNorm;
    }

    public int size() {
        return weights.numRows;
    }

    public int inputSize() {
        return weights.numCols;
    }

    public Activation activation() {
        return activation;
    }

    /** This layer's shape and remedies, as a lesson states them. */
    public LayerSpec spec() {
        return new LayerSpec(size(), activation, dropout, batchNorm.isPresent());
    }

    public double dropout() {
        return dropout;
    }

    /** γ, β and the running averages, when this layer normalises its z over the mini-batch. */
    public Optional<BatchNorm> batchNorm() {
        return batchNorm;
    }

    public double weight(int neuron, int input) {
        return weights.get(neuron, input);
    }

    public void setWeight(int neuron, int input, double value) {
        weights.set(neuron, input, value);
    }

    public double bias(int neuron) {
        return biases.get(neuron, 0);
    }

    public void setBias(int neuron, double value) {
        biases.set(neuron, 0, value);
    }

    /** The live weight matrix; only the engine mutates it. */
    DMatrixRMaj weights() {
        return weights;
    }

    /** The live bias column; only the engine mutates it. */
    DMatrixRMaj biases() {
        return biases;
    }

    public Matrix weightMatrix() {
        return Matrix.copyOf(weights.numRows, weights.numCols, weights.data);
    }

    public Matrix biasVector() {
        return Matrix.copyOf(biases.numRows, 1, biases.data);
    }

    /** The largest |w|, |b|, |γ| or |β|; NaN if any is NaN (Math.max propagates it). */
    public double largestParameter() {
        double largest = Math.max(largestMagnitude(weights), largestMagnitude(biases));
        return batchNorm.isEmpty() ? largest : Math.max(largest, batchNorm.get().largestParameter());
    }

    private static double largestMagnitude(DMatrixRMaj m) {
        double largest = 0;
        for (int i = 0, n = m.getNumElements(); i < n; i++) {
            largest = Math.max(largest, Math.abs(m.data[i]));
        }
        return largest;
    }

    public Layer copy() {
        return new Layer(weights.copy(), biases.copy(), activation, dropout, batchNorm.map(BatchNorm::copy));
    }
}
