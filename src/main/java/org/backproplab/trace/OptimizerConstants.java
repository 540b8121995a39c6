package org.backproplab.trace;

/**
 * The optimizer's constants besides η, as a {@link StepTrace} records them so that the update
 * formulas can substitute every number: momentum's μ, Adam's β₁, β₂, ε and RMSprop's ρ, ε.
 */
public sealed interface OptimizerConstants {

    /** Plain SGD has no constant besides η. */
    record Sgd() implements OptimizerConstants {
    }

    /** v ← μ·v − η·g */
    record Momentum(double momentum) implements OptimizerConstants {
    }

    /** m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ), Δw = −η·m̂/(√v̂ + ε) */
    record Adam(double beta1, double beta2, double epsilon) implements OptimizerConstants {
    }

    /** s ← ρ·s + (1 − ρ)·g², Δw = −η·g/(√s + ε) */
    record RmsProp(double rho, double epsilon) implements OptimizerConstants {
    }
}
