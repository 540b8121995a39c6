package org.backproplab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.backproplab.data.DataPoint;
import org.backproplab.data.Domain;
import org.backproplab.engine.Activation;
import org.backproplab.lesson.DataSpec;
import org.backproplab.engine.InputFeature;
import org.backproplab.engine.Loss;
import org.backproplab.engine.OptimizerSettings;
import org.backproplab.engine.Refusal;
import org.backproplab.fixtures.TestLessons;
import org.junit.jupiter.api.Test;

class LabSessionTest {

    private final LabSession session = new LabSession(TestLessons.xor(), 8);

    private TrainerSnapshot snapshot() {
        return session.snapshot(1);
    }

    @Test
    void stepEpochTrainsExactlyOneEpochAndRecordsItsLoss() {
        session.apply(new TrainerCommand.StepEpoch());
        session.apply(new TrainerCommand.StepEpoch());

        TrainerSnapshot snap = snapshot();
        assertEquals(2, snap.epoch());
        assertEquals(List.of(0L, 1L, 2L), snap.history().stream().map(HistoryPoint::epoch).toList());
        assertTrue(snap.history().getLast().train().loss() < snap.history().getFirst().train().loss(),
                "two epochs of SGD on XOR should lower the training loss");
    }

    @Test
    void learningRateChangeKeepsEpochAndWeights() {
        session.apply(new TrainerCommand.StepEpoch());
        var before = snapshot().lab().network();

        session.apply(new TrainerCommand.SetLearningRate(0.01));

        TrainerSnapshot snap = snapshot();
        assertEquals(0.01, snap.settings().hyperparameters().optimizer().learningRate());
        assertEquals(1, snap.epoch(), "changing the learning rate must not reset training");
        assertEquals(before, snap.lab().network());
    }

    @Test
    void editingOneWeightChangesOnlyThatWeight() {
        var before = snapshot().lab().network();

        session.apply(new TrainerCommand.SetWeight(1, 0, 2, -1.25));

        var after = snapshot().lab().network();
        assertEquals(-1.25, after.layer(1).weight(0, 2));
        assertEquals(before.layer(1).weight(0, 1), after.layer(1).weight(0, 1));
        assertEquals(before.layer(0), after.layer(0));
    }

    @Test
    void addingAHiddenLayerKeepsTheOtherWeightsThatStillFitAndTheEpoch() {
        session.apply(new TrainerCommand.StepEpoch());
        var before = snapshot().lab().network();

        session.apply(new TrainerCommand.AddLayer(1, 4, Activation.TANH));

        var snap = snapshot();
        assertEquals(List.of(2, 3, 4, 1), snap.lab().network().shape());
        assertEquals(before.layer(0), snap.lab().network().layer(0), "the first hidden layer is untouched");
        assertEquals(1, snap.epoch());
        session.apply(new TrainerCommand.StepEpoch());
        assertEquals(2, snapshot().epoch(), "training continues on the new shape");
    }

    @Test
    void addingAndRemovingNeuronsAndFeaturesReshapesTheNetwork() {
        session.apply(new TrainerCommand.AddNeuron(0));
        assertEquals(List.of(2, 4, 1), snapshot().lab().network().shape());
        session.apply(new TrainerCommand.RemoveNeuron(0));
        session.apply(new TrainerCommand.RemoveNeuron(0));
        assertEquals(List.of(2, 2, 1), snapshot().lab().network().shape());

        var before = snapshot().lab().network();
        session.apply(new TrainerCommand.SetFeatures(List.of(InputFeature.X2, InputFeature.X1_TIMES_X2)));
        var after = snapshot().lab().network();
        assertEquals(List.of("x₂", "x₁x₂"), after.inputLabels());
        assertEquals(before.layer(0).weight(1, 1), after.layer(0).weight(1, 0), "x₂'s weights follow it to column 0");
    }

    @Test
    void impossibleCommandsChangeNothingAndSayWhy() {
        var before = snapshot();

        session.apply(new TrainerCommand.SetActivation(0, Activation.SOFTMAX));
        assertInstanceOf(Notice.Rejected.class, snapshot().notice().orElseThrow());
        session.apply(new TrainerCommand.SetLearningRate(Double.NaN));
        assertInstanceOf(Notice.Rejected.class, snapshot().notice().orElseThrow());
        session.apply(new TrainerCommand.RemoveLayer(1));
        assertInstanceOf(Notice.Rejected.class, snapshot().notice().orElseThrow());
        session.apply(new TrainerCommand.SetWeight(5, 0, 0, 1));
        assertInstanceOf(Notice.Rejected.class, snapshot().notice().orElseThrow());

        assertEquals(before.lab().network(), snapshot().lab().network());
        assertEquals(before.settings(), snapshot().settings());
    }

