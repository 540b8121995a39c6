package org.backproplab.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.backproplab.lesson.Lesson;

/**
 * The one background thread that owns the network. Commands go in through {@link #send}, which
 * never blocks; snapshots come out through {@link #take}, latest-wins. A new snapshot is made only
 * once the previous one was taken (and at most once per frame), so a fast trainer never floods the
 * FX thread and a slow frame never holds the trainer up; neither side ever waits for the other.
 *
 * <h2>Failures</h2>
 * A bug in training, in making a snapshot or in a command must not end the thread, or the window
 * would show its last frame forever. Each turn of the loop is guarded: a failure is written to the
 * {@link FaultLog}, and the session pauses with its last good network and a {@link Notice.Failed}.
 * Closing applies what is still queued, so a save sent just before is written, not dropped.
 */
public final class Trainer implements AutoCloseable {

    private static final long FRAME_NANOS = 16_000_000;
    /** How long the thread trains between looks at its inbox. */
    private static final long SLICE_NANOS = 4_000_000;
    private static final long IDLE_WAIT_NANOS = 50_000_000;
    /**
     * While playing, heatmaps get at most this share of the thread's time: a big network's maps
     * then refresh a few times a second instead of every frame, and training keeps its pace.
     * Weights, losses and the counter still come every frame.
     */
    private static final double HEATMAP_SHARE = 0.25;

    private final ConcurrentLinkedQueue<TrainerCommand> inbox = new ConcurrentLinkedQueue<>();
    private final AtomicReference<TrainerSnapshot> outbox = new AtomicReference<>();
    private final AtomicLong commandsSent = new AtomicLong();
    private final ConcurrentLinkedQueue<SaveOutcome> saves = new ConcurrentLinkedQueue<>();
    private final LabSession session;
    private final FaultLog faults;
    private final EpochGate gate;
    private final Thread thread;
    private volatile boolean closed;
    private long version;
    private long lastPublish;
    /** When the heatmaps were last sampled, and how long that took. */
    private long lastHeatmaps;
    private long heatmapNanos;
    /** Pacing: when playing at a set speed, epochs are due at {@code speed} per second from this moment. */
    private long paceStart;
    private long epochsSincePaceStart;
    /** A failure's notice waits to be published. */
    private boolean mustPublish;
    private boolean publishing;
    /** Snapshots that failed to be made in a row. */
    private int failedPublishes;

    /**
     * Builds the lesson's experiment on the calling thread and publishes its first snapshot at once,
     * so a window can show the lesson before the thread even starts.
     *
     * @param heatmapResolution heatmap cells per side (fewer for networks too big to afford them)
     */
    public Trainer(Lesson lesson, int heatmapResolution) {
        this(lesson, heatmapResolution, new FaultLog(Optional.empty()));
    }

    /** As {@link #Trainer(Lesson, int)}, writing its own failures to {@code faults}. */
    public Trainer(Lesson lesson, int heatmapResolution, FaultLog faults) {
        this(lesson, heatmapResolution, faults, EpochGate.OPEN);
    }

    /** As {@link #Trainer(Lesson, int, FaultLog)}, asking {@code gate} before each mini-batch it plays (a comparison's {@link Lockstep}). */
    public Trainer(Lesson lesson, int heatmapResolution, FaultLog faults, EpochGate gate) {
        this(new LabSession(lesson, heatmapResolution), faults, gate);
    }

    /** On a session of the caller's: a test's, with a fault to inject. */
    Trainer(LabSession session, FaultLog faults) {
        this(session, faults, EpochGate.OPEN);
    }

    private Trainer(LabSession session, FaultLog faults, EpochGate gate) {
        this.session = session;
        this.faults = faults;
        this.gate = gate;
        thread = Thread.ofPlatform().name("trainer").daemon().unstarted(this::run);
        publish(true);
    }

    /** Starts the thread, which from then on owns the network. */
    public Trainer start() {
        thread.start();
        return this;
    }

    /** Queues a command for the trainer; returns at once. */
    public void send(TrainerCommand command) {
        commandsSent.incrementAndGet();
        inbox.add(command);
        LockSupport.unpark(thread);
    }

    /**
     * How many commands were sent so far. A snapshot whose {@link TrainerSnapshot#commandsApplied()}
     * is this count shows the result of all of them; an older one does not yet, and a control
     * showing what the user just chose should not be set back from it.
     */
    public long commandsSent() {
        return commandsSent.get();
    }

    /** What became of the saves applied since the last call, oldest first. */
    public List<SaveOutcome> takeSaves() {
        List<SaveOutcome> taken = new ArrayList<>();
        for (SaveOutcome outcome = saves.poll(); outcome != null; outcome = saves.poll()) {
            taken.add(outcome);
        }
        return taken;
    }

