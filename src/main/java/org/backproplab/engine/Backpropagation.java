package org.backproplab.engine;

import static org.backproplab.engine.Optimizer.snapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.backproplab.trace.LayerTrace;
import org.backproplab.trace.Matrix;
import org.backproplab.trace.OptimizerConstants;
import org.backproplab.trace.OptimizerState;
import org.backproplab.trace.StepTrace;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * One training step: forward, loss, output δ, hidden δ = (Wᵀδ) ⊙ f′(z), gradients ∂L/∂W = δ·aᵀ,
 * and the optimizer's update. All buffers are reused, so untraced steps allocate nothing once the
 * shapes have settled; a traced step additionally copies every intermediate into a {@link StepTrace}.
 */
public final class Backpropagation {

    private final ForwardPass forward = new ForwardPass();
    private final List<LayerBuffers> buffers = new ArrayList<>();
    private final Optimizer optimizer = new Optimizer();

    /** Per-layer scratch for the backward pass and the update. */
    private static final class LayerBuffers {
        final DMatrixRMaj delta = new DMatrixRMaj(1, 1);
        final DMatrixRMaj weightGradient = new DMatrixRMaj(1, 1);
        final DMatrixRMaj penaltyGradient = new DMatrixRMaj(1, 1);
        final DMatrixRMaj biasGradient = new DMatrixRMaj(1, 1);
        /** Gradient the optimizer sees: (data + penalty) × clip scale. */
        final DMatrixRMaj effectiveWeightGradient = new DMatrixRMaj(1, 1);
        final DMatrixRMaj effectiveBiasGradient = new DMatrixRMaj(1, 1);
        final DMatrixRMaj weightStep = new DMatrixRMaj(1, 1);
        final DMatrixRMaj biasStep = new DMatrixRMaj(1, 1);
        /** The layer's input a_prev transposed, one row per sample: scratch for the weight gradient. */
        final DMatrixRMaj inputsBySample = new DMatrixRMaj(1, 1);

        void fit(Layer layer, int batch) {
            int n = layer.size();
            int m = layer.inputSize();
            delta.reshape(n, batch, false);
            weightGradient.reshape(n, m, false);
            penaltyGradient.reshape(n, m, false);
            effectiveWeightGradient.reshape(n, m, false);
            weightStep.reshape(n, m, false);
            biasGradient.reshape(n, 1, false);
            effectiveBiasGradient.reshape(n, 1, false);
            biasStep.reshape(n, 1, false);
            inputsBySample.reshape(batch, m, false);
        }
    }

    /** Forgets optimizer memory (momentum, Adam moments). */
    public void resetOptimizer() {
        optimizer.reset();
    }

    /**
     * ∂L/∂W of one layer as the last step applied it (penalty added, clipping applied), copied;
     * empty before the first step. Lets a view show where the gradient pushes each weight.
     */
    public Optional<Matrix> lastWeightGradient(int layer) {
        return layer < buffers.size() ? Optional.of(snapshot(buffers.get(layer).effectiveWeightGradient)) : Optional.empty();
    }

    /** Δw, what the last step added to one layer's weights, copied; empty before the first step. */
    public Optional<Matrix> lastWeightStep(int layer) {
        return layer < buffers.size() ? Optional.of(snapshot(buffers.get(layer).weightStep)) : Optional.empty();
    }

    /** Trains on one batch (one column per sample) and returns its mean data loss. */
    public double step(Network network, DMatrixRMaj inputs, DMatrixRMaj targets, Hyperparameters hyper) {
        return train(network, inputs, targets, hyper, null);
    }

    /** Trains on one batch and records everything it computed. */
    public StepTrace tracedStep(Network network, DMatrixRMaj inputs, DMatrixRMaj targets, Hyperparameters hyper) {
        Recorder recorder = new Recorder(network);
        double loss = train(network, inputs, targets, hyper, recorder);
        return recorder.finish(network, inputs, targets, hyper, loss);
    }

