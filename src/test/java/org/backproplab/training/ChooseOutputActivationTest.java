package org.backproplab.training;

import static org.backproplab.training.XorSession.loss;
import static org.backproplab.training.XorSession.output;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.backproplab.engine.Activation;
import org.backproplab.engine.Loss;
import org.backproplab.engine.Refusal;
import org.junit.jupiter.api.Test;

/** Picking an output activation the loss cannot follow is one command: activation and loss change together, or not at all. */
class ChooseOutputActivationTest {

    private final XorSession xor = new XorSession();

    @Test
    void aLinearOutputBringsSquaredErrorWithItInOneUndoStep() {
        TrainerSnapshot before = xor.snapshot();

        TrainerSnapshot linear = xor.apply(new TrainerCommand.ChooseOutputActivation(Activation.LINEAR));

        assertEquals(Activation.LINEAR, output(linear));
        assertEquals(Activation.LINEAR, linear.lab().network().layer(1).activation(), "the network itself, not only the lesson");
        assertEquals(Loss.SQUARED_ERROR, loss(linear), "cross-entropy cannot follow a linear output");
        assertEquals(before.lab().network().layer(1).weights(), linear.lab().network().layer(1).weights(), "the weights stay");
        assertEquals(new UndoRedo(Optional.of(EditKind.ACTIVATION), Optional.empty()), linear.undoRedo());
    }

    @Test
    void anActivationTheLossCanFollowKeepsTheLoss() {
        xor.apply(new TrainerCommand.SetLoss(Loss.SQUARED_ERROR));

        TrainerSnapshot tanh = xor.apply(new TrainerCommand.ChooseOutputActivation(Activation.TANH));

        assertEquals(Activation.TANH, output(tanh));
        assertEquals(Loss.SQUARED_ERROR, loss(tanh));
    }

    @Test
    void aRefusedChoiceChangesNeitherActivationNorLossAndIsNoUndoStep() {
        TrainerSnapshot before = xor.snapshot();

        // Softmax would bring squared error along, but one output neuron cannot be a softmax.
        xor.session.apply(new TrainerCommand.ChooseOutputActivation(Activation.SOFTMAX));

        TrainerSnapshot after = xor.snapshot();
        Notice.Rejected rejected = assertInstanceOf(Notice.Rejected.class, after.notice().orElseThrow());
        assertEquals(Optional.of(new Refusal.SoftmaxTooFewOutputs(1)), rejected.rule(), "the UI can word the rule");
        assertEquals(Loss.BINARY_CROSS_ENTROPY, loss(after), "the loss did not change without the activation");
        assertEquals(before.settings(), after.settings());
        assertEquals(before.lab().network(), after.lab().network());
        assertEquals(before.undoRedo(), after.undoRedo(), "a refused choice is no undo step");
    }

    @Test
    void oneUndoTakesTheActivationAndTheLossBackAndOneRedoMakesThemAgain() {
        TrainerSnapshot before = xor.snapshot();
        TrainerSnapshot chosen = xor.apply(new TrainerCommand.ChooseOutputActivation(Activation.LINEAR));

        TrainerSnapshot undone = xor.apply(new TrainerCommand.Undo());
        assertEquals(Activation.SIGMOID, output(undone));
        assertEquals(Loss.BINARY_CROSS_ENTROPY, loss(undone), "the loss the choice changed comes back with it");
        assertEquals(before.lab().network(), undone.lab().network());
        assertTrue(undone.undoRedo().undo().isEmpty(), "it was one step");

        TrainerSnapshot redone = xor.apply(new TrainerCommand.Redo());
        assertEquals(Activation.LINEAR, output(redone));
        assertEquals(Loss.SQUARED_ERROR, loss(redone));
        assertEquals(chosen.settings(), redone.settings());
        assertEquals(chosen.lab().network(), redone.lab().network());
    }
}
