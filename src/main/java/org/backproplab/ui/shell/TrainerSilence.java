package org.backproplab.ui.shell;

/**
 * Watches for a trainer that stopped answering. While the latest snapshot says training runs, a
 * new one comes every frame; none for {@link #PATIENCE_NANOS} means the trainer thread is stuck,
 * and the user must be told rather than left looking at a frozen lab.
 */
final class TrainerSilence {

    /** Long enough for a slow frame or a big save, short enough that nobody wonders for long. */
    static final long PATIENCE_NANOS = 3_000_000_000L;

    private long lastAnswer;
    private boolean reported;

    TrainerSilence(long now) {
        lastAnswer = now;
    }

    /** A snapshot came at {@code now}; returns whether the trainer had been reported silent until then. */
    boolean answered(long now) {
        lastAnswer = now;
        boolean wasReported = reported;
        reported = false;
        return wasReported;
    }

    /** Whether the silence, while {@code playing}, just grew too long to be anything but a stuck trainer: once per silence. */
    boolean tooLong(long now, boolean playing) {
        if (reported || !playing || now - lastAnswer < PATIENCE_NANOS) {
            return false;
        }
        reported = true;
        return true;
    }
}
