package org.backproplab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.backproplab.engine.Activation;
import org.backproplab.engine.Loss;
import org.backproplab.engine.Refusal;
import org.backproplab.fixtures.TestLessons;
import org.junit.jupiter.api.Test;

/** Picking an output activation the loss cannot follow is one command: activation and loss change together, or not at all. */
class ChooseOutputActivationTest {

    /** XOR through a sigmoid output under binary cross-entropy, which needs that sigmoid. */
    private final LabSession session = new LabSession(TestLessons.xor(), 4);
    private long version;

    private TrainerSnapshot snapshot() {
        return session.snapshot(++version);
    }

    private TrainerSnapshot apply(TrainerCommand command) {
        session.apply(command);
        TrainerSnapshot after = snapshot();
        assertTrue(after.notice().isEmpty(), () -> command + " should apply, but: " + after.notice());
        return after;
    }

    private static Activation output(TrainerSnapshot snapshot) {
        return snapshot.settings().layers().getLast().activation();
    }

    private static Loss loss(TrainerSnapshot snapshot) {
        return snapshot.settings().hyperparameters().loss();
    }

    @Test
    void aLinearOutputBringsSquaredErrorWithItInOneUndoStep() {
        TrainerSnapshot before = snapshot();

        TrainerSnapshot linear = apply(new TrainerCommand.ChooseOutputActivation(Activation.LINEAR));

        assertEquals(Activation.LINEAR, output(linear));
        assertEquals(Activation.LINEAR, linear.lab().network().layer(1).activation(), "the network itself, not only the lesson");
        assertEquals(Loss.SQUARED_ERROR, loss(linear), "cross-entropy cannot follow a linear output");
        assertEquals(before.lab().network().layer(1).weights(), linear.lab().network().layer(1).weights(), "the weights stay");
        assertEquals(new UndoRedo(Optional.of(EditKind.ACTIVATION), Optional.empty()), linear.undoRedo());
    }

    @Test
    void anActivationTheLossCanFollowKeepsTheLoss() {
        apply(new TrainerCommand.SetLoss(Loss.SQUARED_ERROR));

        TrainerSnapshot tanh = apply(new TrainerCommand.ChooseOutputActivation(Activation.TANH));

        assertEquals(Activation.TANH, output(tanh));
        assertEquals(Loss.SQUARED_ERROR, loss(tanh));
    }

    @Test
    void aRefusedChoiceChangesNeitherActivationNorLossAndIsNoUndoStep() {
        TrainerSnapshot before = snapshot();

        // Softmax would bring squared error along, but one output neuron cannot be a softmax.
        session.apply(new TrainerCommand.ChooseOutputActivation(Activation.SOFTMAX));

        TrainerSnapshot after = snapshot();
        Notice.Rejected rejected = assertInstanceOf(Notice.Rejected.class, after.notice().orElseThrow());
        assertEquals(Optional.of(new Refusal.SoftmaxTooFewOutputs(1)), rejected.rule(), "the UI can word the rule");
        assertEquals(Loss.BINARY_CROSS_ENTROPY, loss(after), "the loss did not change without the activation");
        assertEquals(before.settings(), after.settings());
        assertEquals(before.lab().network(), after.lab().network());
        assertEquals(before.undoRedo(), after.undoRedo(), "a refused choice is no undo step");
    }

    @Test
    void oneUndoTakesTheActivationAndTheLossBackAndOneRedoMakesThemAgain() {
        TrainerSnapshot before = snapshot();
        TrainerSnapshot chosen = apply(new TrainerCommand.ChooseOutputActivation(Activation.LINEAR));

        TrainerSnapshot undone = apply(new TrainerCommand.Undo());
        assertEquals(Activation.SIGMOID, output(undone));
        assertEquals(Loss.BINARY_CROSS_ENTROPY, loss(undone), "the loss the choice changed comes back with it");
        assertEquals(before.lab().network(), undone.lab().network());
        assertTrue(undone.undoRedo().undo().isEmpty(), "it was one step");

        TrainerSnapshot redone = apply(new TrainerCommand.Redo());
        assertEquals(Activation.LINEAR, output(redone));
        assertEquals(Loss.SQUARED_ERROR, loss(redone));
        assertEquals(chosen.settings(), redone.settings());
        assertEquals(chosen.lab().network(), redone.lab().network());
    }
}
