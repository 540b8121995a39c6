package org.backproplab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.backproplab.engine.Activation;
import org.backproplab.engine.GradientSizes;
import org.backproplab.fixtures.TestLessons;
import org.backproplab.lesson.LessonCatalog;
import org.backproplab.lesson.LessonException;
import org.backproplab.trace.StepTrace;
import org.junit.jupiter.api.Test;

/** The per-layer gradient sizes the gradient flow chart draws, as the trainer records them. */
class GradientFlowHistoryTest {

    private static LabSession trained(LabSession session, int epochs) {
        for (int i = 0; i < epochs; i++) {
            session.apply(new TrainerCommand.StepEpoch());
        }
        return session;
    }

    private static List<HistoryPoint> history(LabSession session) {
        return session.snapshot(1).history();
    }

    private static GradientSizes gradients(HistoryPoint point) {
        return point.gradients().orElseThrow(() -> new AssertionError("no gradient sizes at epoch " + point.epoch()));
    }

    @Test
    void inTheVanishingLessonTheFirstLayersGradientIsThousandsOfTimesSmallerAndDeltaShrinksAtEveryLayer()
            throws LessonException {
        List<HistoryPoint> history = history(trained(new LabSession(LessonCatalog.load("vanishing-gradients"), 8), 20));

        List<Double> start = gradients(history.getFirst()).weightGradientNorms();
        assertTrue(start.getFirst() * 1000 < start.getLast(), "‖∂L/∂W‖ per layer at the start: " + start);
        assertEquals(21, history.size());
        for (HistoryPoint point : history) {
            List<Double> deltas = gradients(point).meanAbsDeltas();
            assertEquals(6, deltas.size());
            for (int l = 0; l < deltas.size() - 1; l++) {
                assertTrue(deltas.get(l) < deltas.get(l + 1), "mean |δ| shrinks toward the input at epoch "
                        + point.epoch() + ": " + deltas);
            }
        }
    }

    @Test
    void inTheExplodingLessonMeanDeltaGrowsTowardTheInput() throws LessonException {
        HistoryPoint start = history(new LabSession(LessonCatalog.load("exploding-gradients"), 8)).getFirst();

        List<Double> deltas = gradients(start).meanAbsDeltas();
        for (int l = 0; l < deltas.size() - 1; l++) {
            assertTrue(deltas.get(l) > deltas.get(l + 1), "mean |δ| grows from layer " + (l + 2)
                    + " back to layer " + (l + 1) + ": " + deltas);
        }
        assertTrue(deltas.getFirst() > 100 * deltas.getLast(), "the first layer's δ is hundreds of times the output's: " + deltas);
    }

    @Test
    void aThinnedHistoryKeepsEachPointsGradientSizesOnItsOwnEpoch() {
        List<HistoryPoint> history = history(trained(new LabSession(TestLessons.xor(), 8), LossHistory.CAPACITY + 100));
        assertTrue(history.size() < LossHistory.CAPACITY, "the history was thinned: " + history.size() + " points");
        HistoryPoint middle = history.get(history.size() / 2);
        assertTrue(middle.epoch() > 0 && middle.epoch() % 2 == 0, "thinned to every other epoch: " + middle.epoch());

        // The same lesson replayed to that epoch (training is deterministic) measures the same sizes.
        HistoryPoint replayed = history(trained(new LabSession(TestLessons.xor(), 8), (int) middle.epoch())).getLast();

        assertEquals(middle.epoch(), replayed.epoch());
        assertEquals(gradients(replayed), gradients(middle));
        assertTrue(history.stream().allMatch(point -> gradients(point).layerCount() == 2));
    }

    @Test
    void addingOrRemovingALayerRestartsTheGradientSeriesButKeepsTheLosses() {
        LabSession session = trained(new LabSession(TestLessons.xor(), 8), 3);
        List<HistoryPoint> before = history(session);

        session.apply(new TrainerCommand.AddLayer(1, 2, Activation.TANH));

        List<HistoryPoint> grown = history(trained(session, 2));
        assertEquals(before.stream().map(HistoryPoint::train).toList(),
                grown.subList(0, 4).stream().map(HistoryPoint::train).toList(), "the loss curve goes on");
        assertTrue(grown.subList(0, 4).stream().allMatch(point -> point.gradients().isEmpty()),
                "layer 2 is another layer now: its old sizes are dropped");
        assertEquals(List.of(3, 3), grown.subList(4, 6).stream().map(point -> gradients(point).layerCount()).toList());

        session.apply(new TrainerCommand.RemoveLayer(0));

        List<HistoryPoint> shrunk = history(trained(session, 1));
        assertEquals(7, shrunk.size());
        assertTrue(shrunk.subList(0, 6).stream().allMatch(point -> point.gradients().isEmpty()));
        assertEquals(2, gradients(shrunk.getLast()).layerCount());
    }

    @Test
    void undoingAnAddedLayerRestartsTheSeriesToo() {
        LabSession session = trained(new LabSession(TestLessons.xor(), 8), 2);
        session.apply(new TrainerCommand.AddLayer(1, 2, Activation.TANH));
        trained(session, 2);

        session.apply(new TrainerCommand.Undo());

        List<HistoryPoint> history = history(trained(session, 1));
        assertTrue(history.subList(0, history.size() - 1).stream().allMatch(point -> point.gradients().isEmpty()),
                "the three-layer sizes belong to another network");
        assertEquals(2, gradients(history.getLast()).layerCount());
    }

    @Test
    void changingALayersActivationOrSizeKeepsTheSeries() {
        LabSession session = trained(new LabSession(TestLessons.xor(), 8), 2);

        session.apply(new TrainerCommand.SetActivation(0, Activation.RELU));
        session.apply(new TrainerCommand.AddNeuron(0));

        List<HistoryPoint> history = history(trained(session, 1));
        assertTrue(history.stream().allMatch(point -> gradients(point).layerCount() == 2),
                "layer 1 is still layer 1, so the class sees how its gradient changes");
    }

    @Test
    void measuringTheGradientSizesLeavesTheLastStepsGradientOnShow() {
        LabSession session = new LabSession(TestLessons.xor(), 8);
        // 160 training points in batches of 10: the sixteenth step ends the epoch and records a point.
        for (int i = 0; i < 15; i++) {
            session.apply(new TrainerCommand.StepBatch());
        }
        session.apply(new TrainerCommand.StepBatch());
        TrainerSnapshot snapshot = session.snapshot(1);
        assertEquals(1, snapshot.epoch());
        StepTrace last = snapshot.trace().orElseThrow();

        LastUpdate shown = snapshot.lab().lastUpdate().orElseThrow();
        for (int l = 0; l < 2; l++) {
            assertEquals(last.layers().get(l).weightGradient(), shown.gradients().get(l), "layer " + (l + 1));
        }
    }
}
