package org.backproplab.engine;

import java.util.Arrays;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.backproplab.trace.Matrix;
import org.backproplab.trace.StepTrace;
import org.ejml.data.DMatrixRMaj;

/**
 * Trains a network on a data set in shuffled mini-batches, an epoch at a time or a step at a time.
 * Owns its network: whoever holds a Learner is the only one who may touch it.
 */
public final class Learner {

    private final Network network;
    private final TrainingData data;
    private final RandomGenerator rng;
    private final Backpropagation backpropagation;
    private final DMatrixRMaj batchInputs = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj batchTargets = new DMatrixRMaj(1, 1);
    /** The last batch's points as augmentation shifted them; 0 columns when it shifted none. */
    private final DMatrixRMaj shiftedPoints = new DMatrixRMaj(2, 0);
    /** Made on first use: most learners (the CLI's, the benchmark's) never measure gradient sizes. */
    private GradientProbe gradientProbe;
    private Hyperparameters hyperparameters;
    private int batchSize;
    /** False keeps the training samples in their given order every epoch (a replayed run). */
    private final boolean shuffled;
    private int[] order;
    private int cursor;
    private long epoch;
    private long steps;

    /**
     * @param rng the lesson's one random source; mini-batch order, dropout masks and augmentation's
     *            shifts are drawn from it, so the same seed gives the same run
     */
    public Learner(Network network, TrainingData data, Hyperparameters hyperparameters, int batchSize, RandomGenerator rng) {
        this(network, data, hyperparameters, batchSize, rng, 0);
    }

    /**
     * A learner that carries on counting from {@code epoch}, for when the network or the data is
     * swapped mid-lesson and the class should see one continuous run.
     */
    public Learner(Network network, TrainingData data, Hyperparameters hyperparameters, int batchSize, RandomGenerator rng,
            long epoch) {
        this(network, data, hyperparameters, batchSize, rng, epoch, true);
    }

    /**
     * @param shuffled false trains on the samples in the order {@code data} holds them, every epoch,
     *                 drawing nothing from {@code rng}: how a recorded run (TensorFlow Playground's,
     *                 which never reshuffles) is replayed
     */
    public Learner(Network network, TrainingData data, Hyperparameters hyperparameters, int batchSize, RandomGenerator rng,
            long epoch, boolean shuffled) {
        if (data.trainInputs().numRows != network.inputSize()) {
            throw new IllegalArgumentException("the data has " + data.trainInputs().numRows
                    + " inputs per sample, the network takes " + network.inputSize());
        }
        this.network = network;
        this.data = data;
        this.rng = rng;
        this.backpropagation = new Backpropagation(rng);
        this.hyperparameters = hyperparameters;
        this.epoch = epoch;
        this.shuffled = shuffled;
        setBatchSize(batchSize);
        order = new int[data.trainSize()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        shuffle();
    }

    public Network network() {
        return network;
    }

    public TrainingData data() {
        return data;
    }

    public Hyperparameters hyperparameters() {
        return hyperparameters;
    }

    public void setHyperparameters(Hyperparameters hyperparameters) {
        this.hyperparameters = hyperparameters;
    }

    public int batchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        NetworkRules.batchSize(batchSize, network.shape()).ifPresent(refusal -> {
            throw new IllegalArgumentException(refusal.english());
        });
        this.batchSize = batchSize;
    }

    /** Completed epochs. */
    public long epoch() {
        return epoch;
    }

    /** The η the next step trains with: the optimizer's η as the schedule gives it for the current epoch. */
    public double learningRate() {
        return hyperparameters.optimizerAt(epoch).learningRate();
    }

    /** Completed training steps (mini-batches or single samples). */
    public long steps() {
        return steps;
    }

    /** Trains on every remaining mini-batch of the current epoch. */
    public void runEpoch() {
        long target = epoch + 1;
        while (epoch < target && data.trainSize() > 0) {
            stepBatch();
        }
    }

    /** Trains on the next mini-batch and returns its loss. */
    public double stepBatch() {
        int count = nextBatch();
        double loss = backpropagation.step(network, batchInputs, batchTargets, hyperparameters, epoch);
        advance(count);
        return loss;
    }

    /** Trains on the next mini-batch and records everything it computed. */
    public StepTrace tracedBatch() {
        int count = nextBatch();
        StepTrace trace = backpropagation.tracedStep(network, batchInputs, batchTargets, hyperparameters, epoch);
        advance(count);
        return trace;
    }

    /**
     * Trains on one chosen training sample, outside the epoch's order, and records the step. A network
     * that normalises its batches cannot learn from one sample alone (it has no spread), so there
     * the step takes {@link #batchContaining the mini-batch that holds the sample}.
     */
    public StepTrace tracedSample(int sample) {
        int[] samples = gatherSampleOrItsBatch(sample);
        augment(samples, 0, samples.length);
        steps++;
        return backpropagation.tracedStep(network, batchInputs, batchTargets, hyperparameters, epoch);
    }

    /**
     * Compares backpropagation's gradients for one training sample (as {@code fault} would compute
     * them) with central differences. Trains nothing and changes no weight.
     */
    public GradientCheck.Result checkGradients(int sample, BackpropFault fault) {
        gatherSampleOrItsBatch(sample);
        return GradientCheck.run(network, batchInputs, batchTargets, hyperparameters, fault);
    }

