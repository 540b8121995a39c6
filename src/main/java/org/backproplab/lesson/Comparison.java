package org.backproplab.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.backproplab.engine.Hyperparameters;
import org.backproplab.engine.LayerSpec;
import org.backproplab.engine.OptimizerSettings;

/**
 * Two runs of one experiment side by side: A, the lesson as the class knows it, and B, the same
 * lesson with some settings changed. Both share what makes a comparison fair: the points and their
 * split, the seed (and so the mini-batch order), the inputs and the size of every layer. B starts
 * from A's very weights unless it changes the initializer, in which case it draws its own from the
 * same seed. Everything else (η, optimizer, activations, dropout, batch normalisation, penalty,
 * batch size, loss, schedule, clipping, noise) may differ, and {@link #differences()} lists how.
 *
 * <p>Only settings count: B's lesson may carry A's weights or none (the trainer drops a lesson's
 * fixed weights once it rebuilds a layer), and neither makes a difference of its own.
 */
public record Comparison(Lesson a, Lesson b) {

    public Comparison {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        if (!a.data().equals(b.data()) || a.seed() != b.seed() || a.shuffle() != b.shuffle()) {
            throw new IllegalArgumentException("B must train on A's points in A's order (the same data, seed and shuffling)");
        }
        if (!a.features().equals(b.features()) || !sizes(a).equals(sizes(b))) {
            throw new IllegalArgumentException("B must have A's inputs and layer sizes, so that it can start from A's weights");
        }
    }

    /** The start of a comparison: B the same as A, to be changed from there. */
    public static Comparison fork(Lesson a) {
        return new Comparison(a, a);
    }

    /**
     * B as a lesson to start from: its settings, with A's weights (if A fixes them) unless B draws
     * its own with another initializer.
     */
    public Lesson startOfB() {
        Lesson settings = b.withArchitecture(b.features(), b.layers());
        if (b.initializer() != a.initializer()) {
            return settings;
        }
        return a.weights().map(fixed -> settings.withWeights(weightsFor(fixed))).orElse(settings);
    }

    /**
     * A's weights for B's layers: batch normalisation's trained γ, β and averages go only where B
     * normalises too; a layer B newly normalises starts them fresh, as switching it on does in the lab.
     */
    private List<LayerWeights> weightsFor(List<LayerWeights> fixed) {
        List<LayerWeights> weights = new ArrayList<>();
        for (int l = 0; l < fixed.size(); l++) {
            LayerWeights layer = fixed.get(l);
            weights.add(b.layers().get(l).batchNorm() ? layer : layer.withNormalisation(Optional.empty()));
        }
        return weights;
    }

    /** Every setting in which B differs from A, network first (initializer, then layer by layer), then training. */
    public List<Difference> differences() {
        List<Difference> found = new ArrayList<>();
        if (a.initializer() != b.initializer()) {
            found.add(new Difference.WeightInitializer(a.initializer(), b.initializer()));
        }
        for (int l = 0; l < a.layers().size(); l++) {
            LayerSpec inA = a.layers().get(l);
            LayerSpec inB = b.layers().get(l);
            if (inA.activation() != inB.activation()) {
                found.add(new Difference.LayerActivation(l, inA.activation(), inB.activation()));
            }
            if (inA.dropout() != inB.dropout()) {
                found.add(new Difference.LayerDropout(l, inA.dropout(), inB.dropout()));
            }
            if (inA.batchNorm() != inB.batchNorm()) {
                found.add(new Difference.LayerBatchNorm(l, inA.batchNorm(), inB.batchNorm()));
            }
        }
        Hyperparameters hyperA = a.hyperparameters();
        Hyperparameters hyperB = b.hyperparameters();
        optimizer(hyperA.optimizer(), hyperB.optimizer(), found);
        if (a.batchSize() != b.batchSize()) {
            found.add(new Difference.BatchSize(a.batchSize(), b.batchSize()));
        }
        if (!hyperA.regularization().equals(hyperB.regularization())) {
            found.add(new Difference.Penalty(hyperA.regularization(), hyperB.regularization()));
        }
        if (hyperA.loss() != hyperB.loss()) {
            found.add(new Difference.LossFunction(hyperA.loss(), hyperB.loss()));
        }
        if (!hyperA.schedule().equals(hyperB.schedule())) {
            found.add(new Difference.RateSchedule(hyperA.schedule(), hyperB.schedule()));
        }
        if (hyperA.gradientClipNorm() != hyperB.gradientClipNorm()) {
            found.add(new Difference.ClipNorm(hyperA.gradientClipNorm(), hyperB.gradientClipNorm()));
        }
        if (hyperA.trainBiases() != hyperB.trainBiases()) {
            found.add(new Difference.BiasTraining(hyperA.trainBiases(), hyperB.trainBiases()));
        }
        if (!hyperA.augmentation().equals(hyperB.augmentation())) {
            found.add(new Difference.PointNoise(hyperA.augmentation(), hyperB.augmentation()));
        }
        return List.copyOf(found);
    }

    /** A change of η alone reads as that; any other change of the update rule as another optimizer. */
    private static void optimizer(OptimizerSettings inA, OptimizerSettings inB, List<Difference> found) {
        if (inA.equals(inB)) {
            return;
        }
        if (inA.withLearningRate(inB.learningRate()).equals(inB)) {
            found.add(new Difference.LearningRate(inA.learningRate(), inB.learningRate()));
        } else {
            found.add(new Difference.Optimizer(inA, inB));
        }
    }

    private static List<Integer> sizes(Lesson lesson) {
        return lesson.layers().stream().map(LayerSpec::size).toList();
    }
}
