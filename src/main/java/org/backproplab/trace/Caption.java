package org.backproplab.trace;

/**
 * What a formula computes. Stable ids the UI maps to resource-bundle text in each language, so
 * no English lives in the formula model.
 */
public enum Caption {
    /** z = Σ w·a + b of one neuron, or z = W·a + b of a layer. */
    WEIGHTED_SUM,
    /** a = f(z). */
    ACTIVATION,
    /** w·a: what one edge carries into its neuron's weighted sum. */
    EDGE_SIGNAL,
    /** The loss of a one-sample batch. */
    LOSS,
    /** The loss of the focused sample of a larger batch. */
    SAMPLE_LOSS,
    /** The batch loss: the mean of the samples' losses. */
    MEAN_LOSS,
    /** J = E + R: the data loss plus the regularization penalty. */
    TOTAL_LOSS,
    /** δ of an output neuron. */
    OUTPUT_DELTA,
    /** δ of a hidden neuron, from the δ of the layer above. */
    HIDDEN_DELTA,
    /** ∂E/∂w = δ·a (batch mean for a larger batch). */
    WEIGHT_GRADIENT,
    /** ∂E/∂b = δ (batch mean for a larger batch). */
    BIAS_GRADIENT,
    /** ∂J/∂w = ∂E/∂w + ∂R/∂w: the regularization term added to a weight's gradient. */
    REGULARIZED_GRADIENT,
    /** g = c·∂J/∂w: every gradient scaled by the clipping factor c. */
    CLIPPED_GRADIENT,
    /** Momentum's velocity v ← μ·v − η·g. */
    MOMENTUM_VELOCITY,
    /** Adam's running mean of the gradients m ← β₁·m + (1 − β₁)·g. */
    ADAM_FIRST_MOMENT,
    /** Adam's running mean of the squared gradients v ← β₂·v + (1 − β₂)·g². */
    ADAM_SECOND_MOMENT,
    /** Adam's bias-corrected first moment m̂ = m/(1 − β₁ᵗ). */
    ADAM_MEAN,
    /** Adam's bias-corrected second moment v̂ = v/(1 − β₂ᵗ). */
    ADAM_VARIANCE,
    /** Adam's step Δw = −η·m̂/(√v̂ + ε). */
    ADAM_STEP,
    /** RMSprop's running mean of the squared gradients s ← ρ·s + (1 − ρ)·g². */
    RMSPROP_MEAN_SQUARE,
    /** RMSprop's step Δw = −η·g/(√s + ε). */
    RMSPROP_STEP,
    /** The η this step used, from the lesson's η and the epoch by the learning-rate schedule. */
    SCHEDULED_RATE,
    /** The new value of a weight (or of a layer's W). */
    WEIGHT_UPDATE,
    /** The new value of a bias (or of a layer's b). */
    BIAS_UPDATE,
    /** The lesson keeps biases fixed: b ← b. */
    BIAS_FIXED,
    /** a = m·f(z)·1/(1 − p): the activation through dropout's mask, kept outputs scaled up. */
    DROPOUT_ACTIVATION,
    /** μ, the mean of a neuron's z over the batch. */
    BATCH_MEAN,
    /** σ², the (biased) variance of a neuron's z over the batch. */
    BATCH_VARIANCE,
    /** x̂ = (z − μ)/√(σ² + ε). */
    NORMALIZED,
    /** y = γ·x̂ + β, what a normalised neuron's activation reads. */
    SCALE_SHIFT,
    /** ∂E/∂β = mean of δʸ. */
    BETA_GRADIENT,
    /** ∂E/∂γ = mean of δʸ·x̂. */
    GAMMA_GRADIENT,
    /** δ = γ/√(σ² + ε)·(δʸ − mean δʸ − x̂·mean(δʸ·x̂)): back through batch normalisation. */
    BATCH_NORM_DELTA,
    /** ∂E/∂b = mean of δ = 0 under batch normalisation. */
    NORMALISED_BIAS_GRADIENT,
    /** The new value of γ. */
    GAMMA_UPDATE,
    /** The new value of β. */
    BETA_UPDATE
}