    @Test
    void divergencePausesAndRestoresTheLastHealthyWeights() {
        // A linear output under squared error grows without bound when the rate is far too big.
        List<TrainerCommand> explode = List.of(new TrainerCommand.SetLoss(Loss.SQUARED_ERROR),
                new TrainerCommand.SetActivation(1, Activation.LINEAR),
                new TrainerCommand.SetOptimizer(new OptimizerSettings.Sgd(5)));
        explode.forEach(session::apply);
        session.apply(new TrainerCommand.Play());
        for (int i = 0; i < 10_000 && session.isPlaying(); i++) {
            session.trainBatch();
        }

        TrainerSnapshot snap = snapshot();
        assertFalse(snap.playing(), "a diverging net pauses itself");
        var notice = assertInstanceOf(Notice.Diverged.class, snap.notice().orElseThrow());
        assertEquals(5, notice.learningRate());
        assertTrue(notice.restoredEpoch() < notice.epoch());
        assertTrue(snap.lab().network().layers().stream().allMatch(l -> l.weights().maxAbs() <= LabSession.RUNAWAY_WEIGHT));

        // The same lesson and commands, replayed up to the restored epoch, give the restored weights.
        LabSession replay = new LabSession(TestLessons.xor(), 8);
        explode.forEach(replay::apply);
        for (long e = 0; e < notice.restoredEpoch(); e++) {
            replay.apply(new TrainerCommand.StepEpoch());
        }
        assertEquals(replay.snapshot(1).lab().network(), snap.lab().network());
    }

    @Test
    void pointsPlacedInsideTheViewKeepTheViewAndPointsOutsideWidenIt() {
        Domain generated = snapshot().lab().domain();
        session.apply(new TrainerCommand.SetData(new DataSpec.Inline(
                List.of(new DataPoint(1, 1, 1), new DataPoint(-0.5, 2, 0)), 2, 1.0)));
        assertEquals(generated, snapshot().lab().domain(), "the plot must not re-frame while points are placed");

        session.apply(new TrainerCommand.SetData(new DataSpec.Inline(
                List.of(new DataPoint(1, 1, 1), new DataPoint(-20, 2, 0)), 2, 1.0)));
        assertTrue(snapshot().lab().domain().min() <= -20, "a point outside the view widens it");
    }

    @Test
    void resetBringsBackTheLessonsStartingWeights() {
        var start = snapshot().lab().network();
        session.apply(new TrainerCommand.StepEpoch());
        session.apply(new TrainerCommand.Reset());

        assertEquals(start, snapshot().lab().network());
        assertEquals(0, snapshot().epoch());
    }

    @Test
    void stepSampleRecordsTheTraceOfThatSample() {
        session.apply(new TrainerCommand.StepSample(3));

        var trace = snapshot().trace().orElseThrow();
        var point = snapshot().lab().trainPoints().get(3);
        assertEquals(1, trace.batchSize());
        assertEquals(point.x1(), trace.inputs().get(0, 0));
        assertEquals(point.x2(), trace.inputs().get(1, 0));
    }

    @Test
    void aNewSeedDrawsNewDataAndWeightsButKeepsEverySetting() {
        session.apply(new TrainerCommand.SetLearningRate(0.125));
        session.apply(new TrainerCommand.AddNeuron(0));
        session.apply(new TrainerCommand.StepEpoch());
        TrainerSnapshot before = snapshot();

        session.apply(new TrainerCommand.SetSeed(99));

        TrainerSnapshot after = snapshot();
        assertEquals(99, after.settings().seed());
        assertEquals(0.125, after.settings().hyperparameters().optimizer().learningRate());
        assertEquals(List.of(2, 4, 1), after.lab().network().shape());
        assertEquals(0, after.epoch(), "a new seed starts over");
        assertFalse(after.lab().trainPoints().equals(before.lab().trainPoints()), "new points were drawn");
        assertFalse(after.lab().network().layer(0).equals(before.lab().network().layer(0)), "new weights were drawn");
    }

    @Test
    void aRejectionIsReportedEvenWhenAnotherCommandFollowsBeforeTheNextSnapshot() {
        session.apply(new TrainerCommand.SetBatchSize(0));
        session.apply(new TrainerCommand.SetBatchSize(5));

        TrainerSnapshot snap = snapshot();
        var rejected = assertInstanceOf(Notice.Rejected.class, snap.notice().orElseThrow());
        assertEquals(new TrainerCommand.SetBatchSize(0), rejected.command());
        assertEquals(5, snap.settings().batchSize(), "the good command still applied");
        assertTrue(snapshot().notice().isEmpty(), "a notice is reported once");
        assertEquals(2, snap.commandsApplied());
    }

    @Test
    void snapshotsCarryTheGradientAndTheStepOfTheLastTrainingStep() {
        assertTrue(snapshot().lab().lastUpdate().isEmpty(), "nothing trained yet");
        var before = snapshot().lab().network();

        session.apply(new TrainerCommand.StepBatch());

        var lab = snapshot().lab();
        LastUpdate update = lab.lastUpdate().orElseThrow();
        double rate = snapshot().settings().hyperparameters().optimizer().learningRate();
        for (int l = 0; l < lab.network().layerCount(); l++) {
            for (int n = 0; n < lab.network().layer(l).size(); n++) {
                for (int i = 0; i < lab.network().layer(l).inputSize(); i++) {
                    double moved = lab.network().layer(l).weight(n, i) - before.layer(l).weight(n, i);
                    assertEquals(moved, update.step(l, n, i), 1e-12, "Δw is how far the weight moved");
                    assertEquals(-rate * update.gradient(l, n, i), update.step(l, n, i), 1e-12, "plain SGD steps by −η·∂L/∂w");
                }
            }
        }
        assertTrue(update.gradients().stream().anyMatch(g -> g.maxAbs() > 0), "a real gradient, not zeros");

        session.apply(new TrainerCommand.AddLayer(1, 2, Activation.TANH));
        assertTrue(snapshot().lab().lastUpdate().isEmpty(), "old gradients do not fit a new shape");
    }

