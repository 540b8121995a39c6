package org.backproplab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.backproplab.trace.BatchNormTrace;
import org.backproplab.trace.StepTrace;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Batch normalisation between z and the activation: its calculus, its two modes, and its bookkeeping. */
class BatchNormTest {

    private static final Hyperparameters SGD = Hyperparameters.of(Loss.SQUARED_ERROR, new OptimizerSettings.Sgd(0.1));

    static Stream<Arguments> activationsAndLosses() {
        List<Arguments> cases = new ArrayList<>();
        Activation[] hidden = {Activation.SIGMOID, Activation.TANH, Activation.RELU, Activation.LEAKY_RELU, Activation.LINEAR};
        Object[][] outputs = {
            {Activation.SIGMOID, Loss.SQUARED_ERROR, 1}, {Activation.LINEAR, Loss.SQUARED_ERROR, 2},
            {Activation.SIGMOID, Loss.BINARY_CROSS_ENTROPY, 1}, {Activation.SOFTMAX, Loss.SOFTMAX_CROSS_ENTROPY, 3}};
        for (Activation activation : hidden) {
            for (Object[] output : outputs) {
                for (long seed = 1; seed <= 3; seed++) {
                    cases.add(Arguments.of(activation, output[0], output[1], output[2], seed));
                }
            }
        }
        return cases.stream();
    }

    /** ∂J/∂W, ∂J/∂b, ∂J/∂γ and ∂J/∂β of a fixed batch against central differences, on random two-hidden-layer nets. */
    @ParameterizedTest(name = "{0} hidden, {1} + {2}, seed {4}")
    @MethodSource("activationsAndLosses")
    void gradientsOfEveryParameterMatchCentralDifferences(Activation hidden, Activation output, Loss loss, int outputs, long seed) {
        SplittableRandom rng = new SplittableRandom(seed * 1009 + hidden.ordinal() * 31L + output.ordinal());
        Hyperparameters hyper = Hyperparameters.of(loss, new OptimizerSettings.Sgd(0.1));
        GradientCheck.Result result;
        do {
            Network network = Nets.random(rng, 2, List.of(new LayerSpec(3, hidden, 0, true), new LayerSpec(4, hidden, 0, true),
                    new LayerSpec(outputs, output)));
            for (int l = 0; l < 2; l++) {
                BatchNorm batchNorm = network.layer(l).batchNorm().orElseThrow();
                for (int n = 0; n < batchNorm.size(); n++) {
                    batchNorm.set(n, rng.nextDouble(0.5, 2), rng.nextDouble(-0.5, 0.5), 0, 1);
                }
            }
            DMatrixRMaj inputs = Nets.uniform(rng, 2, 5, -1, 1);
            DMatrixRMaj targets = outputs == 1 ? Nets.uniform(rng, 1, 5, 0, 1).copy() : Nets.oneHot(rng, outputs, 5);
            if (loss == Loss.BINARY_CROSS_ENTROPY) {
                for (int i = 0; i < targets.data.length; i++) {
                    targets.data[i] = Math.round(targets.data[i]);
                }
            }
            result = nearKink(network, inputs, targets, hyper) ? null : GradientCheck.run(network, inputs, targets, hyper);
        } while (result == null);

        assertTrue(result.passed(), "worst relative error " + result.worstRelativeError());
        assertEquals(2 * (3 + 4), result.comparisons().stream()
                .filter(c -> c.parameter() instanceof GradientCheck.Parameter.Gamma
                        || c.parameter() instanceof GradientCheck.Parameter.Beta).count(), "every γ and β is checked");
        double largestGamma = result.comparisons().stream().filter(c -> c.parameter() instanceof GradientCheck.Parameter.Gamma)
                .mapToDouble(c -> Math.abs(c.numeric())).max().orElseThrow();
        assertTrue(largestGamma > 1e-4, "γ must matter for the check to mean something, largest ∂J/∂γ was " + largestGamma);
    }

