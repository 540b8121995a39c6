package org.backproplab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.backproplab.data.DataPoint;
import org.backproplab.data.Dataset;
import org.backproplab.data.Generator;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class LearnerTest {

    private static final Hyperparameters ADAM = Hyperparameters.of(Loss.BINARY_CROSS_ENTROPY, new OptimizerSettings.Adam(0.01));

    @Test
    void sameSeedGivesBitIdenticalWeightsAfterSeveralEpochs() {
        Network first = trainedFor(5, 7L);
        Network second = trainedFor(5, 7L);

        for (int l = 0; l < first.layerCount(); l++) {
            assertEquals(first.layer(l).weightMatrix(), second.layer(l).weightMatrix(), "weights of layer " + l);
            assertEquals(first.layer(l).biasVector(), second.layer(l).biasVector(), "biases of layer " + l);
        }
    }

    @Test
    void differentSeedsDrawDifferentWeightsFromTheSameRange() {
        Network seven = learner(200, 10, new SplittableRandom(7L)).network();
        Network eight = learner(200, 10, new SplittableRandom(8L)).network();

        for (int l = 0; l < seven.layerCount(); l++) {
            Layer a = seven.layer(l);
            Layer b = eight.layer(l);
            // Xavier's uniform range for this layer: every draw of either seed falls inside it.
            double range = Math.sqrt(6.0 / (a.inputSize() + a.size()));
            for (int n = 0; n < a.size(); n++) {
                for (int i = 0; i < a.inputSize(); i++) {
                    String where = "layer " + l + ", w[" + n + "][" + i + "]: " + a.weight(n, i) + " and " + b.weight(n, i);
                    assertTrue(Math.abs(a.weight(n, i)) <= range && Math.abs(b.weight(n, i)) <= range, where + " within ±" + range);
                    assertNotEquals(a.weight(n, i), b.weight(n, i), where + " drawn independently");
                }
            }
        }
    }

    @Test
    void anEpochTakesOneStepPerMiniBatch() {
        Learner learner = learner(250, 10, new SplittableRandom(3));

        learner.runEpoch();
        assertEquals(1, learner.epoch());
        assertEquals(25, learner.steps());
        learner.runEpoch();
        assertEquals(2, learner.epoch());
        assertEquals(50, learner.steps());
    }

    @Test
    void aShortLastBatchStillCountsAsAStep() {
        Learner learner = learner(256, 10, new SplittableRandom(3));

        learner.runEpoch();

        assertEquals(26, learner.steps());
    }

    @Test
    void tracingOneSampleDoesNotShortenTheEpoch() {
        Learner learner = learner(250, 10, new SplittableRandom(3));

        learner.tracedSample(17);
        learner.runEpoch();

        assertEquals(1, learner.epoch());
        assertEquals(26, learner.steps());
    }

    /** Everything from one seeded generator, in the order an experiment draws it: data, weights, batch order. */
    private static Network trainedFor(int epochs, long seed) {
        Learner learner = learner(200, 10, new SplittableRandom(seed));
        for (int e = 0; e < epochs; e++) {
            learner.runEpoch();
        }
        return learner.network();
    }

    private static Learner learner(int points, int batchSize, RandomGenerator rng) {
        Dataset dataset = Generator.SPIRAL.generate(points, 0.1, rng);
        DMatrixRMaj inputs = new DMatrixRMaj(2, points);
        DMatrixRMaj targets = new DMatrixRMaj(1, points);
        for (int c = 0; c < points; c++) {
            DataPoint p = dataset.points().get(c);
            inputs.set(0, c, p.x1());
            inputs.set(1, c, p.x2());
            targets.set(0, c, p.label());
        }
        TrainingData data = new TrainingData(inputs, targets, new DMatrixRMaj(2, 0), new DMatrixRMaj(1, 0),
                new Task.BinaryClassification(0.5));
        Network network = Network.create(2, List.of(new LayerSpec(6, Activation.TANH), new LayerSpec(4, Activation.RELU),
                new LayerSpec(1, Activation.SIGMOID)), Initializer.XAVIER, rng);
        return new Learner(network, data, ADAM, batchSize, rng);
    }
}
