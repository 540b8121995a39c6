package org.backproplab.cli;

/** The {@code --sample I} commands share: a training sample, counting from 0. */
final class SampleOption {

    private SampleOption() {
    }

    /** Refuses a sample the lesson does not have, naming the ones it has. */
    static void check(int sample, int trainSize) {
        if (sample < 0 || sample >= trainSize) {
            throw new BadArgument(trainSize == 0 ? "the lesson has no training samples"
                    : "--sample must be from 0 to " + (trainSize - 1) + " (the lesson has " + trainSize
                            + " training samples), got " + sample);
        }
    }
}
