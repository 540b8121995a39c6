package org.backproplab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.backproplab.data.DataPoint;
import org.backproplab.data.Domain;
import org.backproplab.engine.Activation;
import org.backproplab.engine.InputFeature;
import org.backproplab.engine.LayerSpec;
import org.backproplab.engine.Loss;
import org.backproplab.fixtures.TestLessons;
import org.backproplab.lesson.DataSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LabSessionUndoTest {

    private final LabSession session = new LabSession(TestLessons.xor(), 4);
    private long version;

    /** Everything an undo must bring back exactly: weights bit for bit, shape, features, points and split. */
    record Lab(NetworkSnapshot network, List<InputFeature> features, List<LayerSpec> layers, DataSpec data,
            List<DataPoint> train, List<DataPoint> test, Domain domain) {

        static Lab of(TrainerSnapshot snapshot) {
            return new Lab(snapshot.lab().network(), snapshot.settings().features(), snapshot.settings().layers(),
                    snapshot.settings().data(), snapshot.lab().trainPoints(), snapshot.lab().testPoints(),
                    snapshot.lab().domain());
        }
    }

    private TrainerSnapshot snapshot() {
        return session.snapshot(++version);
    }

    private Lab lab() {
        return Lab.of(snapshot());
    }

    private void apply(TrainerCommand command) {
        session.apply(command);
        TrainerSnapshot after = snapshot();
        assertTrue(after.notice().isEmpty(), () -> command + " should apply, but: " + after.notice());
    }

    private void train(int epochs) {
        for (int i = 0; i < epochs; i++) {
            session.apply(new TrainerCommand.StepEpoch());
        }
    }

    static Stream<TrainerCommand> edits() {
        List<DataPoint> own = List.of(new DataPoint(-1, -1, 0), new DataPoint(1, 1, 0), new DataPoint(-1, 1, 1),
                new DataPoint(1, -1, 1));
        return Stream.of(
                new TrainerCommand.SetWeight(0, 1, 0, 0.123456789),
                new TrainerCommand.SetBias(1, 0, -2.5),
                new TrainerCommand.SetActivation(0, Activation.RELU),
                new TrainerCommand.AddLayer(1, 4, Activation.TANH),
                new TrainerCommand.RemoveLayer(0),
                new TrainerCommand.AddNeuron(0),
                new TrainerCommand.RemoveNeuron(0),
                new TrainerCommand.SetFeatures(List.of(InputFeature.X1, InputFeature.X1_SQUARED, InputFeature.X2)),
                new TrainerCommand.SetData(new DataSpec.Generated("circle", 120, 0.1, 0.5)),
                new TrainerCommand.SetData(new DataSpec.Inline(own, 2, 1.0)));
    }

    @ParameterizedTest
    @MethodSource("edits")
    void undoBringsBackExactlyTheLabBeforeTheEditAndRedoTheLabAfterIt(TrainerCommand edit) {
        train(3);
        Lab before = lab();
        apply(edit);
        Lab after = lab();
        assertNotEquals(before, after, "the edit changes the lab");
        assertTrue(snapshot().undoRedo().undo().isPresent());

        apply(new TrainerCommand.Undo());
        assertEquals(before, lab(), "undo restores every weight, the shape, the features and the points");
        assertTrue(snapshot().undoRedo().undo().isEmpty(), "nothing is left to undo");

        apply(new TrainerCommand.Redo());
        assertEquals(after, lab(), "redo restores the lab exactly as the edit left it");
        assertTrue(snapshot().undoRedo().redo().isEmpty());
    }

    @Test
    void theSnapshotNamesWhatUndoAndRedoWouldActOn() {
        apply(new TrainerCommand.SetWeight(0, 0, 0, 1));
        apply(new TrainerCommand.AddNeuron(0));
        assertEquals(new UndoRedo(Optional.of(EditKind.ADD_NEURON), Optional.empty()), snapshot().undoRedo());

        apply(new TrainerCommand.Undo());
        assertEquals(new UndoRedo(Optional.of(EditKind.WEIGHT), Optional.of(EditKind.ADD_NEURON)), snapshot().undoRedo());
    }

    @Test
    void undoRollsBackTrainingSinceTheEditButNotTheRunOrTheSettings() {
        train(2);
        Lab before = lab();
        apply(new TrainerCommand.SetWeight(1, 0, 2, 7.5));
        train(5);
        apply(new TrainerCommand.SetLearningRate(0.05));
        long epochs = snapshot().epoch();
        int chartPoints = snapshot().history().size();

        apply(new TrainerCommand.Undo());

        TrainerSnapshot undone = snapshot();
        assertEquals(before, Lab.of(undone), "the network is as just before the edit, training since included");
        assertEquals(epochs, undone.epoch(), "the epoch count runs on");
        assertEquals(chartPoints, undone.history().size(), "the loss chart keeps the run");
        assertEquals(0.05, undone.settings().hyperparameters().optimizer().learningRate(),
                "a setting changed since is no edit and stays");
        train(1);
        assertEquals(epochs + 1, snapshot().epoch(), "training goes on from the restored network");
    }

    @Test
    void draggingAWeightIsOneUndoStepEvenWhileTraining() {
        Lab before = lab();
        for (int i = 1; i <= 20; i++) {
            apply(new TrainerCommand.SetWeight(0, 2, 1, 2.5 + i * 0.02));
            session.apply(new TrainerCommand.StepBatch());
        }
        apply(new TrainerCommand.Undo());
        assertEquals(before, lab());
        assertTrue(snapshot().undoRedo().undo().isEmpty(), "the whole drag was one step");
    }

    @Test
    void editsOfDifferentWeightsAreStepsOfTheirOwn() {
        Lab start = lab();
        apply(new TrainerCommand.SetWeight(0, 0, 0, 1));
        Lab first = lab();
        apply(new TrainerCommand.SetWeight(0, 0, 1, 2));
        apply(new TrainerCommand.SetWeight(0, 0, 0, 3));

        apply(new TrainerCommand.Undo());
        apply(new TrainerCommand.Undo());
        assertEquals(first, lab());
        apply(new TrainerCommand.Undo());
        assertEquals(start, lab());
    }

    @Test
    void draggingAPointIsOneUndoStepAndAddingOneIsAnother() {
        List<DataPoint> points = new ArrayList<>(List.of(new DataPoint(-1, -1, 0), new DataPoint(1, 1, 1)));
        apply(new TrainerCommand.SetData(new DataSpec.Inline(List.copyOf(points), 2, 1.0)));
        points.add(new DataPoint(0.5, -0.5, 1));
        apply(new TrainerCommand.SetData(new DataSpec.Inline(List.copyOf(points), 2, 1.0)));
        assertEquals(Optional.of(EditKind.ADD_POINT), snapshot().undoRedo().undo());
        Lab added = lab();

        for (int step = 1; step <= 10; step++) {
            points.set(2, new DataPoint(0.5 + step * 0.1, -0.5, 1));
            apply(new TrainerCommand.SetData(new DataSpec.Inline(List.copyOf(points), 2, 1.0)));
        }
        assertEquals(Optional.of(EditKind.MOVE_POINT), snapshot().undoRedo().undo());

        apply(new TrainerCommand.Undo());
        assertEquals(added, lab(), "one undo takes back the whole drag");
        apply(new TrainerCommand.Undo());
        assertEquals(2, lab().train().size(), "the next one takes back the added point");
    }

    @Test
    void draggingAGeneratedPointTurnsTheDataIntoOwnPointsAndOneUndoBringsTheGeneratedDataBack() {
        TrainerSnapshot before = snapshot();
        // What the point editor sends: every point, training and test, one of them moved on and on.
        List<DataPoint> points = new ArrayList<>(before.lab().trainPoints());
        points.addAll(before.lab().testPoints());
        DataPoint held = points.get(5);
        for (int step = 1; step <= 5; step++) {
            points.set(5, new DataPoint(held.x1() + step * 0.1, held.x2(), held.label()));
            apply(new TrainerCommand.SetData(new DataSpec.Inline(List.copyOf(points), 2, 1.0)));
        }
        assertEquals(Optional.of(EditKind.MOVE_POINT), snapshot().undoRedo().undo());

        apply(new TrainerCommand.Undo());
        assertEquals(Lab.of(before), lab(), "the generated points, their split and the data spec are back");
        assertTrue(snapshot().undoRedo().undo().isEmpty());
    }

    @Test
    void deletingAndClearingPointsAreNamedAndUndone() {
        List<DataPoint> points = List.of(new DataPoint(-1, -1, 0), new DataPoint(1, 1, 1), new DataPoint(1, -1, 1));
        apply(new TrainerCommand.SetData(new DataSpec.Inline(points, 2, 1.0)));
        Lab three = lab();
        apply(new TrainerCommand.SetData(new DataSpec.Inline(points.subList(0, 2), 2, 1.0)));
        assertEquals(Optional.of(EditKind.DELETE_POINT), snapshot().undoRedo().undo());
        apply(new TrainerCommand.SetData(new DataSpec.Inline(List.of(), 2, 1.0)));
        assertEquals(Optional.of(EditKind.CLEAR_POINTS), snapshot().undoRedo().undo());

        apply(new TrainerCommand.Undo());
        apply(new TrainerCommand.Undo());
        assertEquals(three, lab());
    }

    @Test
    void aNewEditAfterAnUndoDropsWhatCouldBeRedone() {
        apply(new TrainerCommand.AddNeuron(0));
        apply(new TrainerCommand.Undo());
        apply(new TrainerCommand.SetBias(0, 0, 1.5));

        assertTrue(snapshot().undoRedo().redo().isEmpty());
        session.apply(new TrainerCommand.Redo());
        assertInstanceOf(Notice.Rejected.class, snapshot().notice().orElseThrow(), "nothing to redo says so");
    }

    @Test
    void anEditAfterAnUndoIsAStepOfItsOwnEvenOnTheSameWeight() {
        apply(new TrainerCommand.SetWeight(0, 0, 0, 1));
        Lab first = lab();
        apply(new TrainerCommand.SetWeight(0, 0, 1, 2));
        apply(new TrainerCommand.Undo());
        apply(new TrainerCommand.SetWeight(0, 0, 0, 3));

        apply(new TrainerCommand.Undo());
        assertEquals(first, lab());
    }

    @Test
    void theHistoryKeepsTheLatestStepsOnly() {
        int edits = EditHistory.CAPACITY + 5;
        List<Lab> labs = new ArrayList<>();
        for (int i = 0; i < edits; i++) {
            labs.add(lab());
            // Alternating weights, so that each edit is a step of its own.
            apply(new TrainerCommand.SetWeight(0, i % 2, 0, i));
        }
        int undone = 0;
        while (snapshot().undoRedo().undo().isPresent()) {
            apply(new TrainerCommand.Undo());
            undone++;
        }
        assertEquals(EditHistory.CAPACITY, undone);
        assertEquals(labs.get(edits - EditHistory.CAPACITY), lab(), "the oldest steps were forgotten, the rest undone exactly");
    }

    @Test
    void undoWithNothingToUndoChangesNothingAndSaysSo() {
        Lab before = lab();
        session.apply(new TrainerCommand.Undo());
        TrainerSnapshot after = snapshot();
        assertInstanceOf(Notice.Rejected.class, after.notice().orElseThrow());
        assertEquals(before, Lab.of(after));
    }

    @Test
    void resetNewSeedAndAnotherLessonStartOverWithNoHistory() {
        for (TrainerCommand fresh : List.of(new TrainerCommand.Reset(), new TrainerCommand.SetSeed(42),
                new TrainerCommand.LoadLesson(TestLessons.fewPoints()))) {
            apply(new TrainerCommand.AddNeuron(0));
            apply(new TrainerCommand.Undo());
            apply(new TrainerCommand.AddNeuron(0));
            apply(new TrainerCommand.SetBias(0, 0, 1));
            apply(new TrainerCommand.Undo());
            apply(fresh);
            assertEquals(UndoRedo.NONE, snapshot().undoRedo(), fresh + " starts a new run");
            apply(new TrainerCommand.LoadLesson(TestLessons.xor()));
        }
    }

    @Test
    void undoingBackToAnOutputTheLossChosenSinceCannotTrainBringsBackTheLossOfThatMoment() {
        apply(new TrainerCommand.SetLoss(Loss.SQUARED_ERROR));
        apply(new TrainerCommand.SetActivation(1, Activation.LINEAR));
        apply(new TrainerCommand.SetActivation(1, Activation.SIGMOID));
        apply(new TrainerCommand.SetLoss(Loss.BINARY_CROSS_ENTROPY));

        apply(new TrainerCommand.Undo());

        TrainerSnapshot undone = snapshot();
        assertEquals(Activation.LINEAR, undone.settings().layers().getLast().activation());
        assertEquals(Loss.SQUARED_ERROR, undone.settings().hyperparameters().loss(),
                "cross-entropy cannot sit on a linear output, so the loss it had then comes back");
    }

    @Test
    void undoIntoANormalisedNetworkRaisesABatchSizeOfOneToTheSmallestItCanTrainOn() {
        apply(new TrainerCommand.SetBatchSize(4));
        apply(new TrainerCommand.SetBatchNorm(0, true));
        apply(new TrainerCommand.SetBatchNorm(0, false));
        apply(new TrainerCommand.SetBatchSize(1));

        session.apply(new TrainerCommand.Undo());

        TrainerSnapshot after = snapshot();
        assertTrue(after.settings().layers().getFirst().batchNorm(), "the undo brought batch normalisation back");
        assertEquals(2, after.settings().batchSize(), "at the smallest batch size it can train on");
        assertEquals(new Notice.BatchSizeRaised(1, 2), after.notice().orElseThrow(), "and says so");
    }
}