    /** A ReLU kink within a few h of some y would make the central difference straddle it; such nets are redrawn. */
    private static boolean nearKink(Network network, DMatrixRMaj inputs, DMatrixRMaj targets, Hyperparameters hyper) {
        StepTrace trace = new Backpropagation().tracedStep(network.copy(), inputs, targets, hyper);
        for (int l = 0; l < 2; l++) {
            for (double y : trace.layers().get(l).batchNorm().orElseThrow().output().values()) {
                if (Math.abs(y) < 1e-3) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * One input, one linear neuron with batch normalisation, one linear output, squared error, a batch
     * of three, worked by hand: z = (1, 2, 4), μ = 7/3, σ² = ((−4/3)² + (−1/3)² + (5/3)²)/3 = 14/9.
     */
    @Test
    void aThreeSampleBatchGoesForwardAndBackAsWorkedByHand() {
        Network network = linearChain(0, 1);
        DMatrixRMaj inputs = Nets.rows(new double[] {1, 2, 4});
        DMatrixRMaj targets = Nets.rows(new double[] {0, 0, 0});

        StepTrace trace = new Backpropagation().tracedStep(network, inputs, targets, SGD);
        BatchNormTrace bn = trace.layers().get(0).batchNorm().orElseThrow();

        assertEquals(7.0 / 3, bn.mean().get(0, 0), 1e-15);
        assertEquals(14.0 / 9, bn.variance().get(0, 0), 1e-15);
        double sd = Math.sqrt(14.0 / 9 + 1e-5);
        double[] xHat = {(1 - 7.0 / 3) / sd, (2 - 7.0 / 3) / sd, (4 - 7.0 / 3) / sd};
        double[] y = new double[3];
        for (int i = 0; i < 3; i++) {
            assertEquals(xHat[i], bn.normalized().get(0, i), 1e-15, "x̂");
            y[i] = 2 * xHat[i] + 0.5;
            assertEquals(y[i], bn.output().get(0, i), 1e-15, "y = γ·x̂ + β");
            assertEquals(y[i], trace.layers().get(0).a().get(0, i), 1e-15, "a = f(y), linear");
        }
        // The output o = y, so δ_out = o − t = y and, through W₂ = 1 and a linear f, δ_y = y.
        double meanDy = (y[0] + y[1] + y[2]) / 3; // = β = 0.5, as Σx̂ = 0
        double meanDyXHat = (y[0] * xHat[0] + y[1] * xHat[1] + y[2] * xHat[2]) / 3; // = γ·mean(x̂²) = 2·σ²/(σ² + ε)
        assertEquals(0.5, meanDy, 1e-12);
        assertEquals(2 * (14.0 / 9) / (14.0 / 9 + 1e-5), meanDyXHat, 1e-12);
        assertEquals(meanDy, bn.betaGradient().get(0, 0), 1e-15, "∂L/∂β = mean δ_y");
        assertEquals(meanDyXHat, bn.gammaGradient().get(0, 0), 1e-15, "∂L/∂γ = mean δ_y·x̂");
        for (int i = 0; i < 3; i++) {
            assertEquals(y[i], bn.outputDelta().get(0, i), 1e-15, "δ_y");
            double deltaZ = 2 / sd * (y[i] - meanDy - xHat[i] * meanDyXHat);
            assertEquals(deltaZ, trace.layers().get(0).delta().get(0, i), 1e-12, "δ_z = γ/√(σ²+ε)·(δ_y − mean δ_y − x̂·mean δ_y·x̂)");
        }
        assertEquals(0, trace.layers().get(0).biasGradient().get(0, 0), 1e-15, "b before batch normalisation gets no gradient");
        assertEquals(2 - 0.1 * meanDyXHat, bn.gammaAfter().get(0, 0), 1e-15, "SGD moves γ");
        assertEquals(0.5 - 0.1 * meanDy, bn.betaAfter().get(0, 0), 1e-15, "SGD moves β");
        assertEquals(0.1 * 7.0 / 3, bn.runningMean().get(0, 0), 1e-15, "r_μ = 0.9·0 + 0.1·μ");
        assertEquals(0.9 + 0.1 * 14.0 / 9, bn.runningVariance().get(0, 0), 1e-15, "r_σ² = 0.9·1 + 0.1·σ²");
    }

    /**
     * x → one linear neuron with batch normalisation (γ = 2, β = 0.5 and the given running averages)
     * → one linear output; every weight 1 and every bias 0, so the numbers are easy to follow by hand.
     */
    private static Network linearChain(double runningMean, double runningVariance) {
        Network network = Network.create(1, List.of(new LayerSpec(1, Activation.LINEAR, 0, true), new LayerSpec(1, Activation.LINEAR)),
                Initializer.XAVIER, new SplittableRandom(1));
        for (int l = 0; l < 2; l++) {
            network.layer(l).setWeight(0, 0, 1);
            network.layer(l).setBias(0, 0);
        }
        network.layer(0).batchNorm().orElseThrow().set(0, 2, 0.5, runningMean, runningVariance);
        return network;
    }

    @Test
    void evaluationUsesTheRunningAveragesAndEachSampleStandsAlone() {
        Network network = linearChain(3, 4);

        double expected = 2 * (5 - 3) / Math.sqrt(4 + 1e-5) + 0.5;
        assertEquals(expected, network.predict(5)[0], 1e-15, "y = γ·(z − r_μ)/√(r_σ² + ε) + β");

        NeuronMaps maps = new NeuronMaps(Nets.rows(new double[] {5, -1}));
        maps.evaluate(network);
        assertEquals(expected, maps.activation(1, 0, 0), 1e-6, "the heatmaps evaluate the same way");
        assertEquals(2 * (-1 - 3) / Math.sqrt(4 + 1e-5) + 0.5, maps.activation(1, 0, 1), 1e-6);
    }

    @Test
    void theSameSeedTrainsTheSameRun() {
        assertArrayEquals(trainedOutputs(7), trainedOutputs(7));
    }

    private static double[] trainedOutputs(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Network network = Network.create(2, List.of(new LayerSpec(4, Activation.SIGMOID, 0, true),
                new LayerSpec(3, Activation.TANH, 0, true), new LayerSpec(1, Activation.SIGMOID)), Initializer.XAVIER, rng);
        DMatrixRMaj inputs = Nets.uniform(rng, 2, 9, -1, 1);
        DMatrixRMaj targets = Nets.uniform(rng, 1, 9, 0, 1);
        Learner learner = new Learner(network, new TrainingData(inputs, targets, new DMatrixRMaj(2, 0), new DMatrixRMaj(1, 0),
                new Task.Regression()), Hyperparameters.of(Loss.SQUARED_ERROR, new OptimizerSettings.Adam(0.01, 0.9, 0.999, 1e-8)), 4, rng);
        for (int epoch = 0; epoch < 20; epoch++) {
            learner.runEpoch();
        }
        return network.predict(0.3, -0.2);
    }

    @Test
    void batchesOfOneAreRefused() {
        List<LayerSpec> layers = List.of(new LayerSpec(3, Activation.RELU, 0, true), new LayerSpec(1, Activation.SIGMOID));
        assertTrue(NetworkRules.batchSize(1, layers).isPresent());
        assertTrue(NetworkRules.batchSize(2, layers).isEmpty());
        assertTrue(NetworkRules.batchSize(1, List.of(new LayerSpec(3, Activation.RELU), new LayerSpec(1, Activation.SIGMOID))).isEmpty());
        Network network = Network.create(2, layers, Initializer.XAVIER, new SplittableRandom(1));
        TrainingData data = new TrainingData(new DMatrixRMaj(2, 4), new DMatrixRMaj(1, 4), new DMatrixRMaj(2, 0),
                new DMatrixRMaj(1, 0), new Task.Regression());
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new Learner(network, data, SGD, 1, new SplittableRandom(1)));
        assertEquals("batch normalisation needs mini-batches of at least 2 samples, got 1", refused.getMessage());
    }

    /** Five samples in batches of two would leave one alone at the end of every epoch: it joins the batch before it. */
    @Test
    void aLoneLastSampleJoinsTheBatchBeforeIt() {
        Network network = Network.create(2, List.of(new LayerSpec(3, Activation.RELU, 0, true), new LayerSpec(1, Activation.SIGMOID)),
                Initializer.XAVIER, new SplittableRandom(1));
        TrainingData data = new TrainingData(Nets.rows(new double[] {1, 2, 3, 4, 5}, new double[] {0, 0, 0, 0, 0}),
                new DMatrixRMaj(1, 5), new DMatrixRMaj(2, 0), new DMatrixRMaj(1, 0), new Task.Regression());
        Learner learner = new Learner(network, data, SGD, 2, new SplittableRandom(1));
        int[] first = learner.nextBatchSamples();
        assertEquals(2, first.length);
        assertArrayEquals(first, learner.batchContaining(first[1]));
        learner.stepBatch();
        int[] last = learner.nextBatchSamples();
        assertEquals(3, last.length, "2 + the lone fifth");
        assertArrayEquals(last, learner.batchContaining(last[2]));
        StepTrace stepped = learner.tracedSample(last[1]);
        assertEquals(3, stepped.batchSize(), "one sample steps the mini-batch that holds it");
        assertEquals(data.trainInputs().get(0, last[1]), stepped.inputs().get(0, 0), "the chosen sample first");
        assertEquals(0, learner.steps() - 2, "…as a step of its own");
    }
}
