package org.backproplab.training;

import java.util.concurrent.locks.LockSupport;

/**
 * Keeps the two trainers of a comparison at the same epoch: each may train the next epoch only
 * once the other has finished as many as it has, so while they play neither is ever more than one
 * epoch ahead, whichever of them is slower or gets less of the machine. Neither blocks on the other
 * either: the one ahead is told to wait, rests a moment (or until the other wakes it on finishing
 * an epoch), and meanwhile keeps answering its commands and publishing its snapshots.
 */
public final class Lockstep {

    private final Side a = new Side();
    private final Side b = new Side();

    public Lockstep() {
        a.other = b;
        b.other = a;
    }

    /** The gate for run A's trainer. */
    public EpochGate a() {
        return a;
    }

    /** The gate for run B's trainer. */
    public EpochGate b() {
        return b;
    }

    private static final class Side implements EpochGate {

        private volatile long finished;
        /** The trainer thread last told to wait, to be woken when the other side moves on. */
        private volatile Thread waiting;
        private Side other;

        @Override
        public boolean mayTrain(long finishedEpochs) {
            finished = finishedEpochs;
            if (finishedEpochs <= other.finished) {
                return true;
            }
            waiting = Thread.currentThread();
            // Asked again after saying who waits: the other side may have moved on in between, and
            // would then have woken nobody.
            return finishedEpochs <= other.finished;
        }

        @Override
        public void reached(long finishedEpochs) {
            finished = finishedEpochs;
            Thread waiter = other.waiting;
            if (waiter != null) {
                LockSupport.unpark(waiter);
            }
        }
    }
}
