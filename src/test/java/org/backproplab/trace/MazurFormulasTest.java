package org.backproplab.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.backproplab.trace.MathToken.Value;
import org.junit.jupiter.api.Test;

/**
 * The formulas of Matt Mazur's worked example, checked against the numbers in his post (computed
 * independently of this code): z_h1 = 0.3775, out_o1 = 0.75136507, E = 0.298371109,
 * δ_o1 = 0.138498562, ∂E/∂w5 = 0.082167041, w5⁺ = 0.35891648, δ_h1 = 0.0087713547. Every
 * substituted number is distinct, so picking a wrong weight, a swapped index or the wrong sample
 * changes the text.
 */
class MazurFormulasTest {

    private final StepTrace trace = MazurExample.trace();
    private final FormulaBuilder builder = new FormulaBuilder(trace, 0);

    private static String plain(Formula formula) {
        return FormulaRenderer.toPlainText(formula, 4);
    }

    @Test
    void weightedSumsReadTheWeightsRowByNeuronAndColumnByInput() {
        assertEquals("z₁⁽¹⁾ = w₁₁⁽¹⁾·x₁ + w₁₂⁽¹⁾·x₂ + b₁⁽¹⁾ = 0.15·0.05 + 0.2·0.1 + 0.35 = 0.3775",
                plain(builder.forwardNeuron(0, 0).get(0)));
        assertEquals("z₂⁽¹⁾ = w₂₁⁽¹⁾·x₁ + w₂₂⁽¹⁾·x₂ + b₂⁽¹⁾ = 0.25·0.05 + 0.3·0.1 + 0.35 = 0.3925",
                plain(builder.forwardNeuron(0, 1).get(0)));
        assertEquals("z₁⁽²⁾ = w₁₁⁽²⁾·a₁⁽¹⁾ + w₁₂⁽²⁾·a₂⁽¹⁾ + b₁⁽²⁾ = 0.4·0.5933 + 0.45·0.5969 + 0.6 = 1.106",
                plain(builder.forwardNeuron(1, 0).get(0)));
    }

    @Test
    void activationsShowTheSigmoidDefinitionWithZSubstituted() {
        assertEquals("a₁⁽¹⁾ = σ(z₁⁽¹⁾) = 1/(1 + e^(−z₁⁽¹⁾)) = 1/(1 + e^(−0.3775)) = 0.5933",
                plain(builder.forwardNeuron(0, 0).get(1)));
        assertEquals("o₂ = σ(z₂⁽²⁾) = 1/(1 + e^(−z₂⁽²⁾)) = 1/(1 + e^(−1.225)) = 0.7729",
                plain(builder.forwardNeuron(1, 1).get(1)));
    }

    @Test
    void theScreenCallsEachOutputWhatItsFormulasCallIt() {
        // The graph labels outputs with OutputNames.output; the working must use the very same names.
        for (int n = 0; n < 2; n++) {
            Formula activation = builder.forwardNeuron(1, n).get(1);
            assertEquals(OutputNames.output(n), FormulaRenderer.toPlainText(activation.subject(), 4));
        }
        assertEquals(List.of("o₁", "o₂"), List.of(OutputNames.output(0), OutputNames.output(1)));
        assertEquals("o₁₂", OutputNames.output(11), "a two-digit index stays one subscript");
    }

    @Test
    void lossShowsBothOutputTermsAndTheTracesTotal() {
        List<Formula> loss = builder.loss();
        assertEquals(1, loss.size());
        assertEquals(Caption.LOSS, loss.getFirst().caption());
        assertEquals("E = ½(t₁ − o₁)² + ½(t₂ − o₂)² = ½(0.01 − 0.7514)² + ½(0.99 − 0.7729)² = 0.2748 + 0.02356 = 0.2984",
                plain(loss.getFirst()));
        assertEquals(trace.loss(), result(loss.getFirst()));
    }

