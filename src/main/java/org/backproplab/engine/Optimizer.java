package org.backproplab.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.backproplab.trace.Matrix;
import org.backproplab.trace.OptimizerState;
import org.ejml.data.DMatrixRMaj;

/**
 * Turns gradients into steps and remembers what momentum, Adam and RMSprop need between steps. Each
 * layer has two parameter slots, its weights and its biases, and two more after every layer's, for
 * the γ and β of batch normalisation (see {@link #gammaSlot}). Changing only the learning rate keeps the
 * memory; changing the kind of optimizer, or a layer's shape, starts that memory afresh.
 */
final class Optimizer {

    /** Per parameter matrix: velocity (momentum) or first moment (Adam). */
    private final List<DMatrixRMaj> first = new ArrayList<>();
    /** Per parameter matrix: second moment (Adam), running mean of g² (RMSprop's s). */
    private final List<DMatrixRMaj> second = new ArrayList<>();
    /**
     * Per parameter matrix: how many updates its memory has seen, Adam's t. Counted per slot, not per
     * network step, because a slot's memory can start later (a forgotten or reshaped layer, biases
     * that start training): bias correction must restart with it, or its first steps come out
     * several times too large.
     */
    private long[] steps = new long[0];
    private Class<? extends OptimizerSettings> kind;

    /** Prepares memory for the network's current shape and the given settings; call once per step. */
    void beginStep(Network network, OptimizerSettings settings) {
        if (settings.getClass() != kind) {
            kind = settings.getClass();
            first.clear();
            second.clear();
        }
        while (first.size() > 4 * network.layerCount()) {
            first.removeLast();
            second.removeLast();
        }
        for (int l = 0; l < network.layerCount(); l++) {
            Layer layer = network.layer(l);
            ensureSlot(2 * l, layer.size(), layer.inputSize());
            ensureSlot(2 * l + 1, layer.size(), 1);
        }
        for (int l = 0; l < network.layerCount(); l++) {
            ensureSlot(gammaSlot(network, l), network.layer(l).size(), 1);
            ensureSlot(betaSlot(network, l), network.layer(l).size(), 1);
        }
    }

    /** The slot of layer {@code layer}'s γ: after the weights and biases of every layer, so theirs keep their numbers. */
    static int gammaSlot(Network network, int layer) {
        return 2 * network.layerCount() + 2 * layer;
    }

    static int betaSlot(Network network, int layer) {
        return gammaSlot(network, layer) + 1;
    }

    /** Forgets everything, e.g. after a reset. */
    void reset() {
        first.clear();
        second.clear();
        kind = null;
    }

    private void ensureSlot(int slot, int rows, int cols) {
        if (slot == first.size()) {
            first.add(new DMatrixRMaj(rows, cols));
            second.add(new DMatrixRMaj(rows, cols));
            if (steps.length <= slot) {
                steps = Arrays.copyOf(steps, slot + 1);
            }
            steps[slot] = 0;
        } else if (first.get(slot).numRows != rows || first.get(slot).numCols != cols) {
            first.set(slot, new DMatrixRMaj(rows, cols));
            second.set(slot, new DMatrixRMaj(rows, cols));
            steps[slot] = 0;
        }
    }

    /**
     * Writes the step Δθ for the gradient g of parameter slot {@code slot} into {@code step} and
     * takes it: θ ← θ + Δθ on {@code parameters}. In the same loop as the step rather than a
     * separate pass: on a lesson's small layers the pass's own overhead outweighs its additions.
     */
    void takeStep(OptimizerSettings settings, int slot, DMatrixRMaj gradient, DMatrixRMaj step, DMatrixRMaj parameters) {
        double[] g = gradient.data;
        double[] out = step.data;
        double[] theta = parameters.data;
        int n = gradient.getNumElements();
        double eta = settings.learningRate();
        long t = ++steps[slot];
        switch (settings) {
            case OptimizerSettings.Sgd sgd -> {
                for (int i = 0; i < n; i++) {
                    out[i] = -eta * g[i];
                    theta[i] += out[i];
                }
            }
            case OptimizerSettings.Momentum momentum -> {
                double[] v = first.get(slot).data;
                double mu = momentum.momentum();
                for (int i = 0; i < n; i++) {
                    v[i] = mu * v[i] - eta * g[i];
                    out[i] = v[i];
                    theta[i] += out[i];
                }
            }
            case OptimizerSettings.Adam adam -> {
                double[] m = first.get(slot).data;
                double[] v = second.get(slot).data;
                double b1 = adam.beta1();
                double b2 = adam.beta2();
                double correction1 = 1 - Math.pow(b1, t);
                double correction2 = 1 - Math.pow(b2, t);
                for (int i = 0; i < n; i++) {
                    m[i] = b1 * m[i] + (1 - b1) * g[i];
                    v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
                    double mHat = m[i] / correction1;
                    double vHat = v[i] / correction2;
                    out[i] = -eta * mHat / (Math.sqrt(vHat) + adam.epsilon());
                    theta[i] += out[i];
                }
            }
            case OptimizerSettings.RmsProp rmsProp -> {
                double[] s = second.get(slot).data;
                double rho = rmsProp.rho();
                for (int i = 0; i < n; i++) {
                    s[i] = rho * s[i] + (1 - rho) * g[i] * g[i];
                    out[i] = -eta * g[i] / (Math.sqrt(s[i]) + rmsProp.epsilon());
                    theta[i] += out[i];
                }
            }
        }
    }

    /** The memory of one layer, for a trace. */
    OptimizerState stateOf(int layer) {
        if (kind == OptimizerSettings.Momentum.class) {
            return new OptimizerState.Velocity(snapshot(first.get(2 * layer)), snapshot(first.get(2 * layer + 1)));
        }
        if (kind == OptimizerSettings.Adam.class) {
            return new OptimizerState.AdamMoments(
                    snapshot(first.get(2 * layer)), snapshot(second.get(2 * layer)),
                    snapshot(first.get(2 * layer + 1)), snapshot(second.get(2 * layer + 1)),
                    steps[2 * layer], steps[2 * layer + 1]);
        }
        if (kind == OptimizerSettings.RmsProp.class) {
            return new OptimizerState.SquaredGradientMean(snapshot(second.get(2 * layer)), snapshot(second.get(2 * layer + 1)));
        }
        return new OptimizerState.Stateless();
    }

    static Matrix snapshot(DMatrixRMaj m) {
        return Matrix.copyOf(m.numRows, m.numCols, m.data);
    }
}
