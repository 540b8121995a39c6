package org.backproplab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.backproplab.engine.Activation;
import org.backproplab.engine.LayerSpec;
import org.backproplab.engine.OptimizerSettings;
import org.backproplab.lesson.Comparison;
import org.backproplab.lesson.Experiment;
import org.backproplab.lesson.Lesson;
import org.backproplab.lesson.LessonException;
import org.backproplab.lesson.LessonFile;
import org.junit.jupiter.api.Test;

/**
 * The two runs of a comparison, each on its own trainer thread: the same start gives the same run,
 * one changed setting gives the run a lone lab with that setting gives, and the two keep to the
 * same epoch while they play, however unequal their share of the machine.
 */
class ComparisonRunTest {

    private static final FaultLog NO_LOG = new FaultLog(java.util.Optional.empty());

    private static Lesson moons() throws LessonException {
        return LessonFile.readResource("/assets/lessons/moons.json");
    }

    @Test
    void identicalSettingsGiveIdenticalRuns() throws LessonException {
        try (ComparisonRun run = new ComparisonRun(Comparison.fork(moons()), 8, NO_LOG).start()) {
            TrainerSnapshot[] ends = playThenLineUp(run, 30);

            assertEquals(ends[0].epoch(), ends[1].epoch());
            assertEquals(ends[0].lab().network(), ends[1].lab().network(), "every weight bit for bit");
            assertEquals(ends[0].history(), ends[1].history(), "the same losses after every epoch");
        }
    }

    @Test
    void oneChangedSettingGivesTheRunOfALoneLabWithThatSetting() throws LessonException {
        // Forked from a lab some steps into training, as the window forks: A fixes the weights of that moment.
        Experiment forked = Experiment.of(moons());
        for (int step = 0; step < 20; step++) {
            forked.learner().stepBatch();
        }
        Lesson a = forked.currentLesson();
        List<LayerSpec> layers = new ArrayList<>(a.layers());
        layers.set(0, layers.getFirst().withActivation(Activation.TANH));
        // As B's lab holds it once its layer was rebuilt: without fixed weights.
        Lesson b = a.withArchitecture(a.features(), layers);
        try (ComparisonRun run = new ComparisonRun(new Comparison(a, b), 8, NO_LOG).start()) {
            TrainerSnapshot[] ends = playThenLineUp(run, 30);

            Experiment alone = Experiment.of(b.withWeights(a.weights().orElseThrow()));
            while (alone.learner().epoch() < ends[1].epoch()) {
                alone.learner().stepBatch();
            }
            assertEquals(NetworkSnapshot.of(alone.learner().network(), b.features()), ends[1].lab().network(),
                    "B trains as a lab with tanh from A's weights alone would");
            assertNotEquals(ends[0].lab().network(), ends[1].lab().network(), "and unlike A");
        }
    }

    @Test
    void aRunThatGetsLessOfTheMachineHoldsTheOtherBack() throws Exception {
        Lesson a = moons();
        // B learns with a batch of 1, thirty times A's work per epoch, and competes with a busy thread besides.
        Lesson b = a.withBatchSize(1).withHyperparameters(a.hyperparameters().withOptimizer(new OptimizerSettings.Sgd(0.01)));
        Lockstep lockstep = new Lockstep();
        Watched gateA = new Watched(lockstep.a());
        Watched gateB = new Watched(lockstep.b());
        gateA.other = gateB;
        gateB.other = gateA;
        AtomicBoolean busy = new AtomicBoolean(true);
        Thread load = Thread.ofPlatform().daemon().start(() -> {
            double sink = 0;
            while (busy.get()) {
                sink += Math.sin(sink);
            }
        });
        Comparison comparison = new Comparison(a, b);
        try (Trainer trainerA = new Trainer(comparison.a(), 8, NO_LOG, gateA).start();
                Trainer trainerB = new Trainer(comparison.startOfB(), 8, NO_LOG, gateB).start()) {
            trainerA.send(new TrainerCommand.Play());
            trainerB.send(new TrainerCommand.Play());
            SnapshotWatch watchA = new SnapshotWatch(trainerA);
            SnapshotWatch watchB = new SnapshotWatch(trainerB);
            watchB.await(s -> s.epoch() >= 40);
            trainerA.send(new TrainerCommand.Pause());
            trainerB.send(new TrainerCommand.Pause());
            TrainerSnapshot endA = watchA.await(s -> !s.playing());
            TrainerSnapshot endB = watchB.await(s -> !s.playing());

            assertTrue(gateA.largestLead.get() <= 1 && gateB.largestLead.get() <= 1,
                    "never more than one epoch ahead: A led by " + gateA.largestLead + ", B by " + gateB.largestLead);
            assertTrue(Math.abs(endA.epoch() - endB.epoch()) <= 1, endA.epoch() + " and " + endB.epoch());
            assertTrue(gateA.waits.get() > 0, "the faster run did wait for the slower one");
        } finally {
            busy.set(false);
            load.join();
        }
    }

    /** A lockstep side that notes how far ahead of the other its trainer ever got, and how often it was held back. */
    private static final class Watched implements EpochGate {

        private final EpochGate gate;
        private volatile long finished;
        private Watched other;
        final AtomicLong largestLead = new AtomicLong();
        final AtomicLong waits = new AtomicLong();

        Watched(EpochGate gate) {
            this.gate = gate;
        }

        @Override
        public boolean mayTrain(long finishedEpochs) {
            boolean may = gate.mayTrain(finishedEpochs);
            if (!may) {
                waits.incrementAndGet();
            }
            return may;
        }

        @Override
        public void reached(long finishedEpochs) {
            // Noted before the gate hears of it, so the other side's lead is never understated here.
            finished = finishedEpochs;
            largestLead.accumulateAndGet(finishedEpochs - other.finished, Math::max);
            gate.reached(finishedEpochs);
        }
    }

    /**
     * Plays both runs until B has trained {@code epochs} epochs, pauses them, and steps each to the
     * end of the same epoch: their last snapshots.
     */
    private static TrainerSnapshot[] playThenLineUp(ComparisonRun run, long epochs) {
        SnapshotWatch watchA = new SnapshotWatch(run.a());
        SnapshotWatch watchB = new SnapshotWatch(run.b());
        run.sendBoth(new TrainerCommand.Play());
        watchB.await(s -> s.epoch() >= epochs);
        run.pauseAtEpochEnd();
        run.lineUp(watchA.await(s -> s.commandsApplied() == run.a().commandsSent()),
                watchB.await(s -> s.commandsApplied() == run.b().commandsSent()));
        return new TrainerSnapshot[] {
            watchA.await(s -> s.commandsApplied() == run.a().commandsSent()),
            watchB.await(s -> s.commandsApplied() == run.b().commandsSent())};
    }
}
