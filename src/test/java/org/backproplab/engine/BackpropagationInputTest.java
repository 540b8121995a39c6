package org.backproplab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** A mismatched lesson must get a message naming the problem, not a stack trace from deep in EJML. */
class BackpropagationInputTest {

    private final Network network = Nets.random(new SplittableRandom(1), 2,
            List.of(new LayerSpec(3, Activation.RELU), new LayerSpec(1, Activation.TANH)));
    private final Hyperparameters squaredError = Hyperparameters.of(Loss.SQUARED_ERROR, new OptimizerSettings.Sgd(0.1));

    @Test
    void refusesALossThatCannotFollowTheOutputActivation() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Backpropagation().step(network,
                new DMatrixRMaj(2, 1), new DMatrixRMaj(1, 1), squaredError.withLoss(Loss.BINARY_CROSS_ENTROPY)));
        assertEquals("binary-cross-entropy cannot follow a tanh output layer", e.getMessage());
    }

    @Test
    void refusesABatchOfTheWrongWidth() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Backpropagation().step(network, new DMatrixRMaj(3, 1), new DMatrixRMaj(1, 1), squaredError));
        assertTrue(e.getMessage().contains("takes 2 inputs"), e.getMessage());
    }

    @Test
    void refusesTargetsOfTheWrongShape() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Backpropagation().step(network, new DMatrixRMaj(2, 4), new DMatrixRMaj(2, 4), squaredError));
        assertTrue(e.getMessage().contains("expected 1x4"), e.getMessage());
    }

    @Test
    void refusesARejectedStepWithoutTouchingTheNetwork() {
        Network before = network.copy();
        assertThrows(IllegalArgumentException.class,
                () -> new Backpropagation().step(network, new DMatrixRMaj(2, 4), new DMatrixRMaj(2, 4), squaredError));
        assertEquals(before.outputLayer().weightMatrix(), network.outputLayer().weightMatrix());
    }
}
