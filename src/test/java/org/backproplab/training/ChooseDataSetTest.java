package org.backproplab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.backproplab.engine.Activation;
import org.backproplab.engine.Loss;
import org.backproplab.engine.Refusal;
import org.backproplab.fixtures.TestLessons;
import org.backproplab.lesson.DataSpec;
import org.junit.jupiter.api.Test;

/** Picking a data set of another kind is one command: data, output and loss change together, or not at all. */
class ChooseDataSetTest {

    private static final DataSpec REGRESSION = new DataSpec.Generated("regression-plane", 200, 0.0, 0.8);

    /** XOR through a sigmoid output under binary cross-entropy. */
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
    void aRegressionSetBringsALinearOutputAndSquaredErrorWithIt() {
        TrainerSnapshot regression = apply(new TrainerCommand.ChooseDataSet(REGRESSION));

        assertEquals(REGRESSION, regression.settings().data());
        assertEquals(0, regression.lab().classes());
        assertEquals(Activation.LINEAR, output(regression));
        assertEquals(Activation.LINEAR, regression.lab().network().layer(1).activation(), "the network itself, not only the lesson");
        assertEquals(Loss.SQUARED_ERROR, loss(regression));
    }

    @Test
    void classesAgainBringTheSigmoidBack() {
        apply(new TrainerCommand.ChooseDataSet(REGRESSION));

        TrainerSnapshot circle = apply(new TrainerCommand.ChooseDataSet(new DataSpec.Generated("circle", 100, 0.0, 0.5)));

        assertEquals(Activation.SIGMOID, output(circle));
        assertEquals(Loss.SQUARED_ERROR, loss(circle), "squared error suits a sigmoid too: the user's loss stays");
    }

    @Test
    void aSetTheOutputCannotLearnChangesNothingAndSaysWhy() {
        TrainerSnapshot before = snapshot();

        session.apply(new TrainerCommand.ChooseDataSet(new DataSpec.Generated("spiral3", 600, 0.0, 0.5)));

        TrainerSnapshot after = snapshot();
        Notice.Rejected rejected = assertInstanceOf(Notice.Rejected.class, after.notice().orElseThrow());
        assertEquals(Optional.of(new Refusal.ClassesNeedOutputs(3, 1)), rejected.rule(), "the UI can word the rule");
        assertEquals(before.settings(), after.settings());
        assertEquals(before.lab().network(), after.lab().network());
        assertEquals(before.lab().trainPoints(), after.lab().trainPoints());
        assertEquals(before.undoRedo(), after.undoRedo(), "a refused choice is no undo step");
    }

    @Test
    void oneUndoTakesTheDataTheOutputAndTheLossBackAndOneRedoMakesThemAgain() {
        TrainerSnapshot before = snapshot();
        TrainerSnapshot chosen = apply(new TrainerCommand.ChooseDataSet(REGRESSION));
        assertEquals(new UndoRedo(Optional.of(EditKind.DATA), Optional.empty()), chosen.undoRedo());

        TrainerSnapshot undone = apply(new TrainerCommand.Undo());
        assertEquals(before.settings().data(), undone.settings().data());
        assertEquals(before.lab().trainPoints(), undone.lab().trainPoints());
        assertEquals(Activation.SIGMOID, output(undone));
        assertEquals(Loss.BINARY_CROSS_ENTROPY, loss(undone), "the loss the choice changed comes back with it");
        assertEquals(before.lab().network(), undone.lab().network());
        assertTrue(undone.undoRedo().undo().isEmpty(), "it was one step");

        TrainerSnapshot redone = apply(new TrainerCommand.Redo());
        assertEquals(chosen.settings(), redone.settings());
        assertEquals(chosen.lab().network(), redone.lab().network());
    }

    @Test
    void aLossChosenAfterAnOrdinaryEditIsStillNotUndone() {
        apply(new TrainerCommand.SetActivation(0, Activation.TANH));
        apply(new TrainerCommand.SetLoss(Loss.SQUARED_ERROR));

        TrainerSnapshot undone = apply(new TrainerCommand.Undo());

        assertEquals(Activation.SIGMOID, undone.settings().layers().getFirst().activation());
        assertEquals(Loss.SQUARED_ERROR, loss(undone), "a setting is no edit");
    }
}
