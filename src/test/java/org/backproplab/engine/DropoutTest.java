package org.backproplab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.backproplab.fixtures.TinyDropout;
import org.backproplab.trace.DropoutTrace;
import org.backproplab.trace.LayerTrace;
import org.backproplab.trace.Matrix;
import org.backproplab.trace.StepTrace;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Inverted dropout: a = m ⊙ f(z)/(1 − p) forward, δ = (Wᵀδ_next) ⊙ m/(1 − p) ⊙ f′(z) backward, and
 * no dropout at evaluation.
 */
class DropoutTest {

    private static final Activation[] HIDDEN = {
        Activation.SIGMOID, Activation.TANH, Activation.RELU, Activation.LEAKY_RELU, Activation.LINEAR};
    private static final double H = 1e-5;

    /**
     * x = 1, hidden linear neurons z = (2, 3) with p = 0.5, output 0.5·a₁ + 0.25·a₂ under squared
     * error with target 1. The draws 0.7 and 0.2 keep neuron 1 (0.7 ≥ p) and drop neuron 2, so
     * a = (2·1/(1 − 0.5), 0) = (4, 0); the output is 0.5·4 = 2, δ_out = 2 − 1 = 1, and
     * δ_hidden = (0.5·1·2, 0.25·0·2) = (1, 0).
     */
    @Test
    void handWorkedStepOnATinyNet() {
        StepTrace trace = TinyDropout.step(Activation.LINEAR, new double[] {2, 3}, new double[] {0.5, 0.25}, 0.7, 0.2);

        LayerTrace hidden = trace.layers().get(0);
        DropoutTrace dropout = hidden.dropout().orElseThrow();
        assertEquals(0.5, dropout.rate());
        assertEquals(2.0, dropout.keptScale());
        assertEquals(Matrix.column(1, 0), dropout.mask());
        assertEquals(Matrix.column(2, 3), dropout.activationBeforeDropout());
        assertEquals(Matrix.column(4, 0), hidden.a(), "a = m·f(z)/(1 − p): what the output layer reads");
        assertEquals(2.0, trace.outputLayer().a().get(0, 0), 1e-15);
        assertEquals(0.5, trace.loss(), 1e-15, "½(2 − 1)²");
        assertEquals(Matrix.column(1, 0), hidden.delta(), "δ is masked and scaled like a");
        assertEquals(Matrix.column(1, 0), hidden.weightGradient(), "∂L/∂W = δ·xᵀ");
        assertEquals(Matrix.of(new double[][] {{4, 0}}), trace.outputLayer().weightGradient(), "the output reads a after the mask");
        assertTrue(trace.outputLayer().dropout().isEmpty(), "the output layer never drops");
    }

    static Stream<Arguments> activationsAndLosses() {
        List<Arguments> cases = new ArrayList<>();
        for (Activation output : new Activation[] {Activation.SIGMOID, Activation.TANH, Activation.LINEAR, Activation.SOFTMAX}) {
            cases.add(Arguments.of(output, Loss.SQUARED_ERROR));
        }
        cases.add(Arguments.of(Activation.SIGMOID, Loss.BINARY_CROSS_ENTROPY));
        cases.add(Arguments.of(Activation.SOFTMAX, Loss.SOFTMAX_CROSS_ENTROPY));
        List<Arguments> withSeeds = new ArrayList<>();
        for (Arguments pair : cases) {
            for (long seed = 1; seed <= 5; seed++) {
                withSeeds.add(Arguments.of(pair.get()[0], pair.get()[1], seed));
            }
        }
        return withSeeds.stream();
    }

