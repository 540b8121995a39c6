package org.backproplab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import org.backproplab.trace.LayerTrace;
import org.backproplab.trace.Matrix;
import org.backproplab.trace.OptimizerState;
import org.backproplab.trace.StepTrace;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each optimizer's steps recomputed by hand from the gradients the trace recorded: what a student
 * does with the formula on the slide.
 */
class OptimizerTest {

    private static final double ETA = 0.1;
    private static final double MU = 0.9;
    private static final double EXACT = 1e-15;

    private final Backpropagation backpropagation = new Backpropagation();
    private Network network;
    private DMatrixRMaj inputs;
    private DMatrixRMaj targets;

    @BeforeEach
    void tinyNet() {
        SplittableRandom rng = new SplittableRandom(42);
        network = Nets.random(rng, 2, List.of(new LayerSpec(3, Activation.TANH), new LayerSpec(1, Activation.SIGMOID)));
        inputs = Nets.uniform(rng, 2, 2, -1, 1);
        targets = Nets.rows(new double[] {0, 1});
    }

    private StepTrace step(OptimizerSettings optimizer) {
        return step(Hyperparameters.of(Loss.BINARY_CROSS_ENTROPY, optimizer));
    }

    private StepTrace step(Hyperparameters hyper) {
        return backpropagation.tracedStep(network, inputs, targets, hyper);
    }

    @Test
    void sgdStepsAgainstTheGradientTwice() {
        StepTrace first = step(new OptimizerSettings.Sgd(ETA));
        StepTrace second = step(new OptimizerSettings.Sgd(ETA));

        for (StepTrace trace : List.of(first, second)) {
            for (LayerTrace layer : trace.layers()) {
                assertMatrix(combine(layer.weightsBefore(), layer.weightGradient(), (w, g) -> w - ETA * g), layer.weightsAfter());
                assertMatrix(combine(layer.biasesBefore(), layer.biasGradient(), (b, g) -> b - ETA * g), layer.biasesAfter());
                assertInstanceOf(OptimizerState.Stateless.class, layer.optimizerStateAfter());
            }
        }
        assertEquals(first.layers().get(0).weightsAfter(), second.layers().get(0).weightsBefore(), "steps chain");
    }

    @Test
    void momentumCarriesVelocityIntoTheNextStep() {
        StepTrace first = step(new OptimizerSettings.Momentum(ETA, MU));
        StepTrace second = step(new OptimizerSettings.Momentum(ETA, MU));

        for (int l = 0; l < network.layerCount(); l++) {
            LayerTrace one = first.layers().get(l);
            LayerTrace two = second.layers().get(l);
            Matrix v1 = scale(one.weightGradient(), -ETA);
            Matrix v2 = combine(v1, two.weightGradient(), (v, g) -> MU * v - ETA * g);
            assertMatrix(v1, one.weightStep());
            assertMatrix(v2, two.weightStep());
            assertMatrix(combine(two.weightsBefore(), v2, Double::sum), two.weightsAfter());
            OptimizerState.Velocity velocity = assertInstanceOf(OptimizerState.Velocity.class, two.optimizerStateAfter());
            assertMatrix(v2, velocity.weights());
            Matrix biasV2 = combine(scale(one.biasGradient(), -ETA), two.biasGradient(), (v, g) -> MU * v - ETA * g);
            assertMatrix(biasV2, two.biasStep());
            assertMatrix(biasV2, velocity.biases());
        }
    }

    @Test
    void adamFirstStepIsAboutMinusEtaTimesTheSignOfTheGradient() {
        StepTrace first = step(new OptimizerSettings.Adam(ETA));
        for (LayerTrace layer : first.layers()) {
            assertMatrix(map(layer.weightGradient(), g -> -ETA * Math.signum(g)), layer.weightStep(), 1e-6);
            assertMatrix(map(layer.biasGradient(), g -> -ETA * Math.signum(g)), layer.biasStep(), 1e-6);
        }
    }

    @Test
    void adamSecondStepUsesBiasCorrectedMoments() {
        OptimizerSettings.Adam adam = new OptimizerSettings.Adam(ETA, 0.8, 0.95, 1e-8);
        StepTrace first = step(adam);
        StepTrace second = step(adam);

        for (int l = 0; l < network.layerCount(); l++) {
            double[] g1 = first.layers().get(l).weightGradient().values();
            double[] g2 = second.layers().get(l).weightGradient().values();
            double[] expected = new double[g1.length];
            double[] m = new double[g1.length];
            double[] v = new double[g1.length];
            for (int i = 0; i < g1.length; i++) {
                double m1 = 0.2 * g1[i];
                double v1 = 0.05 * g1[i] * g1[i];
                m[i] = 0.8 * m1 + 0.2 * g2[i];
                v[i] = 0.95 * v1 + 0.05 * g2[i] * g2[i];
                double mHat = m[i] / (1 - 0.8 * 0.8);
                double vHat = v[i] / (1 - 0.95 * 0.95);
                expected[i] = -ETA * mHat / (Math.sqrt(vHat) + 1e-8);
            }
            LayerTrace two = second.layers().get(l);
            assertArrayEquals(expected, two.weightStep().values(), 1e-12, "Adam's second step, layer " + l);
            OptimizerState.AdamMoments moments = assertInstanceOf(OptimizerState.AdamMoments.class, two.optimizerStateAfter());
            assertArrayEquals(m, moments.weightMean().values(), 1e-15);
            assertArrayEquals(v, moments.weightVariance().values(), 1e-15);
            assertEquals(2, moments.weightStepCount());
            assertEquals(2, moments.biasStepCount());
        }
    }