    /** Mean data loss of a batch, without training. */
    public double loss(Network network, DMatrixRMaj inputs, DMatrixRMaj targets, Loss loss) {
        int last = network.layerCount() - 1;
        forward.run(network, inputs);
        return loss.meanLoss(forward.z(last), forward.a(last), targets);
    }

    /** Mean data loss and accuracy of a batch, without training, from one forward pass. */
    Metrics metrics(Network network, DMatrixRMaj inputs, DMatrixRMaj targets, Loss loss, Task task) {
        int last = network.layerCount() - 1;
        DMatrixRMaj outputs = forward.run(network, inputs);
        return new Metrics(loss.meanLoss(forward.z(last), outputs, targets), task.accuracy(outputs, targets));
    }

    /**
     * ∂J/∂W and ∂J/∂b of the whole objective J = loss + penalty, for every layer, without changing
     * the network: what a gradient check compares with finite differences.
     */
    public List<LayerGradient> gradients(Network network, DMatrixRMaj inputs, DMatrixRMaj targets, Hyperparameters hyper) {
        return gradients(network, inputs, targets, hyper, BackpropFault.NONE);
    }

    /**
     * The gradients as a student who makes {@code fault} would compute them: for a gradient check
     * that should fail, in class. Training never uses this.
     */
    public List<LayerGradient> gradients(Network network, DMatrixRMaj inputs, DMatrixRMaj targets, Hyperparameters hyper,
            BackpropFault fault) {
        computeGradients(network, inputs, targets, hyper, fault);
        List<LayerGradient> gradients = new ArrayList<>();
        for (LayerBuffers buf : buffers) {
            gradients.add(new LayerGradient(snapshot(buf.effectiveWeightGradient), snapshot(buf.effectiveBiasGradient)));
        }
        return gradients;
    }

    /**
     * ‖∂L/∂W‖ and mean |δ| of every layer on a batch, without changing the network: how large the
     * gradients of the data loss are as they flow back. Overwrites this object's gradient buffers,
     * so it is for an instance that does not also train (see {@link GradientProbe}).
     */
    GradientSizes gradientSizes(Network network, DMatrixRMaj inputs, DMatrixRMaj targets, Hyperparameters hyper) {
        computeGradients(network, inputs, targets, hyper, BackpropFault.NONE);
        List<Double> norms = new ArrayList<>();
        List<Double> deltas = new ArrayList<>();
        for (LayerBuffers buf : buffers) {
            norms.add(Math.sqrt(squaredSum(buf.weightGradient)));
            deltas.add(CommonOps_DDRM.elementSumAbs(buf.delta) / buf.delta.getNumElements());
        }
        return new GradientSizes(norms, deltas);
    }

    /** The step itself; {@code recorder} is null for an untraced step. */
    private double train(Network network, DMatrixRMaj inputs, DMatrixRMaj targets, Hyperparameters hyper, Recorder recorder) {
        if (recorder != null) {
            recorder.penalty = hyper.regularization().penalty(network);
        }
        double dataLoss = computeGradients(network, inputs, targets, hyper, BackpropFault.NONE);
        double scale = clipScale(hyper);
        if (recorder != null) {
            recorder.gradientScale = scale;
        }

        optimizer.beginStep(network, hyper.optimizer());
        if (recorder != null) {
            recorder.recordOptimizerMemory(network);
        }
        for (int l = 0; l < network.layerCount(); l++) {
            LayerBuffers buf = buffers.get(l);
            Layer layer = network.layer(l);
            if (scale != 1) {
                CommonOps_DDRM.scale(scale, buf.effectiveWeightGradient);
                CommonOps_DDRM.scale(scale, buf.effectiveBiasGradient);
            }
            optimizer.computeStep(hyper.optimizer(), 2 * l, buf.effectiveWeightGradient, buf.weightStep);
            CommonOps_DDRM.addEquals(layer.weights(), buf.weightStep);
            if (hyper.trainBiases()) {
                optimizer.computeStep(hyper.optimizer(), 2 * l + 1, buf.effectiveBiasGradient, buf.biasStep);
                CommonOps_DDRM.addEquals(layer.biases(), buf.biasStep);
            } else {
                buf.biasStep.zero();
            }
        }
        return dataLoss;
    }