    @Test
    void outputDeltaIsTheErrorTimesTheSigmoidSlope() {
        assertEquals("δ₁⁽²⁾ = (o₁ − t₁)·o₁·(1 − o₁) = (0.7514 − 0.01)·0.7514·(1 − 0.7514) = 0.1385",
                plain(builder.backwardNeuron(1, 0)));
        assertEquals("δ₂⁽²⁾ = (o₂ − t₂)·o₂·(1 − o₂) = (0.7729 − 0.99)·0.7729·(1 − 0.7729) = −0.0381",
                plain(builder.backwardNeuron(1, 1)));
    }

    @Test
    void hiddenDeltaSumsTheOutgoingWeightsColumnTimesTheDeltasAbove() {
        // w₁₁⁽²⁾ = 0.4 and w₂₁⁽²⁾ = 0.5 leave h1; the row (0.4, 0.45) would be the wrong pair.
        assertEquals("δ₁⁽¹⁾ = (w₁₁⁽²⁾·δ₁⁽²⁾ + w₂₁⁽²⁾·δ₂⁽²⁾)·a₁⁽¹⁾·(1 − a₁⁽¹⁾)"
                        + " = (0.4·0.1385 + 0.5·(−0.0381))·0.5933·(1 − 0.5933) = 0.008771",
                plain(builder.backwardNeuron(0, 0)));
        assertEquals("δ₂⁽¹⁾ = (w₁₂⁽²⁾·δ₁⁽²⁾ + w₂₂⁽²⁾·δ₂⁽²⁾)·a₂⁽¹⁾·(1 − a₂⁽¹⁾)"
                        + " = (0.45·0.1385 + 0.55·(−0.0381))·0.5969·(1 − 0.5969) = 0.009954",
                plain(builder.backwardNeuron(0, 1)));
    }

    @Test
    void weightGradientIsDeltaTimesTheActivationTheWeightReads() {
        assertEquals(List.of("∂E/∂w₁₁⁽²⁾ = δ₁⁽²⁾·a₁⁽¹⁾ = 0.1385·0.5933 = 0.08217"),
                builder.weightGradient(1, 0, 0).stream().map(MazurFormulasTest::plain).toList());
        assertEquals("∂E/∂w₂₁⁽²⁾ = δ₂⁽²⁾·a₁⁽¹⁾ = −0.0381·0.5933 = −0.0226", plain(builder.weightGradient(1, 1, 0).getFirst()));
        assertEquals("∂E/∂w₁₂⁽¹⁾ = δ₁⁽¹⁾·x₂ = 0.008771·0.1 = 0.0008771", plain(builder.weightGradient(0, 0, 1).getFirst()));
        assertEquals("∂E/∂b₁⁽²⁾ = δ₁⁽²⁾ = 0.1385", plain(builder.biasGradient(1, 0)));
    }

    @Test
    void sgdUpdateEndsInTheTracesNewWeightAndFixedBiasesStay() {
        List<Formula> w5 = builder.weightUpdate(1, 0, 0);
        assertEquals(1, w5.size());
        assertEquals("w₁₁⁽²⁾ ← w₁₁⁽²⁾ − η·∂E/∂w₁₁⁽²⁾ = 0.4 − 0.5·0.08217 = 0.3589", plain(w5.getFirst()));
        assertEquals(trace.layers().get(1).weightsAfter().get(0, 0), result(w5.getFirst()));
        assertEquals("w₁₁⁽¹⁾ ← w₁₁⁽¹⁾ − η·∂E/∂w₁₁⁽¹⁾ = 0.15 − 0.5·0.0004386 = 0.1498", plain(builder.weightUpdate(0, 0, 0).getFirst()));
        List<Formula> bias = builder.biasUpdate(1, 1);
        assertEquals(Caption.BIAS_FIXED, bias.getFirst().caption());
        assertEquals("b₂⁽²⁾ ← b₂⁽²⁾ = 0.6", plain(bias.getFirst()));
    }

