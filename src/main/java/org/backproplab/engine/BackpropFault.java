package org.backproplab.engine;

/**
 * Mistakes students really make when they write backpropagation by hand, which a teacher can
 * switch on for a gradient check only (training always uses the correct gradients). Each one is a
 * small change to the correct computation, so the check shows which parameters it spoils.
 */
public enum BackpropFault {

    /** The correct gradients. */
    NONE,
    /**
     * The hidden δ taken as Wᵀδ without ⊙ f′(z): the chain rule stops at the activation. Spoils
     * every hidden layer's gradients; the output layer's stay right.
     */
    FORGOTTEN_DERIVATIVE,
    /**
     * ∂E/∂o written as (t − o) instead of −(t − o) = o − t: the minus sign of the chain rule lost,
     * so every gradient points uphill.
     */
    FLIPPED_ERROR_SIGN,
    /** ∂L/∂b left out (taken as 0), as if biases were constants: only the biases' gradients are wrong. */
    MISSING_BIAS_GRADIENT
}