    @Test
    void heatmapsAreReusedOnlyWhenAskedAndNeverAcrossAChangeOfShape() {
        TrainerSnapshot first = session.snapshot(1, true);
        session.apply(new TrainerCommand.StepEpoch());

        TrainerSnapshot reused = session.snapshot(2, false);
        assertSame(first.lab().heatmaps(), reused.lab().heatmaps(), "a busy trainer may show the last maps");
        assertFalse(reused.lab().network().equals(first.lab().network()), "while weights and losses are current");
        assertFalse(session.snapshot(3, true).lab().heatmaps().equals(first.lab().heatmaps()), "fresh maps follow the weights");

        session.apply(new TrainerCommand.AddNeuron(0));
        TrainerSnapshot reshaped = session.snapshot(4, false);
        assertEquals(4, reshaped.lab().heatmaps().layers().getFirst().size(), "a new shape always gets new maps");
    }

    @Test
    void afterADivergenceEvenReusedMapsShowTheRestoredWeights() {
        List.of(new TrainerCommand.SetLoss(Loss.SQUARED_ERROR), new TrainerCommand.SetActivation(1, Activation.LINEAR),
                new TrainerCommand.SetOptimizer(new OptimizerSettings.Sgd(0.05)), new TrainerCommand.StepEpoch(),
                new TrainerCommand.StepEpoch()).forEach(session::apply);
        TrainerSnapshot sampled = session.snapshot(1, true);
        session.apply(new TrainerCommand.StepEpoch());
        session.apply(new TrainerCommand.StepEpoch());
        // Now far too fast: the next epoch blows up and the weights of epoch 4 come back.
        session.apply(new TrainerCommand.SetLearningRate(5));
        session.apply(new TrainerCommand.Play());
        for (int i = 0; i < 10_000 && session.isPlaying(); i++) {
            session.trainBatch();
        }

        TrainerSnapshot afterwards = session.snapshot(2, false);
        var restored = assertInstanceOf(Notice.Diverged.class, afterwards.notice().orElseThrow());
        assertEquals(4, restored.restoredEpoch());
        assertFalse(afterwards.lab().heatmaps().equals(sampled.lab().heatmaps()), "not the maps of epoch 2");
        assertEquals(session.snapshot(3, true).lab().heatmaps(), afterwards.lab().heatmaps());
    }

    @Test
    void batchNormalisationIsRefusedWithFewerThanTwoTrainingPoints() {
        session.apply(new TrainerCommand.SetBatchNorm(0, true));
        assertTrue(snapshot().notice().isEmpty(), () -> "XOR's 160 training points normalise: " + snapshot().notice());
        TrainerSnapshot before = snapshot();

        // One point to train on would make x̂ ≡ 0: every δ 0 and the running variance heading for 0.
        session.apply(new TrainerCommand.SetData(new DataSpec.Inline(List.of(new DataPoint(0, 0, 1), new DataPoint(1, 1, 0)), 2, 0.5)));

        var rejected = assertInstanceOf(Notice.Rejected.class, snapshot().notice().orElseThrow());
        assertEquals(Optional.of(new Refusal.BatchNormNeedsPoints(1)), rejected.rule());
        assertEquals(before.lab().trainPoints(), snapshot().lab().trainPoints(), "the points stay as they were");
    }

    @Test
    void theFirstPointOnABlankPageMayStandAloneUnderBatchNormalisationButCannotTrain() {
        session.apply(new TrainerCommand.SetBatchNorm(0, true));
        session.apply(new TrainerCommand.SetData(new DataSpec.Inline(List.of(), 2, 1.0)));
        session.apply(new TrainerCommand.SetData(new DataSpec.Inline(List.of(new DataPoint(0, 0, 1)), 2, 1.0)));
        assertTrue(snapshot().notice().isEmpty(), () -> "drawing goes on: " + snapshot().notice());
        assertEquals(1, snapshot().lab().trainPoints().size());

        session.apply(new TrainerCommand.Play());
        var rejected = assertInstanceOf(Notice.Rejected.class, snapshot().notice().orElseThrow());
        assertEquals(Optional.of(new Refusal.BatchNormNeedsPoints(1)), rejected.rule());

        session.apply(new TrainerCommand.SetData(new DataSpec.Inline(List.of(new DataPoint(0, 0, 1), new DataPoint(1, 1, 0)), 2, 1.0)));
        session.apply(new TrainerCommand.StepEpoch());
        assertTrue(snapshot().notice().isEmpty(), () -> "two points train: " + snapshot().notice());
    }
}