    /** The newest snapshot not yet taken, if any. Call at most once per frame. */
    public Optional<TrainerSnapshot> take() {
        return Optional.ofNullable(outbox.getAndSet(null));
    }

    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(thread);
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        while (!closed) {
            try {
                turn();
            } catch (RuntimeException | Error failure) {
                // Errors too (a stack overflow, say): the last good network is small enough to go on with.
                recover(failure);
            }
        }
        // Commands sent before closing still count, a save above all: applied, not dropped.
        while (!inbox.isEmpty()) {
            try {
                applyCommands();
            } catch (RuntimeException | Error failure) {
                faults.record(failure);
            }
        }
    }

    /** One turn of the loop: the commands that came, a slice of training, and a snapshot if one is due. */
    private void turn() {
        if (!session.isPlaying() && inbox.isEmpty()) {
            // Resting while idle; send() wakes the thread.
            LockSupport.parkNanos(this, IDLE_WAIT_NANOS);
        }
        boolean changed = applyCommands();
        if (changed) {
            // A step, a reset or another lesson moves the count the other side of a lockstep waits on.
            gate.reached(session.epoch());
        }
        if (session.isPlaying()) {
            train();
            // Training can stop by itself (a divergence): the pause and its notice must be shown.
            changed |= !session.isPlaying();
        }
        if (changed || mustPublish
                || (session.isPlaying() && outbox.get() == null && System.nanoTime() - lastPublish >= FRAME_NANOS)) {
            publish(changed || mustPublish);
        }
    }

    /**
     * Logs a failure and has the session pause on its last good network, with a notice for the next
     * snapshot. If making snapshots is what fails, one more try follows; after that the thread
     * waits for a command instead of failing again and again (and the window, seeing no snapshots
     * while playing, says the trainer stopped answering).
     */
    private void recover(Throwable failure) {
        session.failed(faults.record(failure));
        failedPublishes = publishing ? failedPublishes + 1 : 0;
        publishing = false;
        mustPublish = failedPublishes < 2;
    }

    /** Applies every queued command. Returns whether any arrived. */
    private boolean applyCommands() {
        TrainerCommand command = inbox.poll();
        boolean any = false;
        boolean wasPlaying = session.isPlaying();
        double oldSpeed = session.speed();
        try {
            while (command != null) {
                session.apply(command);
                any = true;
                command = inbox.poll();
            }
        } finally {
            // A save's outcome is reported even when a later command in the batch fails.
            saves.addAll(session.takeSaves());
        }
        if (session.isPlaying() && (!wasPlaying || session.speed() != oldSpeed)) {
            paceStart = System.nanoTime();
            epochsSincePaceStart = 0;
        }
        return any;
    }

    /** Trains for one time slice, or until the set speed says the next epoch is not yet due. */
    private void train() {
        long sliceEnd = System.nanoTime() + SLICE_NANOS;
        while (session.isPlaying() && System.nanoTime() < sliceEnd) {
            if (session.speed() > 0 && epochsSincePaceStart >= epochsDue()) {
                // Ahead of schedule: rest until the next epoch is due, or a command comes.
                long waitNanos = (long) ((epochsSincePaceStart + 1) / session.speed() * 1e9) - (System.nanoTime() - paceStart);
                if (inbox.isEmpty()) {
                    LockSupport.parkNanos(this, Math.clamp(waitNanos, 0, FRAME_NANOS));
                }
                return;
            }
            if (!gate.mayTrain(session.epoch())) {
                // The other run of a comparison is behind: rest until it catches up (it wakes this
                // thread) or a frame passes, and keep answering commands meanwhile.
                if (inbox.isEmpty()) {
                    LockSupport.parkNanos(this, FRAME_NANOS);
                }
                return;
            }
            if (session.trainBatch()) {
                epochsSincePaceStart++;
                gate.reached(session.epoch());
            }
        }
    }

    private long epochsDue() {
        return (long) ((System.nanoTime() - paceStart) / 1e9 * session.speed());
    }

    /**
     * Replaces the untaken snapshot, if any, with a fresh one. A notice in the replaced snapshot
     * moves on to the fresh one unless that has its own: latest-wins must not lose a warning.
     */
    private void publish(boolean afterCommands) {
        publishing = true;
        long start = System.nanoTime();
        // After a command the maps must show its effect at once; while training, they keep to their share.
        boolean freshHeatmaps = afterCommands || !session.isPlaying()
                || start - lastHeatmaps >= heatmapNanos * (1 - HEATMAP_SHARE) / HEATMAP_SHARE;
        TrainerSnapshot fresh = session.snapshot(++version, freshHeatmaps);
        if (freshHeatmaps) {
            lastHeatmaps = System.nanoTime();
            heatmapNanos = lastHeatmaps - start;
        }
        TrainerSnapshot untaken;
        TrainerSnapshot published;
        do {
            untaken = outbox.get();
            published = fresh.notice().isEmpty() && untaken != null && untaken.notice().isPresent()
                    ? fresh.withNotice(untaken.notice()) : fresh;
        } while (!outbox.compareAndSet(untaken, published));
        lastPublish = System.nanoTime();
        publishing = false;
        mustPublish = false;
        failedPublishes = 0;
    }
}