    /**
     * Forward, loss, δ and gradients into the buffers; returns the mean data loss. Changes no weight.
     * {@code fault} is {@link BackpropFault#NONE} except in a gradient check that demonstrates a mistake.
     */
    private double computeGradients(Network network, DMatrixRMaj inputs, DMatrixRMaj targets, Hyperparameters hyper,
            BackpropFault fault) {
        checkShapes(network, inputs, targets, hyper.loss());
        int batch = inputs.numCols;
        int layerCount = network.layerCount();
        fitBuffers(network, batch);

        // Forward, then the loss on the output layer.
        forward.run(network, inputs);
        int last = layerCount - 1;
        Loss loss = hyper.loss();
        double dataLoss = loss.meanLoss(forward.z(last), forward.a(last), targets);

        // Backward: output δ, then δ of each hidden layer from the layer above it.
        loss.outputDelta(network.outputLayer().activation(), forward.z(last), forward.a(last), targets, buffers.get(last).delta);
        if (fault == BackpropFault.FLIPPED_ERROR_SIGN) {
            CommonOps_DDRM.changeSign(buffers.get(last).delta);
        }
        for (int l = last; l > 0; l--) {
            DMatrixRMaj below = buffers.get(l - 1).delta;
            LayerProducts.backpropagatedErrors(network.layer(l).weights(), buffers.get(l).delta, below);
            if (fault != BackpropFault.FORGOTTEN_DERIVATIVE) {
                network.layer(l - 1).activation().backpropagate(forward.z(l - 1), forward.a(l - 1), below, below);
            }
        }

        // Gradients: ∂L/∂W = mean over the batch of δ·a_prevᵀ, ∂L/∂b = mean of δ, plus the penalty.
        for (int l = 0; l < layerCount; l++) {
            LayerBuffers buf = buffers.get(l);
            DMatrixRMaj previous = l == 0 ? inputs : forward.a(l - 1);
            LayerProducts.meanOuterProduct(buf.delta, previous, buf.inputsBySample, buf.weightGradient);
            if (fault == BackpropFault.MISSING_BIAS_GRADIENT) {
                buf.biasGradient.zero();
            } else {
                meanOfRows(buf.delta, buf.biasGradient);
            }
            if (hyper.regularization().isActive()) {
                hyper.regularization().gradient(network.layer(l).weights(), buf.penaltyGradient);
                CommonOps_DDRM.add(buf.weightGradient, buf.penaltyGradient, buf.effectiveWeightGradient);
            } else {
                buf.penaltyGradient.zero();
                buf.effectiveWeightGradient.setTo(buf.weightGradient);
            }
            buf.effectiveBiasGradient.setTo(buf.biasGradient);
        }
        return dataLoss;
    }

    /** The factor clipping multiplies every gradient by: 1 unless their joint norm exceeds the limit. */
    private double clipScale(Hyperparameters hyper) {
        double clipNorm = hyper.gradientClipNorm();
        if (clipNorm <= 0) {
            return 1.0;
        }
        double squaredNorm = 0;
        for (LayerBuffers buf : buffers) {
            squaredNorm += squaredSum(buf.effectiveWeightGradient);
            if (hyper.trainBiases()) {
                squaredNorm += squaredSum(buf.effectiveBiasGradient);
            }
        }
        double norm = Math.sqrt(squaredNorm);
        return norm > clipNorm ? clipNorm / norm : 1.0;
    }

    /** Captures the weights and the optimizer's memory before a traced step, and everything else after it. */
    private final class Recorder {
        private final List<Matrix> weightsBefore = new ArrayList<>();
        private final List<Matrix> biasesBefore = new ArrayList<>();
        private final List<OptimizerState> optimizerBefore = new ArrayList<>();
        private double penalty;
        private double gradientScale;

