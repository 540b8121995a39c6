package org.backproplab.training;

/**
 * What a {@link Trainer} asks before each mini-batch it trains while playing: whether it may go on
 * with the epoch after the ones it has finished. A lone trainer always may; two trainers of a
 * comparison keep in {@link Lockstep}. A gate answers at once and never blocks: a trainer told to
 * wait rests briefly and asks again, still answering its commands meanwhile.
 */
public interface EpochGate {

    /** The gate of a trainer that trains alone. */
    EpochGate OPEN = new EpochGate() {
        @Override
        public boolean mayTrain(long finishedEpochs) {
            return true;
        }

        @Override
        public void reached(long finishedEpochs) {
            // Nobody waits for a lone trainer.
        }
    };

    /** Whether the trainer, having finished {@code finishedEpochs} epochs, may train on now. */
    boolean mayTrain(long finishedEpochs);

    /** The trainer now stands at {@code finishedEpochs} (after an epoch, or a command such as Reset). */
    void reached(long finishedEpochs);
}
