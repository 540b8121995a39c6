package org.backproplab.ui.common;

import org.backproplab.engine.GradientCheck;
import org.backproplab.trace.ParameterNames;

/** A parameter's name as the formulas write it (w₂₁⁽¹⁾, b₁⁽²⁾, γ₁⁽¹⁾, β₁⁽¹⁾), whichever kind it is. */
public final class ParameterLabel {

    private ParameterLabel() {
    }

    public static String of(GradientCheck.Parameter parameter) {
        return switch (parameter) {
            case GradientCheck.Parameter.Weight w -> ParameterNames.weight(w.layer(), w.neuron(), w.input());
            case GradientCheck.Parameter.Bias b -> ParameterNames.bias(b.layer(), b.neuron());
            case GradientCheck.Parameter.Gamma g -> ParameterNames.gamma(g.layer(), g.neuron());
            case GradientCheck.Parameter.Beta b -> ParameterNames.beta(b.layer(), b.neuron());
        };
    }
}