        Recorder(Network network) {
            for (int l = 0; l < network.layerCount(); l++) {
                weightsBefore.add(network.layer(l).weightMatrix());
                biasesBefore.add(network.layer(l).biasVector());
            }
        }

        /**
         * The memory the update is about to use. Taken after {@link Optimizer#beginStep}, not when the
         * recorder starts, because that call may have just started the memory afresh (another kind of
         * optimizer, a reshaped layer): the formulas must show the memory the step really used.
         */
        void recordOptimizerMemory(Network network) {
            for (int l = 0; l < network.layerCount(); l++) {
                optimizerBefore.add(optimizer.stateOf(l));
            }
        }

        StepTrace finish(Network network, DMatrixRMaj inputs, DMatrixRMaj targets, Hyperparameters hyper, double loss) {
            List<LayerTrace> layers = new ArrayList<>();
            for (int l = 0; l < network.layerCount(); l++) {
                LayerBuffers buf = buffers.get(l);
                Layer layer = network.layer(l);
                layers.add(new LayerTrace(layer.activation().id(), weightsBefore.get(l), biasesBefore.get(l),
                        snapshot(forward.z(l)), snapshot(forward.a(l)), snapshot(buf.delta),
                        snapshot(buf.weightGradient), snapshot(buf.penaltyGradient), snapshot(buf.biasGradient),
                        snapshot(buf.weightStep), snapshot(buf.biasStep),
                        layer.weightMatrix(), layer.biasVector(), optimizerBefore.get(l), optimizer.stateOf(l)));
            }
            return new StepTrace(snapshot(inputs), snapshot(targets), layers, loss, penalty, hyper.loss().id(),
                    hyper.optimizer().id(), hyper.optimizer().learningRate(), constantsOf(hyper.optimizer()),
                    gradientScale, hyper.trainBiases());
        }

        private static OptimizerConstants constantsOf(OptimizerSettings settings) {
            return switch (settings) {
                case OptimizerSettings.Sgd sgd -> new OptimizerConstants.Sgd();
                case OptimizerSettings.Momentum momentum -> new OptimizerConstants.Momentum(momentum.momentum());
                case OptimizerSettings.Adam adam -> new OptimizerConstants.Adam(adam.beta1(), adam.beta2(), adam.epsilon());
            };
        }
    }

    private void fitBuffers(Network network, int batch) {
        while (buffers.size() > network.layerCount()) {
            buffers.removeLast();
        }
        while (buffers.size() < network.layerCount()) {
            buffers.add(new LayerBuffers());
        }
        for (int l = 0; l < network.layerCount(); l++) {
            buffers.get(l).fit(network.layer(l), batch);
        }
    }

    private static void checkShapes(Network network, DMatrixRMaj inputs, DMatrixRMaj targets, Loss loss) {
        if (inputs.numRows != network.inputSize()) {
            throw new IllegalArgumentException("the network takes " + network.inputSize() + " inputs, the batch has " + inputs.numRows);
        }
        if (targets.numRows != network.outputSize() || targets.numCols != inputs.numCols) {
            throw new IllegalArgumentException("targets are " + targets.numRows + "x" + targets.numCols
                    + ", expected " + network.outputSize() + "x" + inputs.numCols);
        }
        NetworkRules.loss(loss, network.outputLayer().activation()).ifPresent(refusal -> {
            throw new IllegalArgumentException(refusal.english());
        });
    }

    private static void meanOfRows(DMatrixRMaj m, DMatrixRMaj out) {
        int cols = m.numCols;
        for (int r = 0; r < m.numRows; r++) {
            double sum = 0;
            for (int i = r * cols, end = i + cols; i < end; i++) {
                sum += m.data[i];
            }
            out.data[r] = sum / cols;
        }
    }

    private static double squaredSum(DMatrixRMaj m) {
        double sum = 0;
        for (int i = 0, n = m.getNumElements(); i < n; i++) {
            sum += m.data[i] * m.data[i];
        }
        return sum;
    }
}
