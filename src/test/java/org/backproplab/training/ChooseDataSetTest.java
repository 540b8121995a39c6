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
import org.backproplab.lesson.DataSpec;
import org.junit.jupiter.api.Test;

/** Picking a data set of another kind is one command: data, output and loss change together, or not at all. */
class ChooseDataSetTest {

    private static final DataSpec REGRESSION = new DataSpec.Generated("regression-plane", 200, 0.0, 0.8);

    private final XorSession xor = new XorSession();

    @Test
    void aRegressionSetBringsALinearOutputAndSquaredErrorWithIt() {
        TrainerSnapshot regression = xor.apply(new TrainerCommand.ChooseDataSet(REGRESSION));

        assertEquals(REGRESSION, regression.settings().data());
        assertEquals(0, regression.lab().classes());
        assertEquals(Activation.LINEAR, output(regression));
        assertEquals(Activation.LINEAR, regression.lab().network().layer(1).activation(), "the network itself, not only the lesson");
        assertEquals(Loss.SQUARED_ERROR, loss(regression));
    }

    @Test
    void classesAgainBringTheSigmoidBack() {
        xor.apply(new TrainerCommand.ChooseDataSet(REGRESSION));

        TrainerSnapshot circle = xor.apply(new TrainerCommand.ChooseDataSet(new DataSpec.Generated("circle", 100, 0.0, 0.5)));

        assertEquals(Activation.SIGMOID, output(circle));
        assertEquals(Loss.SQUARED_ERROR, loss(circle), "squared error suits a sigmoid too: the user's loss stays");
    }

    @Test
    void aSetTheOutputCannotLearnChangesNothingAndSaysWhy() {
        TrainerSnapshot before = xor.snapshot();

        xor.session.apply(new TrainerCommand.ChooseDataSet(new DataSpec.Generated("spiral3", 600, 0.0, 0.5)));

        TrainerSnapshot after = xor.snapshot();
        Notice.Rejected rejected = assertInstanceOf(Notice.Rejected.class, after.notice().orElseThrow());
        assertEquals(Optional.of(new Refusal.ClassesNeedOutputs(3, 1)), rejected.rule(), "the UI can word the rule");
        assertEquals(before.settings(), after.settings());
        assertEquals(before.lab().network(), after.lab().network());
        assertEquals(before.lab().trainPoints(), after.lab().trainPoints());
        assertEquals(before.undoRedo(), after.undoRedo(), "a refused choice is no undo step");
    }

    @Test
    void oneUndoTakesTheDataTheOutputAndTheLossBackAndOneRedoMakesThemAgain() {
        TrainerSnapshot before = xor.snapshot();
        TrainerSnapshot chosen = xor.apply(new TrainerCommand.ChooseDataSet(REGRESSION));
        assertEquals(new UndoRedo(Optional.of(EditKind.DATA), Optional.empty()), chosen.undoRedo());

        TrainerSnapshot undone = xor.apply(new TrainerCommand.Undo());
        assertEquals(before.settings().data(), undone.settings().data());
        assertEquals(before.lab().trainPoints(), undone.lab().trainPoints());
        assertEquals(Activation.SIGMOID, output(undone));
        assertEquals(Loss.BINARY_CROSS_ENTROPY, loss(undone), "the loss the choice changed comes back with it");
        assertEquals(before.lab().network(), undone.lab().network());
        assertTrue(undone.undoRedo().undo().isEmpty(), "it was one step");

        TrainerSnapshot redone = xor.apply(new TrainerCommand.Redo());
        assertEquals(chosen.settings(), redone.settings());
        assertEquals(chosen.lab().network(), redone.lab().network());
    }

    @Test
    void aLossChosenAfterAnOrdinaryEditIsStillNotUndone() {
        xor.apply(new TrainerCommand.SetActivation(0, Activation.TANH));
        xor.apply(new TrainerCommand.SetLoss(Loss.SQUARED_ERROR));

        TrainerSnapshot undone = xor.apply(new TrainerCommand.Undo());

        assertEquals(Activation.SIGMOID, undone.settings().layers().getFirst().activation());
        assertEquals(Loss.SQUARED_ERROR, loss(undone), "a setting is no edit");
    }
}