    @Test
    void eachStepRecordsTheMemoryItStartedFromWhichIsTheMemoryTheStepBeforeLeft() {
        for (OptimizerSettings optimizer : List.<OptimizerSettings>of(
                new OptimizerSettings.Momentum(ETA, MU), new OptimizerSettings.Adam(ETA), new OptimizerSettings.RmsProp(ETA))) {
            // Switching kind starts the memory afresh, so each optimizer begins from rest.
            List<StepTrace> steps = List.of(step(optimizer), step(optimizer), step(optimizer));
            for (int l = 0; l < network.layerCount(); l++) {
                OptimizerState start = steps.getFirst().layers().get(l).optimizerStateBefore();
                switch (start) {
                    case OptimizerState.Velocity(Matrix weights, Matrix biases) -> {
                        assertEquals(0, weights.norm());
                        assertEquals(0, biases.norm());
                    }
                    case OptimizerState.AdamMoments(Matrix m, Matrix v, Matrix bm, Matrix bv, long t, long biasT) -> {
                        assertEquals(0, m.norm() + v.norm() + bm.norm() + bv.norm());
                        assertEquals(0, t, "Adam has seen no step yet");
                        assertEquals(0, biasT, "Adam has seen no step yet");
                    }
                    case OptimizerState.SquaredGradientMean(Matrix weights, Matrix biases) ->
                            assertEquals(0, weights.norm() + biases.norm());
                    case OptimizerState.Stateless() -> throw new AssertionError(optimizer.id() + " recorded no memory");
                }
                for (int k = 1; k < steps.size(); k++) {
                    // Record equality compares every double bit for bit (Matrix uses Arrays.equals).
                    assertEquals(steps.get(k - 1).layers().get(l).optimizerStateAfter(),
                            steps.get(k).layers().get(l).optimizerStateBefore(), optimizer.id() + " step " + k + ", layer " + l);
                }
            }
        }
    }

    @Test
    void changingOnlyTheLearningRateKeepsMomentumMemory() {
        StepTrace first = step(new OptimizerSettings.Momentum(ETA, MU));
        StepTrace second = step(new OptimizerSettings.Momentum(ETA / 2, MU));

        LayerTrace one = first.outputLayer();
        LayerTrace two = second.outputLayer();
        assertMatrix(combine(one.weightStep(), two.weightGradient(), (v, g) -> MU * v - ETA / 2 * g), two.weightStep());
    }

    @Test
    void switchingTheKindOfOptimizerStartsItsMemoryAfresh() {
        step(new OptimizerSettings.Momentum(ETA, MU));
        step(new OptimizerSettings.Sgd(ETA));
        StepTrace momentumAgain = step(new OptimizerSettings.Momentum(ETA, MU));
        StepTrace adam = step(new OptimizerSettings.Adam(ETA));

        LayerTrace restarted = momentumAgain.outputLayer();
        assertMatrix(scale(restarted.weightGradient(), -ETA), restarted.weightStep());
        assertEquals(0, assertInstanceOf(OptimizerState.Velocity.class, restarted.optimizerStateBefore()).weights().norm(),
                "the trace shows the fresh memory the step used, not the velocity of the earlier momentum steps");
        LayerTrace fresh = adam.outputLayer();
        assertMatrix(map(fresh.weightGradient(), g -> -ETA * Math.signum(g)), fresh.weightStep(), 1e-6);
        assertEquals(1, assertInstanceOf(OptimizerState.AdamMoments.class, fresh.optimizerStateAfter()).weightStepCount());
    }

    @Test
    void biasesThatStartTrainingLateGetAFreshAdamStep() {
        Hyperparameters fixedBiases = Hyperparameters.of(Loss.BINARY_CROSS_ENTROPY, new OptimizerSettings.Adam(ETA))
                .withTrainBiases(false);
        for (int i = 0; i < 50; i++) {
            step(fixedBiases);
        }
        StepTrace first = step(fixedBiases.withTrainBiases(true));

        for (LayerTrace layer : first.layers()) {
            assertMatrix(map(layer.biasGradient(), OptimizerTest::adamFirstStep), layer.biasStep(), 1e-12);
        }
    }

