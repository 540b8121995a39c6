package org.backproplab.trace;

/**
 * What inverted dropout did to one hidden layer's outputs in one training step: each output was
 * kept with probability 1 − p and then multiplied by 1/(1 − p), or dropped to 0.
 *
 * @param rate                    p, the probability of dropping an output
 * @param mask                    1 where an output was kept, 0 where it was dropped; one column per sample
 * @param activationBeforeDropout f(z) before the mask and the scaling; the layer's {@code a} is what
 *                                the next layer reads, after them
 */
public record DropoutTrace(double rate, Matrix mask, Matrix activationBeforeDropout) {

    /** The factor 1/(1 − p) every kept output is multiplied by. */
    public double keptScale() {
        return 1 / (1 - rate);
    }
}
