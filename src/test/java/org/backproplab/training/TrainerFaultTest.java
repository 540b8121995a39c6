package org.backproplab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.backproplab.fixtures.TestLessons;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bug in the trainer's loop pauses the lab on its last good network, says so and logs it; the thread lives on. */
class TrainerFaultTest {

    @TempDir
    Path home;

    private final InjectedFaults faults = new InjectedFaults();
    private Trainer trainer;
    private final List<TrainerSnapshot> seen = new ArrayList<>();

    @AfterEach
    void stop() {
        faults.release();
        if (trainer != null) {
            trainer.close();
        }
    }

    private Trainer started() {
        trainer = faults.trainer(TestLessons.xor(), 8, home).start();
        return trainer;
    }

    @Test
    void aFaultInTrainingPausesOnTheLastGoodNetworkAndPlayGoesOnFromThere() throws IOException {
        started().send(new TrainerCommand.Play());
        awaitSnapshot(s -> s.playing() && s.epoch() >= 30);

        faults.breakNextBatch();
        TrainerSnapshot failed = awaitSnapshot(s -> s.notice().orElse(null) instanceof Notice.Failed);
        Notice.Failed notice = (Notice.Failed) failed.notice().orElseThrow();
        assertFalse(failed.playing(), "the fault paused training");
        assertEquals(notice.restoredEpoch(), failed.history().getLast().epoch(),
                "the network back is the one of the last epoch the chart kept");
        assertTrue(notice.details().contains(InjectedFaults.MESSAGE + " in training"), notice.details());
        assertTrue(log().contains("IllegalStateException: " + InjectedFaults.MESSAGE + " in training"), log());
        assertTrue(log().contains("at org.backproplab.training.Trainer"), "the log has the stack trace");

        trainer.send(new TrainerCommand.Play());
        TrainerSnapshot resumed = awaitSnapshot(s -> s.playing() && s.epoch() >= failed.epoch() + 20);
        assertTrue(resumed.playing(), "the trainer thread lives on and trains");
    }

    @Test
    void aFaultMakingASnapshotIsReportedInTheNextOne() throws IOException {
        started();
        awaitSnapshot(s -> true);

        faults.breakNextSnapshot();
        trainer.send(new TrainerCommand.StepEpoch());
        TrainerSnapshot failed = awaitSnapshot(s -> s.notice().orElse(null) instanceof Notice.Failed);
        assertTrue(log().contains("NullPointerException: " + InjectedFaults.MESSAGE + " in a snapshot"), log());

        trainer.send(new TrainerCommand.StepEpoch());
        awaitSnapshot(s -> s.epoch() == failed.epoch() + 1 && s.notice().isEmpty());
    }

    @Test
    void aBugInACommandIsAFailureNotARefusalWithRawExceptionText() throws IOException {
        started();
        awaitSnapshot(s -> true);

        faults.breakNextBatch();
        trainer.send(new TrainerCommand.StepEpoch());
        TrainerSnapshot failed = awaitSnapshot(s -> s.notice().isPresent());
        assertInstanceOf(Notice.Failed.class, failed.notice().orElseThrow());
        assertEquals(0, failed.epoch(), "the lab is back at its last good network");
        assertTrue(log().contains(InjectedFaults.MESSAGE + " in training"), log());
    }

    private String log() throws IOException {
        return Files.readString(home.resolve(FaultLog.FILE_NAME));
    }

    /** Takes snapshots as a frame loop would, until one matches. */
    private TrainerSnapshot awaitSnapshot(Predicate<TrainerSnapshot> wanted) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            var taken = trainer.take();
            if (taken.isPresent()) {
                seen.add(taken.get());
                if (wanted.test(taken.get())) {
                    return taken.get();
                }
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        return fail("no matching snapshot among " + seen.size());
    }
}
