package org.backproplab.trace;

import static org.backproplab.trace.MazurFormulasTest.result;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.backproplab.engine.Activation;
import org.backproplab.engine.Hyperparameters;
import org.backproplab.engine.Network;
import org.backproplab.engine.OptimizerSettings;
import org.backproplab.engine.Regularization;
import org.junit.jupiter.api.Test;

/** Updates of Mazur's w₅ = w₁₁⁽²⁾ (gradient 0.082167041) under each optimizer, penalty and clipping. */
class UpdateFormulasTest {

    private static Network mazur() {
        return MazurExample.network(Activation.SIGMOID, Activation.SIGMOID);
    }

    private static List<String> plain(List<Formula> formulas) {
        return formulas.stream().map(f -> FormulaRenderer.toPlainText(f, 4)).toList();
    }

    private static List<Caption> captions(List<Formula> formulas) {
        return formulas.stream().map(Formula::caption).toList();
    }

    @Test
    void momentumShowsTheOldVelocityTheNewOneGrewFrom() {
        Hyperparameters hyper = MazurExample.hyperparameters().withOptimizer(new OptimizerSettings.Momentum(0.5, 0.9));
        List<StepTrace> steps = MazurExample.steps(mazur(), hyper, 2);
        OptimizerConstants mu = new OptimizerConstants.Momentum(0.9);

        List<Formula> first = new FormulaBuilder(steps.get(0), 0, mu).weightUpdate(1, 0, 0);
        assertEquals(List.of(
                "v₁₁⁽²⁾ ← μ·v₁₁⁽²⁾ − η·∂E/∂w₁₁⁽²⁾ = 0.9·0 − 0.5·0.08217 = −0.04108",
                "w₁₁⁽²⁾ ← w₁₁⁽²⁾ + v₁₁⁽²⁾ = 0.4 + (−0.04108) = 0.3589"), plain(first));

        // Step two starts from step one's velocity, −0.04108.
        StepTrace second = steps.get(1);
        List<Formula> update = new FormulaBuilder(second, 0, mu).weightUpdate(1, 0, 0);
        String velocity = FormulaRenderer.toPlainText(update.getFirst(), 4);
        assertEquals("v₁₁⁽²⁾ ← μ·v₁₁⁽²⁾ − η·∂E/∂w₁₁⁽²⁾ = 0.9·(−0.04108) − 0.5·", velocity.substring(0, velocity.lastIndexOf('·') + 1));
        OptimizerState.Velocity state = (OptimizerState.Velocity) second.outputLayer().optimizerState();
        assertEquals(state.weights().get(0, 0), result(update.get(0)));
        assertEquals(second.outputLayer().weightsAfter().get(0, 0), result(update.get(1)));
    }

    @Test
    void momentumWithoutItsConstantShowsSymbolsAndTheTracesVelocity() {
        Hyperparameters hyper = MazurExample.hyperparameters().withOptimizer(new OptimizerSettings.Momentum(0.5, 0.9));
        StepTrace trace = MazurExample.trace(mazur(), hyper);
        assertEquals("v₁₁⁽²⁾ ← μ·v₁₁⁽²⁾ − η·∂E/∂w₁₁⁽²⁾ = −0.04108",
                FormulaRenderer.toPlainText(new FormulaBuilder(trace, 0).weightUpdate(1, 0, 0).getFirst(), 4));
    }

    @Test
    void adamShowsBiasCorrectedMomentsAndItsStep() {
        Hyperparameters hyper = MazurExample.hyperparameters().withOptimizer(new OptimizerSettings.Adam(0.01));
        StepTrace trace = MazurExample.trace(mazur(), hyper);
        List<Formula> update = new FormulaBuilder(trace, 0, new OptimizerConstants.Adam(0.9, 0.999, 1e-8)).weightUpdate(1, 0, 0);
        assertEquals(List.of(
                "m̂₁₁⁽²⁾ = m₁₁⁽²⁾/(1 − β₁ᵗ) = 0.008217/(1 − 0.9¹) = 0.08217",
                "v̂₁₁⁽²⁾ = v₁₁⁽²⁾/(1 − β₂ᵗ) = (6.751×10⁻⁶)/(1 − 0.999¹) = 0.006751",
                "Δw₁₁⁽²⁾ = −η·m̂₁₁⁽²⁾/(√v̂₁₁⁽²⁾ + ε) = −0.01·0.08217/(√0.006751 + 1×10⁻⁸) = −0.01",
                "w₁₁⁽²⁾ ← w₁₁⁽²⁾ + Δw₁₁⁽²⁾ = 0.4 + (−0.01) = 0.39"), plain(update));
        assertEquals(trace.outputLayer().weightStep().get(0, 0), result(update.get(2)));
        assertEquals(trace.outputLayer().weightsAfter().get(0, 0), result(update.get(3)));
        assertEquals("\\hat{m}_{11}^{(2)} = \\frac{m_{11}^{(2)}}{1 - \\beta_{1}^{t}} = \\frac{0.008217}{1 - 0.9^{1}} = 0.08217",
                FormulaRenderer.toLatex(update.getFirst(), 4));
    }

