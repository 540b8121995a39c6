package org.backproplab.training;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.function.Predicate;

/** Takes a trainer's snapshots as a window's frame loop would, keeping the latest, until one matches. */
final class SnapshotWatch {

    /** Only a bound on a test that would otherwise hang: nothing is asserted about how long training takes. */
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final Trainer trainer;
    private TrainerSnapshot latest;

    SnapshotWatch(Trainer trainer) {
        this.trainer = trainer;
    }

    /** The first snapshot, the latest one taken included, that matches. */
    TrainerSnapshot await(Predicate<TrainerSnapshot> wanted) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
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
}
