package org.backproplab.engine;

/**
 * Data augmentation for 2-D points: each time training uses a point, it is shifted by Gaussian
 * noise, x₁′ = x₁ + σ·ε₁ and x₂′ = x₂ + σ·ε₂ with ε ~ N(0, 1) drawn from the lesson's random source,
 * and the input features are computed from the shifted point. The network then never sees quite the
 * same point twice, so it cannot learn each point's exact place by heart. Evaluation uses the points
 * as they are.
 *
 * @param noise σ, the standard deviation of the shift; 0 turns augmentation off
 */
public record Augmentation(double noise) {

    public static final Augmentation NONE = new Augmentation(0);
    /** The largest σ the lab offers: the generators' planes span about −6…6, so more would leave no pattern. */
    public static final double MAX_NOISE = 5;

    public Augmentation {
        if (!(noise >= 0 && Double.isFinite(noise))) {
            throw new IllegalArgumentException("augmentation noise must be 0 (off) or a positive number, got " + noise);
        }
    }

    public boolean isActive() {
        return noise > 0;
    }
}