    @Test
    void adamWithoutOrWithMismatchedConstantsKeepsItsStepSymbolic() {
        Hyperparameters hyper = MazurExample.hyperparameters().withOptimizer(new OptimizerSettings.Adam(0.01));
        StepTrace trace = MazurExample.trace(mazur(), hyper);
        List<String> expected = List.of(
                "Δw₁₁⁽²⁾ = −η·m̂₁₁⁽²⁾/(√v̂₁₁⁽²⁾ + ε) = −0.01",
                "w₁₁⁽²⁾ ← w₁₁⁽²⁾ + Δw₁₁⁽²⁾ = 0.4 + (−0.01) = 0.39");
        assertEquals(expected, plain(new FormulaBuilder(trace, 0).weightUpdate(1, 0, 0)));
        assertEquals(expected, plain(new FormulaBuilder(trace, 0, new OptimizerConstants.Momentum(0.9)).weightUpdate(1, 0, 0)));
    }

    @Test
    void clippingScalesTheGradientBeforeTheUpdate() {
        // All weight gradients together have norm 0.12089480, so clipping at 0.01 scales by c = 0.08271654.
        StepTrace trace = MazurExample.trace(mazur(), MazurExample.hyperparameters().withGradientClipNorm(0.01));
        assertEquals(0.08271654269960334, trace.gradientScale(), 1e-12);
        List<Formula> update = new FormulaBuilder(trace, 0).weightUpdate(1, 0, 0);
        assertEquals(List.of(
                "g₁₁⁽²⁾ = c·∂E/∂w₁₁⁽²⁾ = 0.08272·0.08217 = 0.006797",
                "w₁₁⁽²⁾ ← w₁₁⁽²⁾ − η·g₁₁⁽²⁾ = 0.4 − 0.5·0.006797 = 0.3966"), plain(update));
        assertEquals(trace.outputLayer().weightsAfter().get(0, 0), result(update.get(1)), 1e-15);
        assertEquals(List.of(Caption.CLIPPED_GRADIENT, Caption.WEIGHT_UPDATE, Caption.BIAS_FIXED),
                captions(new FormulaBuilder(trace, 0).explain(new SubStep.Update(1)).matrixForm()));
    }

    @Test
    void l2PenaltyAddsLambdaTimesTheWeightToGradientAndLoss() {
        StepTrace trace = MazurExample.trace(mazur(),
                MazurExample.hyperparameters().withRegularization(new Regularization(Regularization.Kind.L2, 0.01)));
        FormulaBuilder builder = new FormulaBuilder(trace, 0);
        assertEquals(List.of(
                "∂E/∂w₁₁⁽²⁾ = δ₁⁽²⁾·a₁⁽¹⁾ = 0.1385·0.5933 = 0.08217",
                "∂J/∂w₁₁⁽²⁾ = ∂E/∂w₁₁⁽²⁾ + ∂R/∂w₁₁⁽²⁾ = 0.08217 + 0.004 = 0.08617"), plain(builder.weightGradient(1, 0, 0)));
        assertEquals(List.of("w₁₁⁽²⁾ ← w₁₁⁽²⁾ − η·∂J/∂w₁₁⁽²⁾ = 0.4 − 0.5·0.08617 = 0.3569"), plain(builder.weightUpdate(1, 0, 0)));
        // R = 0.01·Σ½w² over all eight weights = 0.00565.
        assertEquals(List.of(
                "E = ½(t₁ − o₁)² + ½(t₂ − o₂)² = ½(0.01 − 0.7514)² + ½(0.99 − 0.7729)² = 0.2748 + 0.02356 = 0.2984",
                "J = E + R = 0.2984 + 0.00565 = 0.304"), plain(builder.loss()));
        assertEquals(List.of(Caption.WEIGHT_GRADIENT, Caption.BIAS_GRADIENT, Caption.REGULARIZED_GRADIENT),
                captions(builder.explain(new SubStep.Gradients(1)).matrixForm()));
    }

    @Test
    void trainedBiasesAreUpdatedLikeWeights() {
        StepTrace trace = MazurExample.trace(mazur(), MazurExample.hyperparameters().withTrainBiases(true));
        List<Formula> bias = new FormulaBuilder(trace, 0).biasUpdate(1, 0);
        assertEquals(List.of("b₁⁽²⁾ ← b₁⁽²⁾ − η·∂E/∂b₁⁽²⁾ = 0.6 − 0.5·0.1385 = 0.5308"), plain(bias));
        assertEquals(trace.outputLayer().biasesAfter().get(0, 0), result(bias.getFirst()));
    }
}