    @Test
    void significantDigitsChangeOnlyHowNumbersPrint() {
        Formula delta = builder.backwardNeuron(1, 0);
        assertEquals("δ₁⁽²⁾ = (o₁ − t₁)·o₁·(1 − o₁) = (0.75 − 0.01)·0.75·(1 − 0.75) = 0.14", FormulaRenderer.toPlainText(delta, 2));
        assertEquals("δ₁⁽²⁾ = (o₁ − t₁)·o₁·(1 − o₁) = (0.75136507 − 0.01)·0.75136507·(1 − 0.75136507) = 0.13849856",
                FormulaRenderer.toPlainText(delta, 8));
        assertEquals("∂E/∂w₁₁⁽²⁾ = δ₁⁽²⁾·a₁⁽¹⁾ = 0.13849856·0.59326999 = 0.082167041",
                FormulaRenderer.toPlainText(builder.weightGradient(1, 0, 0).getFirst(), 8));
        assertEquals("w₁₁⁽²⁾ ← w₁₁⁽²⁾ − η·∂E/∂w₁₁⁽²⁾ = 0.4 − 0.5·0.082167041 = 0.35891648",
                FormulaRenderer.toPlainText(builder.weightUpdate(1, 0, 0).getFirst(), 8));
        assertEquals("w₁₁⁽²⁾ ← w₁₁⁽²⁾ − η·∂E/∂w₁₁⁽²⁾ = 0.4 − 0.5·0.082 = 0.36",
                FormulaRenderer.toPlainText(builder.weightUpdate(1, 0, 0).getFirst(), 2));
        assertEquals("δ₁⁽¹⁾ = (w₁₁⁽²⁾·δ₁⁽²⁾ + w₂₁⁽²⁾·δ₂⁽²⁾)·a₁⁽¹⁾·(1 − a₁⁽¹⁾)"
                        + " = (0.4·0.13849856 + 0.5·(−0.038098237))·0.59326999·(1 − 0.59326999) = 0.0087713547",
                FormulaRenderer.toPlainText(builder.backwardNeuron(0, 0), 8));
        assertEquals("E = ½(t₁ − o₁)² + ½(t₂ − o₂)² = ½(0.01 − 0.75)² + ½(0.99 − 0.77)² = 0.27 + 0.024 = 0.3",
                FormulaRenderer.toPlainText(builder.loss().getFirst(), 2));
    }

    @Test
    void tinyGradientsPrintInScientificFormAtFewDigits() {
        // Inputs a hundred times smaller make ∂E/∂w₁₁⁽¹⁾ = 0.008783·0.0005 = 4.391×10⁻⁶ (checked by hand).
        assertEquals("∂E/∂w₁₁⁽¹⁾ = δ₁⁽¹⁾·x₁ = 0.0088·0.05 = 0.00044",
                FormulaRenderer.toPlainText(builder.weightGradient(0, 0, 0).getFirst(), 2));
        StepTrace scaled = MazurExample.trace(MazurExample.network(org.backproplab.engine.Activation.SIGMOID,
                org.backproplab.engine.Activation.SIGMOID), MazurExample.hyperparameters(),
                new double[][] {{0.0005, 0.001}}, new double[][] {MazurExample.TARGETS});
        assertEquals("∂E/∂w₁₁⁽¹⁾ = δ₁⁽¹⁾·x₁ = 0.008783·0.0005 = 4.391×10⁻⁶",
                FormulaRenderer.toPlainText(new FormulaBuilder(scaled, 0).weightGradient(0, 0, 0).getFirst(), 4));
    }

