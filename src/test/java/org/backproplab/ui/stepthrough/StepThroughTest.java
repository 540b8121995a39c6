package org.backproplab.ui.stepthrough;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.backproplab.lesson.Experiment;
import org.backproplab.lesson.LessonFile;
import org.backproplab.trace.Granularity;
import org.backproplab.trace.LayerTrace;
import org.backproplab.trace.StepTrace;
import org.backproplab.trace.SubStep;
import org.backproplab.training.LabSnapshot;
import org.backproplab.training.LayerSnapshot;
import org.backproplab.training.Notice;
import org.backproplab.training.TrainerCommand;
import org.backproplab.training.TrainerSnapshot;
import org.backproplab.training.UndoRedo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Moving through recorded passes, and asking the trainer for new ones, without a window. */
class StepThroughTest {

    private Experiment experiment;
    private StepThrough steps;
    private long version;

    @BeforeEach
    void mazur() throws Exception {
        experiment = Experiment.of(LessonFile.readResource("/assets/lessons/mazur-2-2-2.json"));
        steps = new StepThrough(new StepHistory());
        steps.offer(snapshot(Optional.empty()), true);
    }

    /** What the trainer would publish now, carrying {@code trace} as its last recorded step. */
    private TrainerSnapshot snapshot(Optional<StepTrace> trace) {
        return new TrainerSnapshot(++version, LabSnapshot.capture(experiment, 4), experiment.lesson(), false, 0,
                experiment.learner().steps(), trace, List.of(), Optional.empty(), version,
                UndoRedo.NONE, Optional.empty());
    }

    /** Does what the trainer does for a command the step-through sent, and publishes the result. */
    private StepTrace answer(Optional<TrainerCommand> command) {
        TrainerCommand.StepSample step = (TrainerCommand.StepSample) command.orElseThrow();
        StepTrace trace = experiment.learner().tracedSample(step.sample());
        assertTrue(steps.offer(snapshot(Optional.of(trace)), true), "a new trace is a new pass");
        return trace;
    }

    private StepThrough.Frame frame() {
        return steps.frame().orElseThrow();
    }

    @Test
    void firstStepAsksForTheChosenSampleAndWaitsForIt() {
        assertTrue(steps.frame().isEmpty());
        assertEquals(Optional.of(new TrainerCommand.StepSample(0)), steps.forward());
        assertTrue(steps.isWaiting());
        assertEquals(Optional.empty(), steps.forward(), "no second request while the first is on its way");
        assertFalse(steps.offer(snapshot(Optional.empty()), true), "a snapshot without a new trace is no pass");

        StepTrace trace = experiment.learner().tracedSample(0);
        assertTrue(steps.offer(snapshot(Optional.of(trace)), true));
        assertFalse(steps.isWaiting());
        assertEquals(new SubStep.ForwardNeuron(0, 0), frame().subStep().orElseThrow());
        assertEquals(0, frame().pass().sample());
        assertSame(trace, frame().pass().trace().orElseThrow());
    }

    @Test
    void stepsForwardThroughEverySubStepInTeachingOrderThenAsksForTheNextPass() {
        StepTrace trace = answer(steps.forward());
        List<SubStep> seen = new ArrayList<>();
        seen.add(frame().subStep().orElseThrow());
        while (!frame().atEnd()) {
            assertEquals(Optional.empty(), steps.forward(), "inside a recorded pass nothing is trained");
            seen.add(frame().subStep().orElseThrow());
        }
        assertEquals(trace.subSteps(Granularity.NEURON), seen);
        assertEquals(17, seen.size(), "4 forward, the loss, then 4 each of δ, gradients and updates");
        assertEquals(Optional.of(new TrainerCommand.StepSample(0)), steps.forward());
    }

