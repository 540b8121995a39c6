package org.backproplab.engine;

import static org.backproplab.engine.Optimizer.snapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.backproplab.trace.BatchNormTrace;
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
    private final Dropout dropout;

    /**
     * Backpropagation whose dropout masks come from a source seeded with 0: for tests and one-off
     * computations. A learner passes the lesson's random source instead.
     */
    public Backpropagation() {
        this(new SplittableRandom(0));
    }

    /** @param masks where training draws its dropout masks from */
    public Backpropagation(RandomGenerator masks) {
        this.dropout = new Dropout(masks);
    }

    /** Per-layer scratch for the backward pass and the update. */
    private static final class LayerBuffers {
        final DMatrixRMaj delta = new DMatrixRMaj(1, 1);
        final DMatrixRMaj weightGradient = new DMatrixRMaj(1, 1);
        final DMatrixRMaj penaltyGradient = new DMatrixRMaj(1, 1);
        final DMatrixRMaj biasGradient = new DMatrixRMaj(1, 1);
        /** (data + penalty) × clip scale, when a penalty or clipping makes it differ from the data's gradient. */
        final DMatrixRMaj effectiveWeightGradient = new DMatrixRMaj(1, 1);
        final DMatrixRMaj effectiveBiasGradient = new DMatrixRMaj(1, 1);
        /** Whether this step's effective weight gradient has a penalty in it. */
        boolean penalised;
        /** Whether clipping scaled this step's effective gradients. */
        boolean clipped;
        final DMatrixRMaj weightStep = new DMatrixRMaj(1, 1);
        final DMatrixRMaj biasStep = new DMatrixRMaj(1, 1);
        /** The layer's input a_prev transposed, one row per sample: scratch for the weight gradient. */
        final DMatrixRMaj inputsBySample = new DMatrixRMaj(1, 1);

        void fit(Layer layer, int batch) {
            int n = layer.size();
            int m = layer.inputSize();
            // Every step asks, and the shapes almost never change: nine reshapes a layer were a
            // measurable part of a small network's step. They are only ever reshaped together, here.
            if (delta.numRows == n && delta.numCols == batch && weightGradient.numCols == m) {
                return;
            }
            delta.reshape(n, batch, false);
            weightGradient.reshape(n, m, false);
            penaltyGradient.reshape(n, m, false);
            effectiveWeightGradient.reshape(n, m, false);
            weightStep.reshape(n, m, false);
            // A reshape keeps old numbers; without a penalty this step the trace must show zeros.
            penaltyGradient.zero();
            biasGradient.reshape(n, 1, false);
            effectiveBiasGradient.reshape(n, 1, false);
            biasStep.reshape(n, 1, false);
            inputsBySample.reshape(batch, m, false);
        }

        /**
         * ∂L/∂W as the optimizer takes it: the data's own gradient unless a penalty or clipping
         * changed it. Without either (the usual case) nothing is copied: three copies a layer were a
         * measurable part of a step.
         */
        DMatrixRMaj appliedWeightGradient() {
            return penalised || clipped ? effectiveWeightGradient : weightGradient;
        }

        /** ∂L/∂b as the optimizer takes it: biases take no penalty, so only clipping changes it. */
        DMatrixRMaj appliedBiasGradient() {
            return clipped ? effectiveBiasGradient : biasGradient;
        }

        /** Multiplies the applied gradients by clipping's factor, into the effective ones. */
        void clip(double scale) {
            CommonOps_DDRM.scale(scale, appliedWeightGradient(), effectiveWeightGradient);
            CommonOps_DDRM.scale(scale, appliedBiasGradient(), effectiveBiasGradient);
            clipped = true;
        }
    }

    /** Forgets optimizer memory (momentum, Adam moments, RMSprop's mean of g²). */
    public void resetOptimizer() {
        optimizer.reset();
    }

    /**
     * ∂L/∂W of one layer as the last step applied it (penalty added, clipping applied), copied;
     * empty before the first step. Lets a view show where the gradient pushes each weight.
     */
    public Optional<Matrix> lastWeightGradient(int layer) {
        return layer < buffers.size() ? Optional.of(snapshot(buffers.get(layer).appliedWeightGradient())) : Optional.empty();
    }

    /** Δw, what the last step added to one layer's weights, copied; empty before the first step. */
    public Optional<Matrix> lastWeightStep(int layer) {
        return layer < buffers.size() ? Optional.of(snapshot(buffers.get(layer).weightStep)) : Optional.empty();
    }

    /** Trains on one batch (one column per sample) in the first epoch and returns its mean data loss. */
    public double step(Network network, DMatrixRMaj inputs, DMatrixRMaj targets, Hyperparameters hyper) {
        return step(network, inputs, targets, hyper, 0);
    }

    /**
     * Trains on one batch with the η the schedule gives {@code epoch} (counted from 0) and returns its
     * mean data loss.
     */
    public double step(Network network, DMatrixRMaj inputs, DMatrixRMaj targets, Hyperparameters hyper, long epoch) {
        return train(network, inputs, targets, hyper, epoch, null);
    }

    /** Trains on one batch in the first epoch and records everything it computed. */
    public StepTrace tracedStep(Network network, DMatrixRMaj inputs, DMatrixRMaj targets, Hyperparameters hyper) {
        return tracedStep(network, inputs, targets, hyper, 0);
    }

    /** Trains on one batch in {@code epoch} and records everything it computed, the scheduled η with it. */
    public StepTrace tracedStep(Network network, DMatrixRMaj inputs, DMatrixRMaj targets, Hyperparameters hyper, long epoch) {
        Recorder recorder = new Recorder(network);
        double loss = train(network, inputs, targets, hyper, epoch, recorder);
        return recorder.finish(network, inputs, targets, hyper, epoch, loss);
    }

    /**
     * Mean data loss of a batch through the dropout masks {@code masked}'s last pass drew, without
     * training: the objective a gradient check differentiates when the network drops outputs.
     */
    double lossWithMasksOf(Backpropagation masked, Network network, DMatrixRMaj inputs, DMatrixRMaj targets, Loss loss) {
        dropout.replay(masked.dropout);
        int last = network.layerCount() - 1;
        forward.runTraining(network, inputs, dropout);
        return loss.meanLoss(forward.z(last), forward.a(last), targets);
    }

    /**
     * Mean data loss of a batch as a training step computes it (batch normalisation over this very
     * batch), without training: what a gradient check differentiates.
     */
    public double loss(Network network, DMatrixRMaj inputs, DMatrixRMaj targets, Loss loss) {
        int last = network.layerCount() - 1;
        forward.runTraining(network, inputs, Dropout.NONE);
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
        dropout.setMode(Dropout.Mode.DRAW);
        computeGradients(network, inputs, targets, hyper, fault);
        List<LayerGradient> gradients = new ArrayList<>();
        for (int l = 0; l < buffers.size(); l++) {
            LayerBuffers buf = buffers.get(l);
            int at = l;
            gradients.add(new LayerGradient(snapshot(buf.appliedWeightGradient()), snapshot(buf.appliedBiasGradient()),
                    network.layer(l).batchNorm().map(unused -> normalisationGradient(forward.normalisation(network, at)))));
        }
        return gradients;
    }

    private static LayerGradient.Normalisation normalisationGradient(BatchNorm.Pass pass) {
        return new LayerGradient.Normalisation(snapshot(pass.gammaGradient), snapshot(pass.betaGradient));
    }

    /**
     * ‖∂L/∂W‖ and mean |δ| of every layer on a batch, without changing the network: how large the
     * gradients of the data loss are as they flow back. Overwrites this object's gradient buffers,
     * so it is for an instance that does not also train (see {@link GradientProbe}).
     */
    GradientSizes gradientSizes(Network network, DMatrixRMaj inputs, DMatrixRMaj targets, Hyperparameters hyper) {
        // A measurement, like evaluation: every neuron takes part.
        dropout.setMode(Dropout.Mode.OFF);
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
    private double train(Network network, DMatrixRMaj inputs, DMatrixRMaj targets, Hyperparameters hyper, long epoch,
            Recorder recorder) {
        if (recorder != null) {
            recorder.penalty = hyper.regularization().penalty(network);
        }
        dropout.setMode(Dropout.Mode.DRAW);
        double dataLoss = computeGradients(network, inputs, targets, hyper, BackpropFault.NONE);
        double scale = clipScale(network, hyper);
        if (recorder != null) {
            recorder.gradientScale = scale;
        }

        OptimizerSettings settings = hyper.optimizerAt(epoch);
        optimizer.beginStep(network, settings);
        if (recorder != null) {
            recorder.recordOptimizerMemory(network);
        }
        for (int l = 0; l < network.layerCount(); l++) {
            LayerBuffers buf = buffers.get(l);
            Layer layer = network.layer(l);
            if (scale != 1) {
                buf.clip(scale);
            }
            optimizer.takeStep(settings, 2 * l, buf.appliedWeightGradient(), buf.weightStep, layer.weights());
            if (hyper.trainBiases()) {
                optimizer.takeStep(settings, 2 * l + 1, buf.appliedBiasGradient(), buf.biasStep, layer.biases());
            } else {
                buf.biasStep.zero();
            }
            updateNormalisation(network, l, settings, scale);
        }
        return dataLoss;
    }

    /**
     * Batch normalisation's part of the update: γ and β take the optimizer's steps in their own
     * slots (never a penalty: they only scale and shift), and the running averages take in this
     * batch's μ and σ².
     */
    private void updateNormalisation(Network network, int l, OptimizerSettings settings, double scale) {
        if (network.layer(l).batchNorm().isEmpty()) {
            return;
        }
        BatchNorm batchNorm = network.layer(l).batchNorm().get();
        BatchNorm.Pass pass = forward.normalisation(network, l);
        CommonOps_DDRM.scale(scale, pass.gammaGradient, pass.effectiveGammaGradient);
        CommonOps_DDRM.scale(scale, pass.betaGradient, pass.effectiveBetaGradient);
        optimizer.takeStep(settings, Optimizer.gammaSlot(network, l), pass.effectiveGammaGradient, pass.gammaStep,
                batchNorm.gammas());
        optimizer.takeStep(settings, Optimizer.betaSlot(network, l), pass.effectiveBetaGradient, pass.betaStep,
                batchNorm.betas());
        batchNorm.updateRunningAverages(pass);
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
        forward.runTraining(network, inputs, dropout);
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
            dropout.maskDelta(l - 1, network.layer(l - 1), below);
            if (fault != BackpropFault.FORGOTTEN_DERIVATIVE) {
                network.layer(l - 1).activation().backpropagate(forward.activationInput(network, l - 1),
                        dropout.activation(l - 1, forward.a(l - 1)),
                        below, below);
            }
            backwardThroughNormalisation(network, l - 1, below);
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
            if (network.layer(l).batchNorm().isPresent()) {
                // Shifting every z of a neuron alike changes nothing after normalising: ∂L/∂b is exactly 0, not
                // the rounding noise of a mean of δ, which Adam would blow up into steps of full size.
                buf.biasGradient.zero();
            }
            buf.clipped = false;
            if (hyper.regularization().isActive()) {
                hyper.regularization().gradient(network.layer(l).weights(), buf.penaltyGradient);
                CommonOps_DDRM.add(buf.weightGradient, buf.penaltyGradient, buf.effectiveWeightGradient);
                buf.penalised = true;
            } else if (buf.penalised) {
                buf.penaltyGradient.zero();
                buf.penalised = false;
            }
        }
        return dataLoss;
    }

    /** Turns δ_y = n·∂L/∂y into δ = n·∂L/∂z, in place, when layer {@code l} normalises its batch. */
    private void backwardThroughNormalisation(Network network, int l, DMatrixRMaj delta) {
        if (network.layer(l).batchNorm().isPresent()) {
            BatchNorm.Pass pass = forward.normalisation(network, l);
            pass.outputDelta.setTo(delta);
            network.layer(l).batchNorm().get().backward(pass, delta);
        }
    }

    /** The factor clipping multiplies every gradient by: 1 unless their joint norm exceeds the limit. */
    private double clipScale(Network network, Hyperparameters hyper) {
        double clipNorm = hyper.gradientClipNorm();
        if (clipNorm <= 0) {
            return 1.0;
        }
        double squaredNorm = 0;
        for (LayerBuffers buf : buffers) {
            squaredNorm += squaredSum(buf.appliedWeightGradient());
            if (hyper.trainBiases()) {
                squaredNorm += squaredSum(buf.appliedBiasGradient());
            }
        }
        squaredNorm += normalisationSquaredNorm(network);
        double norm = Math.sqrt(squaredNorm);
        return norm > clipNorm ? clipNorm / norm : 1.0;
    }

    /** The squared norm of every ∂L/∂γ and ∂L/∂β: clipping counts them like the biases. */
    private double normalisationSquaredNorm(Network network) {
        double squaredNorm = 0;
        for (int l = 0; l < network.layerCount(); l++) {
            if (network.layer(l).batchNorm().isPresent()) {
                BatchNorm.Pass pass = forward.normalisation(network, l);
                squaredNorm += squaredSum(pass.gammaGradient) + squaredSum(pass.betaGradient);
            }
        }
        return squaredNorm;
    }

    /** Captures the weights and the optimizer's memory before a traced step, and everything else after it. */
    private final class Recorder {
        private final List<Matrix> weightsBefore = new ArrayList<>();
        private final List<Matrix> biasesBefore = new ArrayList<>();
        private final List<OptimizerState> optimizerBefore = new ArrayList<>();
        /** γ and β of the layers that normalise their batch, before the update. */
        private final List<Optional<BatchNorm>> normalisationBefore = new ArrayList<>();
        private double penalty;
        private double gradientScale;

        Recorder(Network network) {
            for (int l = 0; l < network.layerCount(); l++) {
                weightsBefore.add(network.layer(l).weightMatrix());
                biasesBefore.add(network.layer(l).biasVector());
                normalisationBefore.add(network.layer(l).batchNorm().map(BatchNorm::copy));
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

        StepTrace finish(Network network, DMatrixRMaj inputs, DMatrixRMaj targets, Hyperparameters hyper, long epoch,
                double loss) {
            List<LayerTrace> layers = new ArrayList<>();
            for (int l = 0; l < network.layerCount(); l++) {
                LayerBuffers buf = buffers.get(l);
                Layer layer = network.layer(l);
                layers.add(new LayerTrace(layer.activation().id(), weightsBefore.get(l), biasesBefore.get(l),
                        snapshot(forward.z(l)), snapshot(forward.a(l)), snapshot(buf.delta),
                        snapshot(buf.weightGradient), snapshot(buf.penaltyGradient), snapshot(buf.biasGradient),
                        snapshot(buf.weightStep), snapshot(buf.biasStep),
                        layer.weightMatrix(), layer.biasVector(), optimizerBefore.get(l), optimizer.stateOf(l),
                        dropout.trace(l, layer), normalisationTrace(network, l)));
            }
            double initialRate = hyper.optimizer().learningRate();
            return new StepTrace(snapshot(inputs), snapshot(targets), layers, loss, penalty, hyper.loss().id(),
                    hyper.optimizer().id(), hyper.optimizerAt(epoch).learningRate(), constantsOf(hyper.optimizer()),
                    gradientScale, hyper.trainBiases(), hyper.schedule().traced(initialRate, epoch));
        }

        private Optional<BatchNormTrace> normalisationTrace(Network network, int l) {
            return network.layer(l).batchNorm().map(after -> {
                BatchNorm before = normalisationBefore.get(l).orElseThrow();
                BatchNorm.Pass pass = forward.normalisation(network, l);
                return new BatchNormTrace(BatchNorm.EPSILON, snapshot(pass.mean), snapshot(pass.variance),
                        snapshot(pass.normalized), snapshot(pass.output), snapshot(pass.outputDelta),
                        before.gammaVector(), before.betaVector(), snapshot(pass.gammaGradient), snapshot(pass.betaGradient),
                        after.gammaVector(), after.betaVector(), after.runningMeanVector(), after.runningVarianceVector());
            });
        }

        private static OptimizerConstants constantsOf(OptimizerSettings settings) {
            return switch (settings) {
                case OptimizerSettings.Sgd sgd -> new OptimizerConstants.Sgd();
                case OptimizerSettings.Momentum momentum -> new OptimizerConstants.Momentum(momentum.momentum());
                case OptimizerSettings.Adam adam -> new OptimizerConstants.Adam(adam.beta1(), adam.beta2(), adam.epsilon());
                case OptimizerSettings.RmsProp rmsProp -> new OptimizerConstants.RmsProp(rmsProp.rho(), rmsProp.epsilon());
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
