package org.backproplab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The engine's training step against a plain reference kept here: every step of a few hundred,
 * computed with EJML's routines and one {@code value}/{@code slope} call per element, as the engine
 * did before its loops were specialised per activation. Loss and every weight must agree to 1e-12
 * relative, so any faster path must keep every number a trace shows.
 */
class FastPathEquivalenceTest {

    private static final int STEPS = 300;
    private static final double RELATIVE = 1e-12;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("2-8x6-1 tanh, squared error, SGD (the benchmark)",
                        shape(8, 8, 8, 8, 8, 8), Activation.TANH, Activation.TANH, Loss.SQUARED_ERROR,
                        Hyperparameters.of(Loss.SQUARED_ERROR, new OptimizerSettings.Sgd(0.03)), 10, 1),
                Arguments.of("2-4-2-1 tanh, squared error, SGD", shape(4, 2), Activation.TANH, Activation.TANH,
                        Loss.SQUARED_ERROR, Hyperparameters.of(Loss.SQUARED_ERROR, new OptimizerSettings.Sgd(0.03)), 10, 1),
                Arguments.of("3-8-6-3 relu, softmax cross-entropy, Adam, L2, clipping", shape(8, 6), Activation.RELU,
                        Activation.SOFTMAX, Loss.SOFTMAX_CROSS_ENTROPY,
                        Hyperparameters.of(Loss.SOFTMAX_CROSS_ENTROPY, new OptimizerSettings.Adam(0.01))
                                .withRegularization(new Regularization(Regularization.Kind.L2, 1e-3))
                                .withGradientClipNorm(0.5), 16, 3),
                Arguments.of("2-5-5-1 sigmoid, binary cross-entropy, momentum, L1", shape(5, 5), Activation.SIGMOID,
                        Activation.SIGMOID, Loss.BINARY_CROSS_ENTROPY,
                        Hyperparameters.of(Loss.BINARY_CROSS_ENTROPY, new OptimizerSettings.Momentum(0.05, 0.9))
                                .withRegularization(new Regularization(Regularization.Kind.L1, 1e-3)), 7, 1),
                Arguments.of("4-20-2 leaky ReLU, linear out, squared error, SGD, batch 1, fixed biases", shape(20),
                        Activation.LEAKY_RELU, Activation.LINEAR, Loss.SQUARED_ERROR,
                        Hyperparameters.of(Loss.SQUARED_ERROR, new OptimizerSettings.Sgd(0.01)).withTrainBiases(false), 1, 2),
                Arguments.of("2-16-16-1 tanh then sigmoid, squared error, Adam, batch 32", shape(16, 16), Activation.TANH,
                        Activation.SIGMOID, Loss.SQUARED_ERROR,
                        Hyperparameters.of(Loss.SQUARED_ERROR, new OptimizerSettings.Adam(0.003)), 32, 1),
                Arguments.of("2-6-4-1 tanh, squared error, RMSprop, L2, batch 8", shape(6, 4), Activation.TANH,
                        Activation.TANH, Loss.SQUARED_ERROR,
                        Hyperparameters.of(Loss.SQUARED_ERROR, new OptimizerSettings.RmsProp(0.01, 0.8, 1e-6))
                                .withRegularization(new Regularization(Regularization.Kind.L2, 1e-3)), 8, 1));
    }

    private static List<Integer> shape(Integer... hidden) {
        return List.of(hidden);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyStepGivesTheReferenceNumbers(String name, List<Integer> hidden, Activation hiddenActivation,
            Activation output, Loss loss, Hyperparameters hyper, int batch, int outputs) {
        SplittableRandom rng = new SplittableRandom(name.hashCode());
        int inputs = name.startsWith("3") ? 3 : name.startsWith("4") ? 4 : 2;
        List<LayerSpec> specs = new ArrayList<>();
        hidden.forEach(size -> specs.add(new LayerSpec(size, hiddenActivation)));
        specs.add(new LayerSpec(outputs, output));
        Network network = Nets.random(rng, inputs, specs);
        Reference reference = new Reference(network.copy());
        Backpropagation backpropagation = new Backpropagation();

        for (int step = 0; step < STEPS; step++) {
            DMatrixRMaj x = Nets.uniform(rng, inputs, batch, -2, 2);
            DMatrixRMaj t = output == Activation.SOFTMAX ? Nets.oneHot(rng, outputs, batch)
                    : output == Activation.SIGMOID ? Nets.uniform(rng, outputs, batch, 0, 1)
                    : Nets.uniform(rng, outputs, batch, -1, 1);
            double expectedLoss = reference.step(x, t, hyper);
            double actualLoss = backpropagation.step(network, x, t, hyper);
            assertClose(expectedLoss, actualLoss, name + ", loss of step " + step);
            for (int l = 0; l < network.layerCount(); l++) {
                Layer fast = network.layer(l);
                Layer slow = reference.network.layer(l);
                for (int n = 0; n < fast.size(); n++) {
                    assertClose(slow.bias(n), fast.bias(n), name + ", step " + step + ", b" + l + "," + n);
                    for (int i = 0; i < fast.inputSize(); i++) {
                        assertClose(slow.weight(n, i), fast.weight(n, i), name + ", step " + step + ", w" + l + "," + n + "," + i);
                    }
                }
            }
        }
        DMatrixRMaj probe = Nets.uniform(rng, inputs, 1, -2, 2);
        double[] expected = reference.forward(probe).data;
        double[] actual = network.predict(probe.data);
        for (int o = 0; o < outputs; o++) {
            assertClose(expected[o], actual[o], name + ", prediction " + o);
        }
    }

    private static void assertClose(double expected, double actual, String what) {
        assertTrue(Double.isFinite(expected), what + " diverged in the reference");
        if (expected != actual) {
            assertEquals(expected, actual, RELATIVE * Math.abs(expected), what);
        }
    }

    /** The step as the engine computed it before its loops were fused: EJML's routines throughout. */
    private static final class Reference {
        final Network network;
        final List<DMatrixRMaj> z = new ArrayList<>();
        final List<DMatrixRMaj> a = new ArrayList<>();
        final List<DMatrixRMaj> first = new ArrayList<>();
        final List<DMatrixRMaj> second = new ArrayList<>();
        final List<Long> steps = new ArrayList<>();

        Reference(Network network) {
            this.network = network;
            for (int l = 0; l < network.layerCount(); l++) {
                Layer layer = network.layer(l);
                for (DMatrixRMaj shape : List.of(layer.weights(), layer.biases())) {
                    first.add(new DMatrixRMaj(shape.numRows, shape.numCols));
                    second.add(new DMatrixRMaj(shape.numRows, shape.numCols));
                    steps.add(0L);
                }
            }
        }

        DMatrixRMaj forward(DMatrixRMaj inputs) {
            z.clear();
            a.clear();
            DMatrixRMaj previous = inputs;
            for (int l = 0; l < network.layerCount(); l++) {
                Layer layer = network.layer(l);
                DMatrixRMaj zl = new DMatrixRMaj(layer.size(), inputs.numCols);
                CommonOps_DDRM.mult(layer.weights(), previous, zl);
                for (int r = 0; r < zl.numRows; r++) {
                    for (int c = 0; c < zl.numCols; c++) {
                        zl.set(r, c, zl.get(r, c) + layer.bias(r));
                    }
                }
                DMatrixRMaj al = new DMatrixRMaj(zl.numRows, zl.numCols);
                if (layer.activation() == Activation.SOFTMAX) {
                    layer.activation().apply(zl, al);
                } else {
                    for (int i = 0; i < zl.data.length; i++) {
                        al.data[i] = layer.activation().value(zl.data[i]);
                    }
                }
                z.add(zl);
                a.add(al);
                previous = al;
            }
            return previous;
        }

        double step(DMatrixRMaj inputs, DMatrixRMaj targets, Hyperparameters hyper) {
            int batch = inputs.numCols;
            int last = network.layerCount() - 1;
            forward(inputs);
            double loss = hyper.loss().meanLoss(z.get(last), a.get(last), targets);
            List<DMatrixRMaj> deltas = new ArrayList<>();
            for (int l = 0; l <= last; l++) {
                deltas.add(null);
            }
            DMatrixRMaj delta = new DMatrixRMaj(targets.numRows, batch);
            CommonOps_DDRM.subtract(a.get(last), targets, delta);
            if (hyper.loss().requiredOutput().isEmpty()) {
                if (network.outputLayer().activation() == Activation.SOFTMAX) {
                    Activation.SOFTMAX.backpropagate(z.get(last), a.get(last), delta, delta);
                } else {
                    for (int i = 0; i < delta.data.length; i++) {
                        delta.data[i] = network.outputLayer().activation().slope(z.get(last).data[i], a.get(last).data[i]) * delta.data[i];
                    }
                }
            }
            deltas.set(last, delta);
            for (int l = last; l > 0; l--) {
                DMatrixRMaj below = new DMatrixRMaj(network.layer(l - 1).size(), batch);
                CommonOps_DDRM.multTransA(network.layer(l).weights(), deltas.get(l), below);
                Activation f = network.layer(l - 1).activation();
                for (int i = 0; i < below.data.length; i++) {
                    below.data[i] = f.slope(z.get(l - 1).data[i], a.get(l - 1).data[i]) * below.data[i];
                }
                deltas.set(l - 1, below);
            }
            List<DMatrixRMaj> gradients = new ArrayList<>();
            double squaredNorm = 0;
            for (int l = 0; l <= last; l++) {
                Layer layer = network.layer(l);
                DMatrixRMaj previous = l == 0 ? inputs : a.get(l - 1);
                DMatrixRMaj weightGradient = new DMatrixRMaj(layer.size(), layer.inputSize());
                CommonOps_DDRM.multTransB(1.0 / batch, deltas.get(l), previous, weightGradient);
                if (hyper.regularization().isActive()) {
                    DMatrixRMaj penalty = new DMatrixRMaj(weightGradient.numRows, weightGradient.numCols);
                    hyper.regularization().gradient(layer.weights(), penalty);
                    CommonOps_DDRM.addEquals(weightGradient, penalty);
                }
                DMatrixRMaj biasGradient = new DMatrixRMaj(layer.size(), 1);
                for (int r = 0; r < layer.size(); r++) {
                    double sum = 0;
                    for (int c = 0; c < batch; c++) {
                        sum += deltas.get(l).get(r, c);
                    }
                    biasGradient.set(r, 0, sum / batch);
                }
                gradients.add(weightGradient);
                gradients.add(biasGradient);
                squaredNorm += CommonOps_DDRM.elementSum(CommonOps_DDRM.elementMult(weightGradient, weightGradient, null));
                if (hyper.trainBiases()) {
                    squaredNorm += CommonOps_DDRM.elementSum(CommonOps_DDRM.elementMult(biasGradient, biasGradient, null));
                }
            }
            double clip = hyper.gradientClipNorm();
            double norm = Math.sqrt(squaredNorm);
            double scale = clip > 0 && norm > clip ? clip / norm : 1.0;
            for (int slot = 0; slot < gradients.size(); slot++) {
                boolean bias = slot % 2 == 1;
                if (bias && !hyper.trainBiases()) {
                    continue;
                }
                DMatrixRMaj g = gradients.get(slot);
                if (scale != 1) {
                    CommonOps_DDRM.scale(scale, g);
                }
                Layer layer = network.layer(slot / 2);
                update(slot, hyper.optimizer(), g, bias ? layer.biases() : layer.weights());
            }
            return loss;
        }

        private void update(int slot, OptimizerSettings settings, DMatrixRMaj g, DMatrixRMaj parameters) {
            long t = steps.get(slot) + 1;
            steps.set(slot, t);
            double eta = settings.learningRate();
            double[] m = first.get(slot).data;
            double[] v = second.get(slot).data;
            for (int i = 0; i < g.data.length; i++) {
                double step = switch (settings) {
                    case OptimizerSettings.Sgd sgd -> -eta * g.data[i];
                    case OptimizerSettings.Momentum momentum -> m[i] = momentum.momentum() * m[i] - eta * g.data[i];
                    case OptimizerSettings.Adam adam -> {
                        m[i] = adam.beta1() * m[i] + (1 - adam.beta1()) * g.data[i];
                        v[i] = adam.beta2() * v[i] + (1 - adam.beta2()) * g.data[i] * g.data[i];
                        double mHat = m[i] / (1 - Math.pow(adam.beta1(), t));
                        double vHat = v[i] / (1 - Math.pow(adam.beta2(), t));
                        yield -eta * mHat / (Math.sqrt(vHat) + adam.epsilon());
                    }
                    case OptimizerSettings.RmsProp rmsProp -> {
                        v[i] = rmsProp.rho() * v[i] + (1 - rmsProp.rho()) * g.data[i] * g.data[i];
                        yield -eta * g.data[i] / (Math.sqrt(v[i]) + rmsProp.epsilon());
                    }
                };
                parameters.data[i] += step;
            }
        }
    }
}