    @Test
    void theNetworkKeepsItsOldWeightsUntilEachNeuronIsUpdated() {
        StepTrace trace = answer(steps.forward());
        LabSnapshot before = null;
        while (!(frame().subStep().orElseThrow() instanceof SubStep.UpdateNeuron)) {
            LabSnapshot lab = frame().lab();
            assertEquals(trace.layers().get(0).weightsBefore(), lab.network().layer(0).weights());
            assertEquals(trace.layers().get(1).weightsBefore(), lab.network().layer(1).weights());
            before = lab;
            steps.forward();
        }
        assertEquals(new SubStep.UpdateNeuron(0, 0), frame().subStep().orElseThrow());
        LayerTrace first = trace.layers().get(0);
        LayerSnapshot shown = frame().lab().network().layer(0);
        assertArrayEquals(first.weightsAfter().row(0), shown.weights().row(0), "the updated neuron's incoming weights are new");
        assertEquals(first.biasesAfter().get(0, 0), shown.biases().get(0, 0), "and so is its bias");
        assertArrayEquals(first.weightsBefore().row(1), shown.weights().row(1), "its neighbour's are still old");
        assertEquals(first.biasesBefore().get(1, 0), shown.biases().get(1, 0));
        assertEquals(trace.layers().get(1).weightsBefore(), frame().lab().network().layer(1).weights());
        assertEquals(before.epoch(), frame().lab().epoch());
        steps.forward();
        assertEquals(first.weightsAfter(), frame().lab().network().layer(0).weights());
        assertEquals(first.biasesAfter(), frame().lab().network().layer(0).biases());
        steps.forward();
        steps.forward();
        assertTrue(frame().atEnd());
        assertSame(frame().pass().after(), frame().lab(), "at the end the lab is the one published after the step");
        assertEquals(trace.layers().get(1).weightsAfter(), frame().lab().network().layer(1).weights());
    }

    @Test
    void backFromTheStartOfAPassGoesToTheEndOfThePreviousOneAndForwardReturnsUnchanged() {
        answer(steps.forward());
        while (!frame().atEnd()) {
            steps.forward();
        }
        StepThrough.Frame endOfFirst = frame();
        answer(steps.forward());
        StepThrough.Frame startOfSecond = frame();
        assertEquals(1, startOfSecond.passIndex());
        assertNotSame(endOfFirst.pass(), startOfSecond.pass());

        assertTrue(steps.back());
        assertEquals(endOfFirst, frame());
        assertEquals(Optional.empty(), steps.forward(), "a recorded pass is replayed, not trained again");
        assertEquals(startOfSecond, frame());
        assertSame(startOfSecond.lab(), frame().lab(), "replaying shows the very same snapshot");
    }

    @Test
    void backStopsAtTheOldestStep() {
        assertFalse(steps.back());
        answer(steps.forward());
        steps.forward();
        assertTrue(steps.canGoBack());
        assertTrue(steps.back());
        assertFalse(steps.canGoBack());
        assertFalse(steps.back());
        assertEquals(0, frame().index());
    }

    @Test
    void skippingToTheEndLandsWhereSteppingThroughDoes() {
        answer(steps.forward());
        assertTrue(steps.skipToEnd());
        StepThrough.Frame skipped = frame();
        assertFalse(steps.skipToEnd(), "already there");
        steps.seek(0);
        while (!frame().atEnd()) {
            steps.forward();
        }
        assertEquals(skipped, frame());
    }

    @Test
    void changingTheStepSizeKeepsTheMomentOfThePass() {
        answer(steps.forward());
        steps.forward();
        assertEquals(new SubStep.ForwardNeuron(0, 1), frame().subStep().orElseThrow());
        steps.setStepSize(StepThrough.StepSize.LAYER);
        assertEquals(new SubStep.ForwardLayer(0), frame().subStep().orElseThrow());
        steps.forward();
        assertEquals(new SubStep.ForwardLayer(1), frame().subStep().orElseThrow());
        steps.setStepSize(StepThrough.StepSize.NEURON);
        assertEquals(new SubStep.ForwardNeuron(1, 1), frame().subStep().orElseThrow(), "a whole layer is its last neuron");
        steps.forward();
        assertEquals(new SubStep.ComputeLoss(), frame().subStep().orElseThrow());
    }

