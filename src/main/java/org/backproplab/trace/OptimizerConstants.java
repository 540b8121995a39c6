package org.backproplab.trace;

/**
 * Optimizer hyperparameters a {@link StepTrace} does not record (it keeps only η), but the update
 * formulas substitute: momentum's μ and Adam's β₁, β₂, ε. The UI passes the lesson's values; without
 * them the formulas still show the symbols and the trace's results, just not every number.
 */
public sealed interface OptimizerConstants {

    /** v ← μ·v − η·g */
    record Momentum(double momentum) implements OptimizerConstants {
    }

    /** m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ), Δw = −η·m̂/(√v̂ + ε) */
    record Adam(double beta1, double beta2, double epsilon) implements OptimizerConstants {
    }
}