    /**
     * With the masks the step drew held fixed, the loss is a smooth function of the weights, and its
     * central differences (through a forward pass written out here, independently of the engine's)
     * must match the recorded gradients; the engine's own gradient check must pass too.
     */
    @ParameterizedTest(name = "{0} + {1}, seed {2}")
    @MethodSource("activationsAndLosses")
    void gradientsThroughAFixedMaskMatchCentralDifferences(Activation output, Loss loss, long seed) {
        SplittableRandom rng = new SplittableRandom(seed * 131 + output.ordinal() * 17L + loss.ordinal());
        int inputs = rng.nextInt(1, 4);
        int outputs = output == Activation.SOFTMAX ? rng.nextInt(2, 4) : rng.nextInt(1, 3);
        List<LayerSpec> specs = new ArrayList<>();
        int hidden = rng.nextInt(1, 4);
        for (int l = 0; l < hidden; l++) {
            specs.add(new LayerSpec(rng.nextInt(3, 7), HIDDEN[(int) ((seed + l) % HIDDEN.length)], 0.3 + 0.1 * l, false));
        }
        specs.add(new LayerSpec(outputs, output));
        Network network = Nets.random(rng, inputs, specs);
        int batch = 4;
        DMatrixRMaj x = Nets.uniform(rng, inputs, batch, -2, 2);
        DMatrixRMaj targets = switch (loss) {
            case SOFTMAX_CROSS_ENTROPY -> Nets.oneHot(rng, outputs, batch);
            case BINARY_CROSS_ENTROPY -> Nets.uniform(rng, outputs, batch, 0.05, 0.95);
            case SQUARED_ERROR -> Nets.uniform(rng, outputs, batch, -1, 1);
        };
        Hyperparameters hyper = Hyperparameters.of(loss, new OptimizerSettings.Sgd(0.1));

        StepTrace trace = new Backpropagation(new SplittableRandom(seed)).tracedStep(network.copy(), x, targets, hyper);

        int dropped = 0;
        for (int l = 0; l < hidden; l++) {
            Matrix mask = trace.layers().get(l).dropout().orElseThrow().mask();
            for (double kept : mask.values()) {
                dropped += kept == 0 ? 1 : 0;
            }
        }
        assertTrue(dropped > 0, "the check means something only if some output was dropped");
        for (int l = 0; l < network.layerCount(); l++) {
            Layer layer = network.layer(l);
            LayerTrace recorded = trace.layers().get(l);
            for (int n = 0; n < layer.size(); n++) {
                for (int i = 0; i < layer.inputSize(); i++) {
                    double original = layer.weight(n, i);
                    layer.setWeight(n, i, original + H);
                    double plus = maskedLoss(network, x, targets, loss, trace);
                    layer.setWeight(n, i, original - H);
                    double minus = maskedLoss(network, x, targets, loss, trace);
                    layer.setWeight(n, i, original);
                    assertAgrees(recorded.weightGradient().get(n, i), (plus - minus) / (2 * H), "∂/∂W[" + n + "][" + i + "] of layer " + l);
                }
                double original = layer.bias(n);
                layer.setBias(n, original + H);
                double plus = maskedLoss(network, x, targets, loss, trace);
                layer.setBias(n, original - H);
                double minus = maskedLoss(network, x, targets, loss, trace);
                layer.setBias(n, original);
                assertAgrees(recorded.biasGradient().get(n, 0), (plus - minus) / (2 * H), "∂/∂b[" + n + "] of layer " + l);
            }
        }
        GradientCheck.Result check = GradientCheck.run(network, x, targets, hyper);
        assertTrue(check.passed(), "the engine's gradient check through its fixed mask, worst " + check.worstRelativeError());
    }

    /** The loss with the trace's masks applied, forward written out from the formulas. */
    private static double maskedLoss(Network network, DMatrixRMaj x, DMatrixRMaj targets, Loss loss, StepTrace trace) {
        DMatrixRMaj previous = x;
        DMatrixRMaj z = null;
        DMatrixRMaj a = null;
        for (int l = 0; l < network.layerCount(); l++) {
            Layer layer = network.layer(l);
            z = new DMatrixRMaj(layer.size(), x.numCols);
            for (int n = 0; n < layer.size(); n++) {
                for (int s = 0; s < x.numCols; s++) {
                    double sum = layer.bias(n);
                    for (int i = 0; i < layer.inputSize(); i++) {
                        sum += layer.weight(n, i) * previous.get(i, s);
                    }
                    z.set(n, s, sum);
                }
            }
            a = new DMatrixRMaj(z.numRows, z.numCols);
            layer.activation().apply(z, a);
            var dropout = trace.layers().get(l).dropout();
            if (dropout.isPresent()) {
                for (int n = 0; n < a.numRows; n++) {
                    for (int s = 0; s < a.numCols; s++) {
                        a.set(n, s, a.get(n, s) * dropout.get().mask().get(n, s) / (1 - dropout.get().rate()));
                    }
                }
            }
            previous = a;
        }
        return loss.meanLoss(z, a, targets);
    }

    private static void assertAgrees(double analytic, double numeric, String what) {
        double error = Math.abs(analytic - numeric) / Math.max(1e-3, Math.abs(analytic) + Math.abs(numeric));
        assertTrue(error < 1e-6, what + ": backprop " + analytic + ", central difference " + numeric + ", relative error " + error);
    }

