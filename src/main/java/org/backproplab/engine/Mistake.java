package org.backproplab.engine;

/**
 * Classic slips of a student working one pass of backpropagation by hand, each one number of the
 * pass computed a little wrong. {@link MistakenAnswers} works out what each gives, so a wrong
 * answer can be named. The first three are {@link BackpropFault}'s, made in one step rather than
 * through a whole gradient.
 */
public enum Mistake {
    /** δ without the factor f′(z): the chain rule stopped at the activation. */
    FORGOTTEN_DERIVATIVE,
    /** The output error taken as t − o instead of o − t. */
    FLIPPED_ERROR_SIGN,
    /** f′ evaluated at a instead of at z (σ′(a) for σ′(z)). */
    A_FOR_Z,
    /** z where a belongs: a = z (no activation), Σ w·z of the layer below, f′ written with z for a, δ·z for δ·a. */
    Z_FOR_A,
    /** A new weight or bias moved by the whole gradient, not η times it. */
    FORGOTTEN_LEARNING_RATE,
    /** z without + b, or a bias left unchanged by the update. */
    FORGOTTEN_BIAS,
    /** A hidden δ from the layer above's new weights, where the old ones belong. */
    NEW_WEIGHT_IN_HIDDEN_DELTA
}
