package org.backproplab.trace;

import java.util.List;

/**
 * What the UI shows for one sub-step or one clicked neuron or edge.
 *
 * @param formulas   per-neuron (or per-weight) working in teaching order
 * @param matrixForm the same step for the whole layer as matrices (z = W·a + b …); empty for
 *                   single-neuron steps, the loss, and clicked neurons or edges
 */
public record Explanation(List<Formula> formulas, List<Formula> matrixForm) {

    public Explanation {
        formulas = List.copyOf(formulas);
        matrixForm = List.copyOf(matrixForm);
    }

    static Explanation of(List<Formula> formulas) {
        return new Explanation(formulas, List.of());
    }
}