    /** Heatmaps, test loss and accuracy see every neuron, unscaled: the same as the network without dropout. */
    @Test
    void evaluationUsesNoDropout() {
        SplittableRandom rng = new SplittableRandom(5);
        Network dropping = Nets.random(rng, 2, List.of(new LayerSpec(6, Activation.TANH, 0.5, false),
                new LayerSpec(1, Activation.SIGMOID)));
        Network plain = Network.create(2, List.of(new LayerSpec(6, Activation.TANH), new LayerSpec(1, Activation.SIGMOID)),
                Initializer.XAVIER, rng);
        for (int l = 0; l < 2; l++) {
            for (int n = 0; n < dropping.layer(l).size(); n++) {
                for (int i = 0; i < dropping.layer(l).inputSize(); i++) {
                    plain.layer(l).setWeight(n, i, dropping.layer(l).weight(n, i));
                }
                plain.layer(l).setBias(n, dropping.layer(l).bias(n));
            }
        }
        DMatrixRMaj x = Nets.uniform(rng, 2, 30, -2, 2);
        DMatrixRMaj t = Nets.uniform(rng, 1, 30, 0, 1);
        Backpropagation backpropagation = new Backpropagation(new SplittableRandom(9));
        Hyperparameters hyper = Hyperparameters.of(Loss.SQUARED_ERROR, new OptimizerSettings.Sgd(0.1));

        // A gradient of the batch loss with masks drawn, then evaluation on the same object.
        backpropagation.gradients(dropping, x, t, hyper);
        Metrics seen = backpropagation.metrics(dropping, x, t, Loss.SQUARED_ERROR, new Task.Regression());

        Metrics expected = new Backpropagation().metrics(plain, x, t, Loss.SQUARED_ERROR, new Task.Regression());
        assertEquals(expected.loss(), seen.loss(), 0);
        assertEquals(expected.loss(), backpropagation.loss(dropping, x, t, Loss.SQUARED_ERROR), 0);
        assertEquals(plain.predict(0.3, -0.7)[0], dropping.predict(0.3, -0.7)[0], 0);
    }

    @Test
    void theSameSourceDrawsTheSameMasksAndADifferentOneOthers() {
        SplittableRandom rng = new SplittableRandom(2);
        Network network = Nets.random(rng, 2, List.of(new LayerSpec(8, Activation.RELU, 0.5, false), new LayerSpec(1, Activation.LINEAR)));
        DMatrixRMaj x = Nets.uniform(rng, 2, 6, -1, 1);
        DMatrixRMaj t = Nets.uniform(rng, 1, 6, -1, 1);
        Hyperparameters hyper = Hyperparameters.of(Loss.SQUARED_ERROR, new OptimizerSettings.Sgd(0.1));

        StepTrace first = new Backpropagation(new SplittableRandom(7)).tracedStep(network.copy(), x, t, hyper);
        StepTrace again = new Backpropagation(new SplittableRandom(7)).tracedStep(network.copy(), x, t, hyper);
        StepTrace other = new Backpropagation(new SplittableRandom(8)).tracedStep(network.copy(), x, t, hyper);

        assertEquals(first, again);
        assertTrue(!first.layers().getFirst().dropout().equals(other.layers().getFirst().dropout()));
    }

    @Test
    void theOutputLayerMayNotDrop() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Network.create(2,
                List.of(new LayerSpec(3, Activation.TANH), new LayerSpec(1, Activation.SIGMOID, 0.2, false)),
                Initializer.XAVIER, new SplittableRandom(1)));
        assertTrue(e.getMessage().startsWith("dropout is only allowed on hidden layers"), e.getMessage());
    }

    @Test
    void reshapingKeepsEachLayersRate() {
        Network network = Network.create(2, List.of(new LayerSpec(3, Activation.TANH, 0.25, false),
                new LayerSpec(1, Activation.SIGMOID)), Initializer.XAVIER, new SplittableRandom(1));
        assertEquals(0.25, network.copy().layer(0).dropout());
        Network reshaped = network.reshaped(2, List.of(new LayerSpec(4, Activation.TANH, 0.25, false), network.shape().get(1)),
                new int[] {0, 1}, new int[] {0, 1}, Initializer.XAVIER, new SplittableRandom(2));
        assertEquals(0.25, reshaped.layer(0).dropout());
        assertEquals(0.25, reshaped.shape().getFirst().dropout());
    }
}