    @Test
    void clippingScalesEveryGradientByClipOverTheJointNorm() {
        Hyperparameters hyper = Hyperparameters.of(Loss.BINARY_CROSS_ENTROPY, new OptimizerSettings.Sgd(ETA))
                .withRegularization(new Regularization(Regularization.Kind.L2, 0.1));
        double norm = jointNorm(backpropagation.tracedStep(network.copy(), inputs, targets, hyper), true);
        double clip = norm / 4;

        StepTrace clipped = step(hyper.withGradientClipNorm(clip));

        assertEquals(clip / norm, clipped.gradientScale(), 1e-12);
        double scale = clipped.gradientScale();
        double stepNorm = 0;
        for (LayerTrace layer : clipped.layers()) {
            Matrix gradient = combine(layer.weightGradient(), layer.penaltyGradient(), Double::sum);
            assertMatrix(scale(gradient, -ETA * scale), layer.weightStep());
            assertMatrix(scale(layer.biasGradient(), -ETA * scale), layer.biasStep());
            stepNorm += squared(layer.weightStep()) + squared(layer.biasStep());
        }
        assertEquals(ETA * clip, Math.sqrt(stepNorm), 1e-12, "the clipped step has length η·clip");
    }

    @Test
    void clippingLeavesGradientsWithinTheLimitAlone() {
        StepTrace trace = step(Hyperparameters.of(Loss.BINARY_CROSS_ENTROPY, new OptimizerSettings.Sgd(ETA))
                .withGradientClipNorm(1e6));

        assertEquals(1.0, trace.gradientScale());
        LayerTrace output = trace.outputLayer();
        assertMatrix(scale(output.weightGradient(), -ETA), output.weightStep());
    }

    @Test
    void fixedBiasesDoNotCountTowardsTheClippedNorm() {
        Hyperparameters hyper = Hyperparameters.of(Loss.BINARY_CROSS_ENTROPY, new OptimizerSettings.Sgd(ETA))
                .withTrainBiases(false);
        double weightNorm = jointNorm(backpropagation.tracedStep(network.copy(), inputs, targets, hyper), false);

        StepTrace clipped = step(hyper.withGradientClipNorm(weightNorm / 2));

        assertEquals(0.5, clipped.gradientScale(), 1e-12);
    }

    @Test
    void fixedBiasesStayExactlyUnchangedWhileWeightsMove() {
        for (OptimizerSettings optimizer : List.<OptimizerSettings>of(
                new OptimizerSettings.Sgd(ETA), new OptimizerSettings.Momentum(ETA, MU), new OptimizerSettings.Adam(ETA))) {
            Network start = network.copy();
            Hyperparameters hyper = Hyperparameters.of(Loss.BINARY_CROSS_ENTROPY, optimizer).withTrainBiases(false)
                    .withRegularization(new Regularization(Regularization.Kind.L2, 0.1));
            for (int i = 0; i < 3; i++) {
                StepTrace trace = step(hyper);
                assertFalse(trace.biasesTrained(), "the trace says biases are fixed");
            }
            for (int l = 0; l < network.layerCount(); l++) {
                assertEquals(start.layer(l).biasVector(), network.layer(l).biasVector(), optimizer.id() + " moved a fixed bias");
                assertNotEquals(start.layer(l).weightMatrix(), network.layer(l).weightMatrix(), optimizer.id() + " left weights still");
            }
        }
    }

    /** Adam's first step from fresh memory: m̂ = g and v̂ = g², so Δθ = −η·g / (|g| + ε). */
    private static double adamFirstStep(double gradient) {
        return -ETA * gradient / (Math.abs(gradient) + OptimizerSettings.Adam.DEFAULT_EPSILON);
    }

    private static double jointNorm(StepTrace trace, boolean withBiases) {
        double sum = 0;
        for (LayerTrace layer : trace.layers()) {
            sum += squared(combine(layer.weightGradient(), layer.penaltyGradient(), Double::sum));
            sum += withBiases ? squared(layer.biasGradient()) : 0;
        }
        return Math.sqrt(sum);
    }

    private static double squared(Matrix m) {
        return m.norm() * m.norm();
    }

    private static Matrix combine(Matrix a, Matrix b, DoubleBinaryOperator op) {
        double[] x = a.values();
        double[] y = b.values();
        for (int i = 0; i < x.length; i++) {
            x[i] = op.applyAsDouble(x[i], y[i]);
        }
        return new Matrix(a.rows(), a.cols(), x);
    }

    private static Matrix map(Matrix a, DoubleUnaryOperator op) {
        double[] x = a.values();
        for (int i = 0; i < x.length; i++) {
            x[i] = op.applyAsDouble(x[i]);
        }
        return new Matrix(a.rows(), a.cols(), x);
    }

    private static Matrix scale(Matrix a, double factor) {
        return map(a, x -> factor * x);
    }

    private static void assertMatrix(Matrix expected, Matrix actual) {
        assertMatrix(expected, actual, EXACT);
    }

    private static void assertMatrix(Matrix expected, Matrix actual, double tolerance) {
        assertEquals(expected.rows(), actual.rows());
        assertEquals(expected.cols(), actual.cols());
        assertArrayEquals(expected.values(), actual.values(), tolerance, () -> "expected " + expected + " but was " + actual);
    }
}
