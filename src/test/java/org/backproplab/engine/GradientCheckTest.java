package org.backproplab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.backproplab.trace.LayerTrace;
import org.backproplab.trace.Matrix;
import org.backproplab.trace.StepTrace;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Central differences against the recorded gradients: if backpropagation's calculus is wrong
 * anywhere (a derivative, a transpose, the batch mean, the softmax Jacobian), some entry here
 * disagrees with (L(θ+h) − L(θ−h)) / 2h.
 */
class GradientCheckTest {

    private static final double H = 1e-5;
    private static final double TOLERANCE = 1e-6;
    /** Keeps relative error meaningful for gradients that are (almost) zero: below this, it becomes absolute. */
    private static final double SCALE_FLOOR = 1e-3;
    /** Pre-activations closer than this to 0 could put a ReLU kink inside ±h; such nets are redrawn. */
    private static final double KINK_MARGIN = 1e-3;
    private static final Activation[] HIDDEN = {
        Activation.SIGMOID, Activation.TANH, Activation.RELU, Activation.LEAKY_RELU, Activation.LINEAR};
    private static final double LEARNING_RATE = 0.1;

    /** A random net, a batch and its targets, with no pre-activation near a kink and no dead layer. */
    private record Problem(Network network, DMatrixRMaj inputs, DMatrixRMaj targets) {
    }

    static Stream<Arguments> validPairs() {
        List<Arguments> cases = new ArrayList<>();
        for (Activation output : Activation.values()) {
            cases.add(Arguments.of(output, Loss.SQUARED_ERROR));
        }
        cases.add(Arguments.of(Activation.SIGMOID, Loss.BINARY_CROSS_ENTROPY));
        cases.add(Arguments.of(Activation.SOFTMAX, Loss.SOFTMAX_CROSS_ENTROPY));
        List<Arguments> withSeeds = new ArrayList<>();
        for (Arguments pair : cases) {
            for (long seed = 1; seed <= 4; seed++) {
                for (int batch : new int[] {1, 5}) {
                    withSeeds.add(Arguments.of(pair.get()[0], pair.get()[1], seed, batch));
                }
            }
        }
        return withSeeds.stream();
    }

    @ParameterizedTest(name = "{0} + {1}, seed {2}, batch {3}")
    @MethodSource("validPairs")
    void recordedGradientsMatchCentralDifferences(Activation output, Loss loss, long seed, int batch) {
        Problem problem = draw(new SplittableRandom(seed * 7919 + output.ordinal() * 31L + loss.ordinal()), output, loss, batch);
        Network network = problem.network();
        Hyperparameters hyper = Hyperparameters.of(loss, new OptimizerSettings.Sgd(LEARNING_RATE));

        StepTrace trace = new Backpropagation().tracedStep(network.copy(), problem.inputs(), problem.targets(), hyper);

        Backpropagation evaluator = new Backpropagation();
        ToDoubleFunction<Network> dataLoss = net -> evaluator.loss(net, problem.inputs(), problem.targets(), loss);
        assertEquals(dataLoss.applyAsDouble(network), trace.loss(), 1e-12, "recorded loss");
        double largest = 0;
        for (int l = 0; l < network.layerCount(); l++) {
            LayerTrace layer = trace.layers().get(l);
            assertEquals(network.layer(l).weightMatrix(), layer.weightsBefore(), "weights before the step, layer " + l);
            assertWeightGradient(network, l, layer.weightGradient(), dataLoss);
            assertBiasGradient(network, l, layer.biasGradient(), dataLoss);
            largest = Math.max(largest, Math.max(layer.weightGradient().maxAbs(), layer.biasGradient().maxAbs()));
        }
        // Well above the ~1e-10 noise of central differences, so a wrong factor anywhere would show.
        assertTrue(largest > 1e-4, "the check needs a gradient that is not (almost) zero, largest was " + largest);
    }