    @Test
    void latexRenderingOfTheSameFormulas() {
        assertEquals("z_{1}^{(1)} = w_{11}^{(1)} \\cdot x_{1} + w_{12}^{(1)} \\cdot x_{2} + b_{1}^{(1)}"
                        + " = 0.15 \\cdot 0.05 + 0.2 \\cdot 0.1 + 0.35 = 0.3775",
                FormulaRenderer.toLatex(builder.forwardNeuron(0, 0).getFirst(), 4));
        assertEquals("w_{11}^{(2)} \\leftarrow w_{11}^{(2)} - \\eta \\cdot \\frac{\\partial E}{\\partial w_{11}^{(2)}}"
                        + " = 0.4 - 0.5 \\cdot 0.08217 = 0.3589",
                FormulaRenderer.toLatex(builder.weightUpdate(1, 0, 0).getFirst(), 4));
        assertEquals("\\delta_{1}^{(1)} = (w_{11}^{(2)} \\cdot \\delta_{1}^{(2)} + w_{21}^{(2)} \\cdot \\delta_{2}^{(2)})"
                        + " \\cdot a_{1}^{(1)} \\cdot (1 - a_{1}^{(1)}) = (0.4 \\cdot 0.1385 + 0.5 \\cdot (-0.0381))"
                        + " \\cdot 0.5933 \\cdot (1 - 0.5933) = 0.008771",
                FormulaRenderer.toLatex(builder.backwardNeuron(0, 0), 4));
    }

    @Test
    void matrixFormsShowTheLayersActualMatrices() {
        Explanation forward = builder.explain(new SubStep.ForwardLayer(0));
        assertEquals(4, forward.formulas().size());
        assertEquals(List.of(
                "z⁽¹⁾ = W⁽¹⁾·x + b⁽¹⁾ = [0.15, 0.2; 0.25, 0.3]·[0.05; 0.1] + [0.35; 0.35] = [0.3775; 0.3925]",
                "a⁽¹⁾ = σ(z⁽¹⁾) = σ([0.3775; 0.3925]) = [0.5933; 0.5969]"),
                forward.matrixForm().stream().map(MazurFormulasTest::plain).toList());
        assertEquals("δ⁽¹⁾ = (W⁽²⁾ᵀ·δ⁽²⁾) ⊙ σ′(z⁽¹⁾) = ([0.4, 0.5; 0.45, 0.55]·[0.1385; −0.0381]) ⊙ [0.2413; 0.2406]"
                        + " = [0.008771; 0.009954]",
                plain(builder.explain(new SubStep.BackwardLayer(0)).matrixForm().getFirst()));
        assertEquals("δ⁽²⁾ = (o − t) ⊙ σ′(z⁽²⁾) = ([0.7514; 0.7729] − [0.01; 0.99]) ⊙ [0.1868; 0.1755] = [0.1385; −0.0381]",
                plain(builder.explain(new SubStep.BackwardLayer(1)).matrixForm().getFirst()));
        assertEquals(List.of(
                "∂E/∂W⁽²⁾ = δ⁽²⁾·a⁽¹⁾ᵀ = [0.1385; −0.0381]·[0.5933, 0.5969] = [0.08217, 0.08267; −0.0226, −0.02274]",
                "∂E/∂b⁽²⁾ = δ⁽²⁾ = [0.1385; −0.0381]"),
                builder.explain(new SubStep.Gradients(1)).matrixForm().stream().map(MazurFormulasTest::plain).toList());
        assertEquals(List.of(
                "W⁽²⁾ ← W⁽²⁾ − η·∂E/∂W⁽²⁾ = [0.4, 0.45; 0.5, 0.55] − 0.5·[0.08217, 0.08267; −0.0226, −0.02274]"
                        + " = [0.3589, 0.4087; 0.5113, 0.5614]",
                "b⁽²⁾ ← b⁽²⁾ = [0.6; 0.6]"),
                builder.explain(new SubStep.Update(1)).matrixForm().stream().map(MazurFormulasTest::plain).toList());
    }

    @Test
    void everyResultIsTheNumberTheTraceRecorded() {
        LayerTrace output = trace.layers().get(1);
        LayerTrace hidden = trace.layers().get(0);
        assertEquals(hidden.z().get(1, 0), result(builder.forwardNeuron(0, 1).get(0)));
        assertEquals(output.a().get(1, 0), result(builder.forwardNeuron(1, 1).get(1)));
        assertEquals(hidden.delta().get(1, 0), result(builder.backwardNeuron(0, 1)));
        assertEquals(output.weightGradient().get(1, 0), result(builder.weightGradient(1, 1, 0).getFirst()));
        assertEquals(hidden.weightsAfter().get(0, 1), result(builder.weightUpdate(0, 0, 1).getFirst()));
    }

