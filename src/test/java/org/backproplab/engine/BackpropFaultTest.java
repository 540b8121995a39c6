package org.backproplab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each student mistake a teacher can switch on fails the gradient check, at the parameters it spoils. */
class BackpropFaultTest {

    private final SplittableRandom rng = new SplittableRandom(11);
    private final Network network = Nets.random(rng, 2, List.of(new LayerSpec(4, Activation.TANH),
            new LayerSpec(3, Activation.SIGMOID), new LayerSpec(2, Activation.SIGMOID)));
    private final DMatrixRMaj input = Nets.uniform(rng, 2, 1, -2, 2);
    private final DMatrixRMaj target = Nets.uniform(rng, 2, 1, 0, 1);
    private final Hyperparameters hyper = Hyperparameters.of(Loss.SQUARED_ERROR, new OptimizerSettings.Sgd(0.1));

    private List<GradientCheck.Comparison> failing(BackpropFault fault) {
        return GradientCheck.run(network, input, target, hyper, fault).comparisons().stream()
                .filter(comparison -> !comparison.passes()).toList();
    }

    private List<GradientCheck.Comparison> matching(Predicate<GradientCheck.Parameter> which) {
        return GradientCheck.run(network, input, target, hyper).comparisons().stream()
                .filter(comparison -> which.test(comparison.parameter())).toList();
    }

    private static List<GradientCheck.Parameter> parameters(List<GradientCheck.Comparison> comparisons) {
        return comparisons.stream().map(GradientCheck.Comparison::parameter).toList();
    }

    @Test
    void withoutAFaultTheCheckPasses() {
        assertTrue(failing(BackpropFault.NONE).isEmpty());
    }

    @ParameterizedTest
    @EnumSource(value = BackpropFault.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void everyFaultFailsTheCheck(BackpropFault fault) {
        assertFalse(GradientCheck.run(network, input, target, hyper, fault).passed());
    }

    @Test
    void forgettingTheDerivativeSpoilsTheHiddenLayersAndLeavesTheOutputLayerRight() {
        List<GradientCheck.Parameter> spoiled = parameters(failing(BackpropFault.FORGOTTEN_DERIVATIVE));

        assertTrue(spoiled.stream().noneMatch(parameter -> parameter.layer() == 2), "the output layer's δ needs no hidden f′");
        assertTrue(spoiled.stream().anyMatch(parameter -> parameter.layer() == 0));
        assertTrue(spoiled.stream().anyMatch(parameter -> parameter.layer() == 1));
    }

    @Test
    void aMissingBiasGradientSpoilsEveryBiasAndNoWeight() {
        assertEquals(parameters(matching(parameter -> parameter instanceof GradientCheck.Parameter.Bias)),
                parameters(failing(BackpropFault.MISSING_BIAS_GRADIENT)));
    }

    @Test
    void aFlippedErrorSignGivesEveryGradientTheOppositeSign() {
        List<GradientCheck.Comparison> flipped = GradientCheck.run(network, input, target, hyper,
                BackpropFault.FLIPPED_ERROR_SIGN).comparisons();
        List<GradientCheck.Comparison> correct = GradientCheck.run(network, input, target, hyper).comparisons();

        for (int i = 0; i < correct.size(); i++) {
            assertEquals(-correct.get(i).analytic(), flipped.get(i).analytic(), 1e-12);
            assertEquals(correct.get(i).numeric(), flipped.get(i).numeric(), "the numeric side never changes");
        }
    }

    @Test
    void aFaultyCheckLeavesTheNextTrainingStepCorrect() {
        Network trained = network.copy();
        Network reference = network.copy();
        Backpropagation shared = new Backpropagation();
        shared.gradients(trained, input, target, hyper, BackpropFault.FLIPPED_ERROR_SIGN);
        shared.step(trained, input, target, hyper);
        new Backpropagation().step(reference, input, target, hyper);

        for (int l = 0; l < trained.layerCount(); l++) {
            assertEquals(reference.layer(l).weightMatrix(), trained.layer(l).weightMatrix());
        }
    }
}
