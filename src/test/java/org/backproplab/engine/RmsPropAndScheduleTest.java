package org.backproplab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import java.util.SplittableRandom;
import org.backproplab.trace.OptimizerState;
import org.backproplab.trace.ScheduledRate;
import org.backproplab.trace.StepTrace;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** RMSprop's steps and each schedule's η worked out by hand, as on the slide. */
class RmsPropAndScheduleTest {

    private static final double HAND = 1e-8;

    /** One linear neuron w·x (bias fixed at 0), x = 2, target 0, squared error: g = (w·x − 0)·x. */
    @Test
    void twoRmsPropStepsByHand() {
        Network network = Network.create(1, List.of(new LayerSpec(1, Activation.LINEAR)), Initializer.XAVIER, new SplittableRandom(1));
        network.layer(0).setWeight(0, 0, 0.5);
        network.layer(0).setBias(0, 0);
        Hyperparameters hyper = Hyperparameters.of(Loss.SQUARED_ERROR, new OptimizerSettings.RmsProp(0.1)).withTrainBiases(false);
        Backpropagation backpropagation = new Backpropagation();
        DMatrixRMaj x = Nets.rows(new double[] {2});
        DMatrixRMaj t = Nets.rows(new double[] {0});

        // Step 1: o = 0.5·2 = 1, g = 1·2 = 2, s = 0.9·0 + 0.1·2² = 0.4,
        // Δw = −0.1·2/(√0.4 + 1e-8) = −0.31622776, w = 0.5 − 0.31622776 = 0.18377224.
        StepTrace first = backpropagation.tracedStep(network, x, t, hyper);
        assertEquals(2, first.outputLayer().weightGradient().get(0, 0), HAND);
        OptimizerState.SquaredGradientMean s1 = assertInstanceOf(OptimizerState.SquaredGradientMean.class,
                first.outputLayer().optimizerStateAfter());
        assertEquals(0.4, s1.weights().get(0, 0), HAND);
        assertEquals(-0.31622776, first.outputLayer().weightStep().get(0, 0), HAND);
        assertEquals(0.18377224, network.layer(0).weight(0, 0), HAND);

        // Step 2: o = 0.36754448, g = 0.73508896, s = 0.9·0.4 + 0.1·0.73508896² = 0.36 + 0.05403558 = 0.41403558,
        // Δw = −0.1·0.73508896/(√0.41403558 + 1e-8) = −0.07350890/0.64345597 = −0.11424075, w = 0.06953149.
        StepTrace second = backpropagation.tracedStep(network, x, t, hyper);
        assertEquals(0.73508896, second.outputLayer().weightGradient().get(0, 0), HAND);
        assertEquals(s1, second.outputLayer().optimizerStateBefore(), "step two starts from step one's s");
        OptimizerState.SquaredGradientMean s2 = (OptimizerState.SquaredGradientMean) second.outputLayer().optimizerStateAfter();
        assertEquals(0.41403558, s2.weights().get(0, 0), HAND);
        assertEquals(-0.11424075, second.outputLayer().weightStep().get(0, 0), HAND);
        assertEquals(0.06953149, network.layer(0).weight(0, 0), HAND);
        assertEquals(0, network.layer(0).bias(0), "fixed biases stay");
    }

    @Test
    void constantKeepsTheLessonsRate() {
        LearningRateSchedule constant = new LearningRateSchedule.Constant();
        assertEquals(0.1, constant.rate(0.1, 0));
        assertEquals(0.1, constant.rate(0.1, 12_345));
    }

    @Test
    void stepHalvesEveryHundredEpochsFromEpochZero() {
        LearningRateSchedule step = new LearningRateSchedule.Step(100, 0.5);
        assertEquals(0.1, step.rate(0.1, 0), "⌊0/100⌋ = 0");
        assertEquals(0.1, step.rate(0.1, 99), "⌊99/100⌋ = 0");
        assertEquals(0.05, step.rate(0.1, 100), "0.1·0.5¹");
        assertEquals(0.025, step.rate(0.1, 250), "0.1·0.5^⌊250/100⌋ = 0.1·0.25");
    }

    @Test
    void exponentialMultipliesEveryEpoch() {
        LearningRateSchedule exponential = new LearningRateSchedule.Exponential(0.99);
        assertEquals(0.1, exponential.rate(0.1, 0));
        assertEquals(0.099, exponential.rate(0.1, 1), 1e-15);
        assertEquals(0.09801, exponential.rate(0.1, 2), 1e-15, "0.1·0.99² = 0.1·0.9801");
    }

    @Test
    void cosineFallsToTheMinimumAndStaysThere() {
        LearningRateSchedule cosine = new LearningRateSchedule.Cosine(1000, 0.0001);
        assertEquals(0.1, cosine.rate(0.1, 0), 1e-15, "cos 0 = 1: (1 + 1)/2 = 1");
        assertEquals(0.05005, cosine.rate(0.1, 500), 1e-15, "cos(π/2) = 0: 0.0001 + 0.0999/2");
        assertEquals(0.0001 + 0.0999 * (1 + Math.sqrt(0.5)) / 2, cosine.rate(0.1, 250), 1e-15, "cos(π/4) = √½");
        assertEquals(0.0001, cosine.rate(0.1, 1000), 1e-15, "cos π = −1");
        assertEquals(0.0001, cosine.rate(0.1, 1500), 1e-15, "past E it stays at the minimum");
    }

    /** Four points in one batch: every step is an epoch, so step k trains in epoch k. */
    @Test
    void theLearnerTrainsEachEpochWithItsScheduledRateAndTheTraceSaysSo() {
        SplittableRandom rng = new SplittableRandom(3);
        Network network = Nets.random(rng, 2, List.of(new LayerSpec(3, Activation.TANH), new LayerSpec(1, Activation.SIGMOID)));
        DMatrixRMaj inputs = Nets.rows(new double[] {0, 0, 1, 1}, new double[] {0, 1, 0, 1});
        TrainingData data = new TrainingData(inputs, Nets.rows(new double[] {0, 1, 1, 0}), new DMatrixRMaj(2, 0),
                new DMatrixRMaj(1, 0), new Task.BinaryClassification(0.5));
        Hyperparameters hyper = Hyperparameters.of(Loss.BINARY_CROSS_ENTROPY, new OptimizerSettings.Sgd(0.8))
                .withSchedule(new LearningRateSchedule.Step(2, 0.5));
        Learner learner = new Learner(network, data, hyper, 4, rng);
        double[] expected = {0.8, 0.8, 0.4, 0.4, 0.2};
        for (int epoch = 0; epoch < expected.length; epoch++) {
            assertEquals(expected[epoch], learner.learningRate(), "η for epoch " + epoch);
            StepTrace trace = learner.tracedBatch();
            assertEquals(expected[epoch], trace.learningRate(), "the trace of epoch " + epoch);
            assertEquals(new ScheduledRate.Step(0.8, epoch, 2, 0.5), trace.schedule());
            // SGD's step is −η·g with the scheduled η.
            assertEquals(-expected[epoch] * trace.outputLayer().weightGradient().get(0, 0),
                    trace.outputLayer().weightStep().get(0, 0), 1e-15);
        }
    }
}
