package org.backproplab.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.backproplab.engine.Activation;
import org.backproplab.fixtures.TinyDropout;
import org.junit.jupiter.api.Test;

/** The step-through's formulas for a layer that dropped outputs: the ×1/(1 − p) forward and the mask in δ, with numbers. */
class DropoutFormulasTest {

    /**
     * x = 1 into two sigmoid neurons with z = (0, 0.5) and p = 0.5; the draws keep neuron 1 (0.7 ≥ p)
     * and drop neuron 2 (0.2 < p), so a = (2·σ(0), 0) = (1, 0).
     */
    private static StepTrace trace() {
        return TinyDropout.step(Activation.SIGMOID, new double[] {0, 0.5}, new double[] {0.5, 0.25}, 0.7, 0.2);
    }

    private static String plain(Formula formula) {
        return FormulaRenderer.toPlainText(formula, 4);
    }

    @Test
    void theForwardFormulaShowsTheMaskAndTheScaleWithNumbers() {
        FormulaBuilder formulas = new FormulaBuilder(trace(), 0);
        assertEquals(Caption.DROPOUT_ACTIVATION, formulas.forwardNeuron(0, 0).getLast().caption());
        assertEquals("a₁⁽¹⁾ = m₁⁽¹⁾·σ(z₁⁽¹⁾)·1/(1 − p) = 1·σ(0)·1/(1 − 0.5) = 1·0.5·1/(1 − 0.5) = 1",
                plain(formulas.forwardNeuron(0, 0).getLast()));
        assertEquals("a₂⁽¹⁾ = m₂⁽¹⁾·σ(z₂⁽¹⁾)·1/(1 − p) = 0·σ(0.5)·1/(1 − 0.5) = 0·0.6225·1/(1 − 0.5) = 0",
                plain(formulas.forwardNeuron(0, 1).getLast()));
    }

    @Test
    void theBackwardFormulaShowsTheMask() {
        FormulaBuilder formulas = new FormulaBuilder(trace(), 0);
        // δ_out = 0.5·1 − 1 = −0.5; f′ is taken at f(z) = σ(z) before the mask, not at the scaled a.
        assertEquals("δ₁⁽¹⁾ = w₁₁⁽²⁾·δ₁⁽²⁾·m₁⁽¹⁾·1/(1 − p)·f(z)·(1 − f(z)) = 0.5·(−0.5)·1·1/(1 − 0.5)·0.5·(1 − 0.5) = −0.125",
                plain(formulas.backwardNeuron(0, 0)));
        assertEquals("δ₂⁽¹⁾ = w₁₂⁽²⁾·δ₁⁽²⁾·m₂⁽¹⁾·1/(1 − p)·f(z)·(1 − f(z)) = 0.25·(−0.5)·0·1/(1 − 0.5)·0.6225·(1 − 0.6225) = 0",
                plain(formulas.backwardNeuron(0, 1)));
    }

    @Test
    void theBackwardLayerFormShowsTheMaskAndTheScaleToo() {
        // Wᵀ·δ = (0.5·(−0.5), 0.25·(−0.5)); the kept neuron's δ doubles through 1/(1 − 0.5), the dropped one's is 0.
        assertEquals("δ⁽¹⁾ = (W⁽²⁾ᵀ·δ⁽²⁾) ⊙ m⁽¹⁾·1/(1 − p) ⊙ σ′(z⁽¹⁾)"
                        + " = ([0.5; 0.25]·[−0.5]) ⊙ [1; 0]·1/(1 − 0.5) ⊙ [0.25; 0.235] = [−0.125; 0]",
                plain(new FormulaBuilder(trace(), 0).explain(new SubStep.BackwardLayer(0)).matrixForm().getFirst()));
    }

    @Test
    void onANormalisedLayerTheSlopeIsLabelledWithWhatItIsTakenAt() {
        // Every draw keeps its neuron; the activation read y, so f′ is taken at f(y), and says so.
        String delta = plain(new FormulaBuilder(TinyDropout.normalisedStep(0.9, 0.9, 0.9, 0.9), 0).backwardNeuron(0, 0));
        assertEquals("δʸ₁⁽¹⁾ = w₁₁⁽²⁾·δ₁⁽²⁾·m₁⁽¹⁾·1/(1 − p)·f(y)·(1 − f(y))", delta.substring(0, delta.indexOf(" = ", 8)));
    }
}