    /** What the step-through view shows per sample must add up to the gradient it shows. */
    @ParameterizedTest(name = "{0} + {1}, seed {2}, batch {3}")
    @MethodSource("validPairs")
    void recordedForwardValuesAndDeltasExplainTheGradients(Activation output, Loss loss, long seed, int batch) {
        Problem problem = draw(new SplittableRandom(seed), output, loss, batch);
        Network network = problem.network();

        StepTrace trace = new Backpropagation().tracedStep(network, problem.inputs(), problem.targets(),
                Hyperparameters.of(loss, new OptimizerSettings.Sgd(LEARNING_RATE)));

        Matrix previous = trace.inputs();
        for (LayerTrace layer : trace.layers()) {
            for (int n = 0; n < layer.size(); n++) {
                double biasSum = 0;
                for (int s = 0; s < batch; s++) {
                    double z = layer.biasesBefore().get(n, 0);
                    for (int i = 0; i < layer.inputSize(); i++) {
                        z += layer.weightsBefore().get(n, i) * previous.get(i, s);
                    }
                    assertEquals(z, layer.z().get(n, s), 1e-12, "z = W·a_prev + b");
                    biasSum += layer.delta().get(n, s);
                }
                assertEquals(biasSum / batch, layer.biasGradient().get(n, 0), 1e-12, "∂L/∂b = mean of δ");
                for (int i = 0; i < layer.inputSize(); i++) {
                    double sum = 0;
                    for (int s = 0; s < batch; s++) {
                        sum += layer.delta().get(n, s) * previous.get(i, s);
                    }
                    assertEquals(sum / batch, layer.weightGradient().get(n, i), 1e-12, "∂L/∂W = mean of δ·a_prevᵀ");
                }
            }
            previous = layer.a();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Regularization.Kind.class, names = {"L1", "L2"})
    void penaltyGradientMatchesCentralDifferencesOfThePenalty(Regularization.Kind kind) {
        for (long seed = 1; seed <= 4; seed++) {
            Problem problem = draw(new SplittableRandom(seed), Activation.SIGMOID, Loss.BINARY_CROSS_ENTROPY, 3);
            Network network = problem.network();
            Regularization penalty = new Regularization(kind, 0.03);
            Hyperparameters hyper = Hyperparameters.of(Loss.BINARY_CROSS_ENTROPY, new OptimizerSettings.Sgd(LEARNING_RATE))
                    .withRegularization(penalty);

            StepTrace trace = new Backpropagation().tracedStep(network.copy(), problem.inputs(), problem.targets(), hyper);

            assertEquals(penalty.penalty(network), trace.penalty(), 1e-15, "recorded penalty");
            Backpropagation evaluator = new Backpropagation();
            ToDoubleFunction<Network> objective = net -> penalty.penalty(net)
                    + evaluator.loss(net, problem.inputs(), problem.targets(), Loss.BINARY_CROSS_ENTROPY);
            for (int l = 0; l < network.layerCount(); l++) {
                LayerTrace layer = trace.layers().get(l);
                assertWeightGradient(network, l, layer.penaltyGradient(), penalty::penalty);
                // SGD steps by −η·∂(L + penalty)/∂W: the penalty reaches the update, and only the weights'.
                assertWeightGradient(network, l, scaled(layer.weightStep(), -1 / LEARNING_RATE), objective);
                assertBiasGradient(network, l, scaled(layer.biasStep(), -1 / LEARNING_RATE), objective);
            }
        }
    }

    /**
     * A net of 1–3 hidden layers of random widths whose hidden activations cycle through every
     * element-wise one, with a batch and matching targets; redrawn while any |z| is within the kink
     * margin or a hidden layer is dead.
     */
    private static Problem draw(SplittableRandom rng, Activation output, Loss loss, int batch) {
        int firstHidden = rng.nextInt(HIDDEN.length);
        while (true) {
            int inputs = rng.nextInt(1, 4);
            int outputs = output == Activation.SOFTMAX ? rng.nextInt(2, 5) : rng.nextInt(1, 4);
            List<LayerSpec> specs = new ArrayList<>();
            int hidden = rng.nextInt(1, 4);
            for (int l = 0; l < hidden; l++) {
                specs.add(new LayerSpec(rng.nextInt(1, 6), HIDDEN[(firstHidden + l) % HIDDEN.length]));
            }
            specs.add(new LayerSpec(outputs, output));
            Network network = Nets.random(rng, inputs, specs);
            DMatrixRMaj x = Nets.uniform(rng, inputs, batch, -2, 2);
            DMatrixRMaj targets = switch (loss) {
                case SOFTMAX_CROSS_ENTROPY -> Nets.oneHot(rng, outputs, batch);
                case BINARY_CROSS_ENTROPY -> binary(Nets.uniform(rng, outputs, batch, 0, 1));
                case SQUARED_ERROR -> Nets.uniform(rng, outputs, batch, -1, 1);
            };
            if (clearOfKinks(network, x) && noDeadLayer(network, x)) {
                return new Problem(network, x, targets);
            }
        }
    }

    private static DMatrixRMaj binary(DMatrixRMaj uniform) {
        for (int i = 0; i < uniform.data.length; i++) {
            uniform.data[i] = uniform.data[i] < 0.5 ? 0 : 1;
        }
        return uniform;
    }

    private static boolean clearOfKinks(Network network, DMatrixRMaj inputs) {
        ForwardPass forward = new ForwardPass();
        forward.run(network, inputs);
        for (int l = 0; l < network.layerCount(); l++) {
            for (double z : forward.z(l).data) {
                if (Math.abs(z) < KINK_MARGIN) {
                    return false;
                }
            }
        }
        return true;
    }

    /** A hidden layer whose every activation is 0 passes no gradient down, leaving the layers below unchecked. */
    private static boolean noDeadLayer(Network network, DMatrixRMaj inputs) {
        ForwardPass forward = new ForwardPass();
        forward.run(network, inputs);
        for (int l = 0; l < network.layerCount() - 1; l++) {
            boolean alive = false;
            for (double a : forward.a(l).data) {
                alive |= a != 0;
            }
            if (!alive) {
                return false;
            }
        }
        return true;
    }

    private static void assertWeightGradient(Network network, int l, Matrix analytic, ToDoubleFunction<Network> objective) {
        Layer layer = network.layer(l);
        for (int n = 0; n < layer.size(); n++) {
            for (int i = 0; i < layer.inputSize(); i++) {
                double original = layer.weight(n, i);
                layer.setWeight(n, i, original + H);
                double plus = objective.applyAsDouble(network);
                layer.setWeight(n, i, original - H);
                double minus = objective.applyAsDouble(network);
                layer.setWeight(n, i, original);
                assertAgrees(analytic.get(n, i), (plus - minus) / (2 * H), "∂/∂W[" + n + "][" + i + "] of layer " + l);
            }
        }
    }

    private static void assertBiasGradient(Network network, int l, Matrix analytic, ToDoubleFunction<Network> objective) {
        Layer layer = network.layer(l);
        for (int n = 0; n < layer.size(); n++) {
            double original = layer.bias(n);
            layer.setBias(n, original + H);
            double plus = objective.applyAsDouble(network);
            layer.setBias(n, original - H);
            double minus = objective.applyAsDouble(network);
            layer.setBias(n, original);
            assertAgrees(analytic.get(n, 0), (plus - minus) / (2 * H), "∂/∂b[" + n + "] of layer " + l);
        }
    }

    private static void assertAgrees(double analytic, double numeric, String what) {
        double error = Math.abs(analytic - numeric) / Math.max(SCALE_FLOOR, Math.abs(analytic) + Math.abs(numeric));
        assertTrue(error < TOLERANCE, what + ": backprop " + analytic + ", central difference " + numeric + ", relative error " + error);
    }

    private static Matrix scaled(Matrix m, double factor) {
        double[] values = m.values();
        for (int i = 0; i < values.length; i++) {
            values[i] *= factor;
        }
        return new Matrix(m.rows(), m.cols(), values);
    }
}
