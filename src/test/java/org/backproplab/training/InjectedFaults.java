package org.backproplab.training;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.backproplab.lesson.Lesson;

/**
 * A trainer with bugs a test switches on: the next training step or the next snapshot throws, or
 * making snapshots hangs until released. Public so that window tests can open a lab on it; the
 * trainer itself offers no such switch.
 */
public final class InjectedFaults {

    /** What an injected fault says, to find it in the log and on the clipboard. */
    public static final String MESSAGE = "injected fault";

    private final AtomicBoolean breakBatch = new AtomicBoolean();
    private final AtomicBoolean breakSnapshot = new AtomicBoolean();
    private volatile CountDownLatch hang = new CountDownLatch(0);

    /** A trainer (not yet started) for {@code lesson} whose faults this switches, logging to {@code logFolder}. */
    public Trainer trainer(Lesson lesson, int heatmapResolution, Path logFolder) {
        return new Trainer(new FaultySession(lesson, heatmapResolution), new FaultLog(Optional.of(logFolder)));
    }

    public void breakNextBatch() {
        breakBatch.set(true);
    }

    public void breakNextSnapshot() {
        breakSnapshot.set(true);
    }

    /** Every snapshot from now on waits until {@link #release}: the trainer stops answering. */
    public void hangSnapshots() {
        hang = new CountDownLatch(1);
    }

    public void release() {
        hang.countDown();
    }

    private final class FaultySession extends LabSession {

        FaultySession(Lesson lesson, int heatmapResolution) {
            super(lesson, heatmapResolution);
        }

        @Override
        boolean trainBatch() {
            if (breakBatch.getAndSet(false)) {
                throw new IllegalStateException(MESSAGE + " in training");
            }
            return super.trainBatch();
        }

        @Override
        TrainerSnapshot snapshot(long version, boolean freshHeatmaps) {
            if (breakSnapshot.getAndSet(false)) {
                throw new NullPointerException(MESSAGE + " in a snapshot");
            }
            try {
                hang.await(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return super.snapshot(version, freshHeatmaps);
        }
    }
}
