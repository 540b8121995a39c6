package org.backproplab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.backproplab.trace.Matrix;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** The gradient check a teacher runs in class: it must pass on backprop and catch a wrong gradient. */
class GradientCheckCheckerTest {

    private final SplittableRandom rng = new SplittableRandom(3);
    private final Network network = Nets.random(rng, 2, List.of(new LayerSpec(4, Activation.TANH),
            new LayerSpec(3, Activation.SIGMOID), new LayerSpec(1, Activation.SIGMOID)));
    private final DMatrixRMaj inputs = Nets.uniform(rng, 2, 5, -2, 2);
    private final DMatrixRMaj targets = Nets.uniform(rng, 1, 5, 0, 1);
    private final Hyperparameters hyper = Hyperparameters.of(Loss.BINARY_CROSS_ENTROPY, new OptimizerSettings.Sgd(0.1))
            .withRegularization(new Regularization(Regularization.Kind.L2, 0.01));

    @Test
    void backpropagationPassesAndEveryParameterIsCompared() {
        GradientCheck.Result result = GradientCheck.run(network, inputs, targets, hyper);

        assertTrue(result.passed(), "worst relative error " + result.worstRelativeError());
        assertEquals(network.parameterCount(), result.comparisons().size());
        assertTrue(result.worstRelativeError() < 1e-6);
    }

    @Test
    void theCheckChangesNoWeight() {
        Network before = network.copy();
        GradientCheck.run(network, inputs, targets, hyper);
        for (int l = 0; l < network.layerCount(); l++) {
            assertEquals(before.layer(l).weightMatrix(), network.layer(l).weightMatrix());
            assertEquals(before.layer(l).biasVector(), network.layer(l).biasVector());
        }
    }

    @Test
    void aDeliberatelyWrongGradientFailsAtExactlyThatParameter() {
        List<LayerGradient> gradients = new ArrayList<>(new Backpropagation().gradients(network, inputs, targets, hyper));
        LayerGradient hidden = gradients.get(1);
        double[][] wrong = hidden.weights().toArray();
        wrong[2][1] *= 1.01;
        gradients.set(1, new LayerGradient(Matrix.of(wrong), hidden.biases()));

        GradientCheck.Result result = GradientCheck.compare(gradients, network, inputs, targets, hyper);

        assertFalse(result.passed());
        List<GradientCheck.Parameter> failing = result.comparisons().stream()
                .filter(c -> !c.passes()).map(GradientCheck.Comparison::parameter).toList();
        assertEquals(List.of(new GradientCheck.Parameter.Weight(1, 2, 1)), failing);
    }

    @Test
    void aGradientMissingThePenaltyFails() {
        Hyperparameters withoutPenalty = hyper.withRegularization(Regularization.NONE);
        List<LayerGradient> dataOnly = new Backpropagation().gradients(network, inputs, targets, withoutPenalty);

        assertFalse(GradientCheck.compare(dataOnly, network, inputs, targets, hyper).passed());
    }
}