    @Test
    void changingTheStepSizeDuringTheUpdateKeepsTheMomentToo() {
        answer(steps.forward());
        steps.seek(13);
        assertEquals(new SubStep.UpdateNeuron(0, 0), frame().subStep().orElseThrow());
        LabSnapshot halfway = frame().lab();
        steps.setStepSize(StepThrough.StepSize.LAYER);
        assertEquals(new SubStep.Update(0), frame().subStep().orElseThrow());
        steps.setStepSize(StepThrough.StepSize.NEURON);
        assertEquals(new SubStep.UpdateNeuron(0, 1), frame().subStep().orElseThrow(), "a whole layer is its last neuron");
        steps.back();
        assertSame(halfway, frame().lab(), "the lab of a moment is made once");
    }

    @Test
    void wholePassStepsGoFromEndToEnd() {
        steps.setStepSize(StepThrough.StepSize.PASS);
        answer(steps.forward());
        assertTrue(frame().atEnd(), "a new pass is shown finished");
        StepThrough.Frame first = frame();
        answer(steps.forward());
        assertTrue(frame().atEnd());
        assertEquals(2, steps.positions());
        assertTrue(steps.back());
        assertEquals(first, frame());
    }

    @Test
    void theHistorySliderCountsEveryStopOfEveryPass() {
        answer(steps.forward());
        steps.skipToEnd();
        answer(steps.forward());
        assertEquals(34, steps.positions());
        assertEquals(17, steps.position());
        steps.seek(16);
        assertEquals(0, frame().passIndex());
        assertTrue(frame().atEnd());
        steps.seek(18);
        assertEquals(1, frame().passIndex());
        assertEquals(1, frame().index());
        assertEquals(18, steps.position());
    }

    @Test
    void aMiniBatchOrAnEpochIsAskedForWhenChosen() {
        steps.setPassSize(StepPass.Size.BATCH);
        assertEquals(Optional.of(new TrainerCommand.StepBatch()), steps.forward());
        steps.cancelRequest();
        steps.setPassSize(StepPass.Size.EPOCH);
        assertEquals(Optional.of(new TrainerCommand.StepEpoch()), steps.forward());
    }

    @Test
    void anEpochArrivesWhenTheEpochCountGoesUpAndIsOneStepFromBeforeToAfter() {
        steps.setPassSize(StepPass.Size.EPOCH);
        steps.forward();
        LabSnapshot before = steps.live().orElseThrow().lab();
        experiment.learner().runEpoch();
        assertTrue(steps.offer(snapshot(Optional.empty()), true));
        StepThrough.Frame epoch = frame();
        assertEquals(StepPass.Size.EPOCH, epoch.pass().size());
        assertTrue(epoch.subStep().isEmpty());
        assertEquals(1, epoch.count());
        assertSame(before, epoch.pass().before());
        assertEquals(1, epoch.lab().epoch());
    }

    @Test
    void aRefusedRequestStopsTheWait() {
        steps.forward();
        TrainerSnapshot refused = new TrainerSnapshot(++version, LabSnapshot.capture(experiment, 4), experiment.lesson(),
                false, 0, 0, Optional.empty(), List.of(),
                Optional.of(new Notice.Rejected(new TrainerCommand.StepSample(0), "no training sample 0")), version,
                UndoRedo.NONE, Optional.empty());
        assertFalse(steps.offer(refused, true));
        assertFalse(steps.isWaiting());
    }

    @Test
    void tracesPublishedWhileNotRecordingAreNotPasses() {
        StepTrace earlier = experiment.learner().tracedSample(0);
        assertFalse(steps.offer(snapshot(Optional.of(earlier)), false));
        assertFalse(steps.offer(snapshot(Optional.of(earlier)), true), "the same trace again is not new");
        assertTrue(steps.frame().isEmpty());
    }

    @Test
    void onlyExistingSamplesCanBeChosen() {
        steps.setFocus(0);
        assertThrows(IllegalArgumentException.class, () -> steps.setFocus(1));
        assertThrows(IllegalArgumentException.class, () -> steps.setFocus(-1));
    }
}