    @Test
    void subStepsExplainEveryNeuronOrParameterOfTheirLayer() {
        assertEquals(List.of(Caption.WEIGHT_GRADIENT, Caption.WEIGHT_GRADIENT, Caption.BIAS_GRADIENT,
                        Caption.WEIGHT_GRADIENT, Caption.WEIGHT_GRADIENT, Caption.BIAS_GRADIENT),
                builder.explain(new SubStep.Gradients(1)).formulas().stream().map(Formula::caption).toList());
        assertEquals(List.of(Caption.OUTPUT_DELTA, Caption.OUTPUT_DELTA),
                builder.explain(new SubStep.BackwardLayer(1)).formulas().stream().map(Formula::caption).toList());
        Explanation neuron = builder.explain(new SubStep.ForwardNeuron(1, 1));
        assertEquals(List.of(Caption.WEIGHTED_SUM, Caption.ACTIVATION), neuron.formulas().stream().map(Formula::caption).toList());
        assertEquals(List.of(), neuron.matrixForm());
    }

    @Test
    void aNeuronsGradientSubStepIsExactlyItsOwnWeightsAndBiasWithTheTracesNumbers() {
        Explanation second = builder.explain(new SubStep.GradientsNeuron(1, 1));
        assertEquals(List.of(
                        "∂E/∂w₂₁⁽²⁾ = δ₂⁽²⁾·a₁⁽¹⁾ = −0.0381·0.5933 = −0.0226",
                        "∂E/∂w₂₂⁽²⁾ = δ₂⁽²⁾·a₂⁽¹⁾ = −0.0381·0.5969 = −0.02274",
                        "∂E/∂b₂⁽²⁾ = δ₂⁽²⁾ = −0.0381"),
                second.formulas().stream().map(MazurFormulasTest::plain).toList());
        LayerTrace output = trace.layers().get(1);
        assertEquals(List.of(output.weightGradient().get(1, 0), output.weightGradient().get(1, 1), output.biasGradient().get(1, 0)),
                second.formulas().stream().map(MazurFormulasTest::result).toList());
        assertEquals(List.of(), second.matrixForm(), "the matrix form is a whole layer's");
    }

    @Test
    void aNeuronsUpdateSubStepIsExactlyItsOwnWeightsAndBias() {
        Explanation first = builder.explain(new SubStep.UpdateNeuron(1, 0));
        assertEquals(List.of(
                        "w₁₁⁽²⁾ ← w₁₁⁽²⁾ − η·∂E/∂w₁₁⁽²⁾ = 0.4 − 0.5·0.08217 = 0.3589",
                        "w₁₂⁽²⁾ ← w₁₂⁽²⁾ − η·∂E/∂w₁₂⁽²⁾ = 0.45 − 0.5·0.08267 = 0.4087",
                        "b₁⁽²⁾ ← b₁⁽²⁾ = 0.6"),
                first.formulas().stream().map(MazurFormulasTest::plain).toList());
        assertEquals(List.of(), first.matrixForm());
    }

    @Test
    void aLayersSubStepListsItsNeuronsSubStepsInOrder() {
        for (int layer = 0; layer < 2; layer++) {
            assertEquals(concat(builder.explain(new SubStep.GradientsNeuron(layer, 0)).formulas(),
                            builder.explain(new SubStep.GradientsNeuron(layer, 1)).formulas()),
                    builder.explain(new SubStep.Gradients(layer)).formulas());
            assertEquals(concat(builder.explain(new SubStep.UpdateNeuron(layer, 0)).formulas(),
                            builder.explain(new SubStep.UpdateNeuron(layer, 1)).formulas()),
                    builder.explain(new SubStep.Update(layer)).formulas());
        }
    }

    private static List<Formula> concat(List<Formula> first, List<Formula> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }

    static double result(Formula formula) {
        return ((Value) formula.result().getFirst()).value();
    }
}