    public Metrics trainMetrics() {
        return evaluate(data.trainInputs(), data.trainTargets());
    }

    public Metrics testMetrics() {
        return evaluate(data.testInputs(), data.testTargets());
    }

    private Metrics evaluate(DMatrixRMaj inputs, DMatrixRMaj targets) {
        if (inputs.numCols == 0) {
            return Metrics.EMPTY;
        }
        return backpropagation.metrics(network, inputs, targets, hyperparameters.loss(), data.task());
    }

    /**
     * How large each layer's gradients are now, on a fixed sample of the training points (see
     * {@link GradientProbe}); empty when there are no training points. Costs a forward and a
     * backward pass over the sample, and does not train.
     */
    public Optional<GradientSizes> gradientSizes() {
        if (data.trainSize() == 0) {
            return Optional.empty();
        }
        if (gradientProbe == null) {
            gradientProbe = new GradientProbe(data);
        }
        return Optional.of(gradientProbe.measure(network, hyperparameters));
    }

    /** ∂L/∂W of one layer in the last training step; empty before this learner's first step. */
    public Optional<Matrix> lastWeightGradient(int layer) {
        return backpropagation.lastWeightGradient(layer);
    }

    /** Δw of one layer in the last training step; empty before this learner's first step. */
    public Optional<Matrix> lastWeightStep(int layer) {
        return backpropagation.lastWeightStep(layer);
    }

    /** Forgets momentum, Adam and RMSprop memory. */
    public void resetOptimizer() {
        backpropagation.resetOptimizer();
    }

    /**
     * The sample alone, or with batch normalisation its mini-batch with the sample moved to the front:
     * normalising does not depend on the order, and a trace's first column is the one shown first.
     */
    /** Gathers what a one-sample step trains on (see {@link #tracedSample}) and returns its samples, in batch order. */
    private int[] gatherSampleOrItsBatch(int sample) {
        int[] samples = network.normalisesBatches() ? batchContaining(sample) : new int[] {sample};
        for (int i = samples.length - 1; i > 0 && samples[0] != sample; i--) {
            if (samples[i] == sample) {
                samples[i] = samples[0];
                samples[0] = sample;
            }
        }
        Batches.gatherColumns(data.trainInputs(), samples, 0, samples.length, batchInputs);
        Batches.gatherColumns(data.trainTargets(), samples, 0, samples.length, batchTargets);
        return samples;
    }

    /**
     * The training samples of this epoch's mini-batch that holds training sample {@code sample}, in
     * the order they sit in it: what a one-sample step trains on when the network normalises batches.
     */
    public int[] batchContaining(int sample) {
        int position = 0;
        while (order[position] != sample) {
            position++;
        }
        int start = 0;
        int count = batchCountAt(start);
        while (start + count <= position) {
            start += count;
            count = batchCountAt(start);
        }
        return Arrays.copyOfRange(order, start, start + count);
    }

    /**
     * The training samples (columns of the training data) the next mini-batch will hold, in the
     * order they sit in it: what an exported program needs to train on the same batches.
     */
    public int[] nextBatchSamples() {
        return Arrays.copyOfRange(order, cursor, cursor + nextBatchCount());
    }

    private int nextBatchCount() {
        return batchCountAt(cursor);
    }

    /**
     * How many samples the mini-batch starting at {@code start} of the epoch's order holds. With
     * batch normalisation a lone last sample joins the batch before it: alone it has no spread.
     */
    private int batchCountAt(int start) {
        int count = Math.min(batchSize, order.length - start);
        boolean loneSampleLeft = order.length - start - count == 1;
        return loneSampleLeft && network.normalisesBatches() ? count + 1 : count;
    }

    private int nextBatch() {
        int count = nextBatchCount();
        Batches.gatherColumns(data.trainInputs(), order, cursor, count, batchInputs);
        Batches.gatherColumns(data.trainTargets(), order, cursor, count, batchTargets);
        augment(order, cursor, count);
        return count;
    }

    /**
     * Replaces the batch's inputs by those of its points shifted with the augmentation's noise (see
     * {@link Augmentation}), drawn from the lesson's random source; inputs not made from points stay.
     */
    private void augment(int[] columns, int from, int count) {
        Augmentation augmentation = hyperparameters.augmentation();
        if (augmentation.isActive() && data.trainPoints().isPresent()) {
            data.trainPoints().get().shiftedInputs(columns, from, count, augmentation.noise(), rng, batchInputs,
                    shiftedPoints);
        } else {
            shiftedPoints.reshape(2, 0);
        }
    }

    /**
     * The points (x₁ row, x₂ row, a column per sample) the last step trained on after augmentation
     * shifted them; empty when it shifted none. What an exported program needs to repeat the step.
     */
    public Optional<Matrix> lastShiftedPoints() {
        return shiftedPoints.numCols == 0 ? Optional.empty()
                : Optional.of(Matrix.copyOf(2, shiftedPoints.numCols, shiftedPoints.data));
    }

    private void advance(int count) {
        steps++;
        cursor += count;
        if (cursor >= order.length) {
            cursor = 0;
            epoch++;
            shuffle();
        }
    }

    private void shuffle() {
        if (!shuffled) {
            return;
        }
        for (int i = order.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }
}
