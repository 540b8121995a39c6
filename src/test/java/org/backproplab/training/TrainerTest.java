package org.backproplab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.function.Predicate;
import java.util.List;
import org.backproplab.engine.Activation;
import org.backproplab.engine.Loss;
import org.backproplab.engine.OptimizerSettings;
import org.backproplab.fixtures.TestLessons;
import org.backproplab.lesson.LessonException;
import org.backproplab.lesson.LessonFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {

    private final Trainer trainer = new Trainer(TestLessons.xor(), 16).start();
    private final SnapshotWatch watch = new SnapshotWatch(trainer);

    @AfterEach
    void stop() {
        trainer.close();
    }

    /** Takes snapshots as a frame loop would, until one matches. */
    private TrainerSnapshot awaitSnapshot(Predicate<TrainerSnapshot> wanted) {
        return watch.await(wanted);
    }

    @Test
    void playTrainsAndPauseStops() {
        trainer.send(new TrainerCommand.Play());
        TrainerSnapshot running = awaitSnapshot(s -> s.playing() && s.epoch() >= 20);
        trainer.send(new TrainerCommand.Pause());
        TrainerSnapshot paused = awaitSnapshot(s -> !s.playing());

        assertTrue(paused.epoch() >= running.epoch());
        trainer.send(new TrainerCommand.SetBatchSize(5));
        TrainerSnapshot later = awaitSnapshot(s -> s.settings().batchSize() == 5);
        assertEquals(paused.epoch(), later.epoch(), "no training happens while paused");
    }

    @Test
    void commandsApplyInTheOrderSent() {
        // Each step trains with the rate sent just before it, so the final weights depend on the order
        // of all 2,000 commands: any two rates swapped, or a rate moved past a step, changes them.
        List<TrainerCommand> commands = new ArrayList<>();
        for (int i = 1; i <= 1000; i++) {
            commands.add(new TrainerCommand.SetLearningRate(0.05 + (i % 97) / 97.0));
            commands.add(new TrainerCommand.StepBatch());
        }
        LabSession inOrder = new LabSession(TestLessons.xor(), 16);

        commands.forEach(trainer::send);
        commands.forEach(inOrder::apply);

        TrainerSnapshot last = awaitSnapshot(s -> s.commandsApplied() == commands.size());
        TrainerSnapshot expected = inOrder.snapshot(0);
        assertEquals(1000, last.steps());
        assertTrue(last.notice().isEmpty(), "no command was rejected: " + last.notice());
        assertEquals(expected.lab().network(), last.lab().network(), "weights as the commands give them in the order sent");
    }

    @Test
    void snapshotsArePublishedOnlyAsFastAsTheyAreTaken() {
        trainer.send(new TrainerCommand.Play());
        TrainerSnapshot first = awaitSnapshot(s -> s.playing());
        // Nobody takes for a while: the trainer must keep training, holding back new snapshots.
        sleep(300);
        TrainerSnapshot next = awaitSnapshot(s -> true);
        assertTrue(next.version() <= first.version() + 2,
                "an untaken snapshot is replaced at most once, got versions " + first.version() + " then " + next.version());
        assertTrue(next.epoch() > first.epoch(), "training went on while nobody looked");
    }

    @Test
    void aDivergenceWhilePlayingIsShownEvenThoughTrainingStopsByItself() {
        // A linear output under squared error and a huge rate: the loss blows up in the first epoch.
        // At a set speed that epoch is only due a while after Play, when no command is being applied.
        List.of(new TrainerCommand.SetLoss(Loss.SQUARED_ERROR), new TrainerCommand.SetActivation(1, Activation.LINEAR),
                new TrainerCommand.SetOptimizer(new OptimizerSettings.Sgd(5)), new TrainerCommand.SetSpeed(20),
                new TrainerCommand.Play())
                .forEach(trainer::send);

        TrainerSnapshot stopped = awaitSnapshot(s -> s.notice().isPresent());
        assertTrue(stopped.notice().get() instanceof Notice.Diverged, "got " + stopped.notice().get());
        assertTrue(!stopped.playing(), "training paused itself");
    }

    @Test
    void aSnapshotSaysWhenItReflectsEveryCommandSent() {
        for (int size = 1; size <= 50; size++) {
            trainer.send(new TrainerCommand.SetBatchSize(size));
        }
        TrainerSnapshot caughtUp = awaitSnapshot(s -> s.commandsApplied() == trainer.commandsSent());
        assertEquals(50, caughtUp.commandsApplied());
        assertEquals(50, caughtUp.settings().batchSize(), "the snapshot that caught up shows the last command");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void closingRightAfterASaveStillWritesItWhileTrainingAtFullSpeed(@TempDir Path folder) throws LessonException {
        trainer.send(new TrainerCommand.SetSpeed(0));
        trainer.send(new TrainerCommand.Play());
        awaitSnapshot(s -> s.playing() && s.epoch() >= 10);
        Path file = folder.resolve("closing.json");

        trainer.send(new TrainerCommand.SaveLesson(file));
        trainer.close();

        assertEquals(List.of(new SaveOutcome(file, true)), trainer.takeSaves(), "the save was applied, not dropped");
        assertEquals("XOR fixture", LessonFile.read(file).title());
    }
}
