package org.backproplab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.function.Predicate;
import org.backproplab.fixtures.TestLessons;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TrainerTest {

    private final Trainer trainer = new Trainer(TestLessons.xor(), 16).start();
    private TrainerSnapshot latest;

    @AfterEach
    void stop() {
        trainer.close();
    }

    /** Takes snapshots as a frame loop would, until one matches. */
    private TrainerSnapshot awaitSnapshot(Predicate<TrainerSnapshot> wanted) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            trainer.take().ifPresent(s -> latest = s);
            if (latest != null && wanted.test(latest)) {
                return latest;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        return fail("no matching snapshot; last was epoch " + (latest == null ? "none" : latest.epoch()));
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
        trainer.send(new TrainerCommand.Play());
        for (int i = 1; i <= 2000; i++) {
            trainer.send(new TrainerCommand.SetLearningRate(i / 1000.0));
        }
        trainer.send(new TrainerCommand.Pause());

        TrainerSnapshot last = awaitSnapshot(s -> !s.playing() && s.settings().hyperparameters().optimizer().learningRate() == 2.0);
        assertEquals(2.0, last.settings().hyperparameters().optimizer().learningRate());
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

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
