package org.backproplab.trace;

import static org.backproplab.trace.MazurFormulasTest.result;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.backproplab.engine.Activation;
import org.backproplab.engine.Hyperparameters;
import org.backproplab.engine.LearningRateSchedule;
import org.backproplab.engine.Network;
import org.backproplab.engine.OptimizerSettings;
import org.backproplab.engine.Regularization;
import org.backproplab.trace.MathToken.Fraction;
import org.backproplab.trace.MathToken.Power;
import org.backproplab.trace.MathToken.Root;
import org.backproplab.trace.MathToken.Value;
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

        List<Formula> first = new FormulaBuilder(steps.get(0), 0).weightUpdate(1, 0, 0);
        assertEquals(List.of(
                "v₁₁⁽²⁾ ← μ·v₁₁⁽²⁾ − η·∂E/∂w₁₁⁽²⁾ = 0.9·0 − 0.5·0.08217 = −0.04108",
                "w₁₁⁽²⁾ ← w₁₁⁽²⁾ + v₁₁⁽²⁾ = 0.4 + (−0.04108) = 0.3589"), plain(first));

        // Step two starts from step one's velocity, −0.04108.
        StepTrace second = steps.get(1);
        List<Formula> update = new FormulaBuilder(second, 0).weightUpdate(1, 0, 0);
        String velocity = FormulaRenderer.toPlainText(update.getFirst(), 4);
        assertEquals("v₁₁⁽²⁾ ← μ·v₁₁⁽²⁾ − η·∂E/∂w₁₁⁽²⁾ = 0.9·(−0.04108) − 0.5·", velocity.substring(0, velocity.lastIndexOf('·') + 1));
        OptimizerState.Velocity state = (OptimizerState.Velocity) second.outputLayer().optimizerStateAfter();
        assertEquals(state.weights().get(0, 0), result(update.get(0)));
        assertEquals(second.outputLayer().weightsAfter().get(0, 0), result(update.get(1)));
    }

    @Test
    void adamShowsBiasCorrectedMomentsAndItsStep() {
        Hyperparameters hyper = MazurExample.hyperparameters().withOptimizer(new OptimizerSettings.Adam(0.01));
        StepTrace trace = MazurExample.trace(mazur(), hyper);
        List<Formula> update = new FormulaBuilder(trace, 0).weightUpdate(1, 0, 0);
        assertEquals(List.of(
                "m₁₁⁽²⁾ ← β₁·m₁₁⁽²⁾ + (1 − β₁)·∂E/∂w₁₁⁽²⁾ = 0.9·0 + (1 − 0.9)·0.08217 = 0.008217",
                "v₁₁⁽²⁾ ← β₂·v₁₁⁽²⁾ + (1 − β₂)·(∂E/∂w₁₁⁽²⁾)² = 0.999·0 + (1 − 0.999)·0.08217² = 6.751×10⁻⁶",
                "m̂₁₁⁽²⁾ = m₁₁⁽²⁾/(1 − β₁ᵗ) = 0.008217/(1 − 0.9¹) = 0.08217",
                "v̂₁₁⁽²⁾ = v₁₁⁽²⁾/(1 − β₂ᵗ) = (6.751×10⁻⁶)/(1 − 0.999¹) = 0.006751",
                "Δw₁₁⁽²⁾ = −η·m̂₁₁⁽²⁾/(√v̂₁₁⁽²⁾ + ε) = −0.01·0.08217/(√0.006751 + 1×10⁻⁸) = −0.01",
                "w₁₁⁽²⁾ ← w₁₁⁽²⁾ + Δw₁₁⁽²⁾ = 0.4 + (−0.01) = 0.39"), plain(update));
        assertEquals(trace.outputLayer().weightStep().get(0, 0), result(update.get(4)));
        assertEquals(trace.outputLayer().weightsAfter().get(0, 0), result(update.get(5)));
        assertEquals("\\hat{m}_{11}^{(2)} = \\frac{m_{11}^{(2)}}{1 - \\beta_{1}^{t}} = \\frac{0.008217}{1 - 0.9^{1}} = 0.08217",
                FormulaRenderer.toLatex(update.get(2), 4));
    }

    @Test
    void rmsPropShowsTheRunningMeanOfSquaredGradientsAndItsStep() {
        Hyperparameters hyper = MazurExample.hyperparameters().withOptimizer(new OptimizerSettings.RmsProp(0.01));
        List<StepTrace> steps = MazurExample.steps(mazur(), hyper, 2);
        List<Formula> first = new FormulaBuilder(steps.get(0), 0).weightUpdate(1, 0, 0);
        // s = 0.1·0.08217² = 0.0006751, Δw = −0.01·0.08217/(√0.0006751 + 1e-8) = −0.01/√0.1 = −0.03162.
        assertEquals(List.of(
                "s₁₁⁽²⁾ ← ρ·s₁₁⁽²⁾ + (1 − ρ)·(∂E/∂w₁₁⁽²⁾)² = 0.9·0 + (1 − 0.9)·0.08217² = 0.0006751",
                "Δw₁₁⁽²⁾ = −η/(√s₁₁⁽²⁾ + ε)·∂E/∂w₁₁⁽²⁾ = −0.01/(√0.0006751 + 1×10⁻⁸)·0.08217 = −0.03162",
                "w₁₁⁽²⁾ ← w₁₁⁽²⁾ + Δw₁₁⁽²⁾ = 0.4 + (−0.03162) = 0.3684"), plain(first));
        assertEquals(List.of(Caption.RMSPROP_MEAN_SQUARE, Caption.RMSPROP_STEP, Caption.WEIGHT_UPDATE), captions(first));

        // Step two starts from step one's s, and its numbers give the step the optimizer took.
        StepTrace second = steps.get(1);
        List<Formula> update = new FormulaBuilder(second, 0).weightUpdate(1, 0, 0);
        double g = second.outputLayer().weightGradient().get(0, 0);
        double g1 = steps.get(0).outputLayer().weightGradient().get(0, 0);
        double oldMean = 0.1 * g1 * g1;
        double s = 0.9 * oldMean + 0.1 * g * g;
        assertClose(List.of(0.9, oldMean, 1.0, 0.9, g, 2.0), numbers(update.get(0).sides().get(2)), "ρ, the old s, 1 − ρ and g²");
        assertEquals(s, result(update.get(0)), 1e-12);
        assertClose(List.of(0.01, s, 1e-8, g), numbers(update.get(1).sides().get(2)), "η, s, ε and g");
        assertEquals(-0.01 * g / (Math.sqrt(s) + 1e-8), result(update.get(1)), 1e-12);
        assertEquals(second.outputLayer().weightStep().get(0, 0), result(update.get(1)));
        assertEquals(second.outputLayer().weightsAfter().get(0, 0), result(update.get(2)));
    }

    @Test
    void aScheduledLearningRateIsWorkedOutBeforeTheUpdateThatUsesIt() {
        Hyperparameters step = MazurExample.hyperparameters().withOptimizer(new OptimizerSettings.Sgd(0.1))
                .withSchedule(new LearningRateSchedule.Step(100, 0.5));
        StepTrace trace = MazurExample.traceInEpoch(mazur(), step, 250);
        assertEquals(0.025, trace.learningRate());
        assertEquals(List.of(
                "η = η₀·γ^(⌊e/k⌋) = 0.1·0.5^(⌊250/100⌋) = 0.025",
                "w₁₁⁽²⁾ ← w₁₁⁽²⁾ − η·∂E/∂w₁₁⁽²⁾ = 0.4 − 0.025·0.08217 = 0.3979"),
                plain(new FormulaBuilder(trace, 0).weightUpdate(1, 0, 0)));

        // A neuron's or a layer's update works η out once, before all the updates that use it.
        FormulaBuilder scheduled = new FormulaBuilder(trace, 0);
        for (SubStep update : List.of(new SubStep.UpdateNeuron(1, 0), new SubStep.Update(1))) {
            Explanation explanation = scheduled.explain(update);
            assertEquals(Caption.SCHEDULED_RATE, explanation.formulas().getFirst().caption(), update.toString());
            assertEquals(1, explanation.formulas().stream().filter(f -> f.caption() == Caption.SCHEDULED_RATE).count(), update.toString());
        }
        // The layer's matrix form sits beside that list, so it does not work η out a second time.
        assertEquals(List.of(Caption.WEIGHT_UPDATE, Caption.BIAS_FIXED),
                scheduled.explain(new SubStep.Update(1)).matrixForm().stream().map(Formula::caption).toList());

        Hyperparameters cosine = step.withSchedule(new LearningRateSchedule.Cosine(1000, 0.0001));
        List<Formula> update = new FormulaBuilder(MazurExample.traceInEpoch(mazur(), cosine, 500), 0).weightUpdate(1, 0, 0);
        assertEquals(Caption.SCHEDULED_RATE, update.getFirst().caption());
        assertEquals("η = η_(min) + (η₀ − η_(min))·(1 + cos((π·min(e, E))/E))/2"
                + " = 0.0001 + (0.1 − 0.0001)·(1 + cos((π·min(500, 1000))/1000))/2 = 0.05005",
                FormulaRenderer.toPlainText(update.getFirst(), 4));

        Hyperparameters exponential = step.withSchedule(new LearningRateSchedule.Exponential(0.99));
        assertEquals("η = η₀·γ^e = 0.1·0.99² = 0.09801", FormulaRenderer.toPlainText(
                new FormulaBuilder(MazurExample.traceInEpoch(mazur(), exponential, 2), 0).weightUpdate(1, 0, 0).getFirst(), 4));
        assertEquals(Caption.WEIGHT_UPDATE, new FormulaBuilder(MazurExample.trace(mazur(), MazurExample.hyperparameters()), 0)
                .weightUpdate(1, 0, 0).getFirst().caption(), "a constant η needs no formula");
    }

    @Test
    void momentumFormulasUseTheRecordedOldVelocity() {
        Hyperparameters hyper = MazurExample.hyperparameters().withTrainBiases(true)
                .withOptimizer(new OptimizerSettings.Momentum(0.5, 0.9));
        for (StepTrace step : MazurExample.steps(mazur(), hyper, 3)) {
            for (int l = 0; l < step.layers().size(); l++) {
                LayerTrace layer = step.layers().get(l);
                OptimizerState.Velocity old = (OptimizerState.Velocity) layer.optimizerStateBefore();
                OptimizerState.Velocity now = (OptimizerState.Velocity) layer.optimizerStateAfter();
                for (int j = 0; j < layer.size(); j++) {
                    for (int i = 0; i < layer.inputSize(); i++) {
                        assertVelocity(new FormulaBuilder(step, 0).weightUpdate(l, j, i).getFirst(),
                                old.weights().get(j, i), layer.weightGradient().get(j, i), now.weights().get(j, i));
                    }
                    assertVelocity(new FormulaBuilder(step, 0).biasUpdate(l, j).getFirst(),
                            old.biases().get(j, 0), layer.biasGradient().get(j, 0), now.biases().get(j, 0));
                }
            }
        }
    }

    /** v ← μ·v − η·g with μ·v_old − η·g shown, v_old and the result straight from the trace's memory. */
    private static void assertVelocity(Formula formula, double oldVelocity, double gradient, double newVelocity) {
        List<Double> shown = numbers(formula.sides().get(2));
        assertEquals(List.of(0.9, oldVelocity, 0.5, gradient), shown, "μ, the old velocity, η and g");
        assertEquals(newVelocity, result(formula));
        assertEquals(0.9 * oldVelocity - 0.5 * gradient, newVelocity, 1e-15, "the numbers satisfy the update");
    }

    @Test
    void adamFormulasUseTheRecordedOldMoments() {
        double beta1 = 0.8;
        double beta2 = 0.95;
        Hyperparameters hyper = MazurExample.hyperparameters().withTrainBiases(true)
                .withOptimizer(new OptimizerSettings.Adam(0.01, beta1, beta2, 1e-8));
        List<StepTrace> steps = MazurExample.steps(mazur(), hyper, 3);
        for (int k = 0; k < steps.size(); k++) {
            StepTrace step = steps.get(k);
            for (int l = 0; l < step.layers().size(); l++) {
                LayerTrace layer = step.layers().get(l);
                OptimizerState.AdamMoments old = (OptimizerState.AdamMoments) layer.optimizerStateBefore();
                OptimizerState.AdamMoments now = (OptimizerState.AdamMoments) layer.optimizerStateAfter();
                assertEquals(k, old.weightStepCount());
                assertEquals(k + 1, now.weightStepCount());
                assertEquals(k + 1, now.biasStepCount(), "biases trained from the start count alike");
                for (int j = 0; j < layer.size(); j++) {
                    for (int i = 0; i < layer.inputSize(); i++) {
                        List<Formula> update = new FormulaBuilder(step, 0).weightUpdate(l, j, i);
                        double g = layer.weightGradient().get(j, i);
                        assertMoment(update.get(0), beta1, old.weightMean().get(j, i), g, now.weightMean().get(j, i));
                        assertMoment(update.get(1), beta2, old.weightVariance().get(j, i), g * g, now.weightVariance().get(j, i));
                    }
                    List<Formula> update = new FormulaBuilder(step, 0).biasUpdate(l, j);
                    double g = layer.biasGradient().get(j, 0);
                    assertMoment(update.get(0), beta1, old.biasMean().get(j, 0), g, now.biasMean().get(j, 0));
                    assertMoment(update.get(1), beta2, old.biasVariance().get(j, 0), g * g, now.biasVariance().get(j, 0));
                }
            }
        }
    }

    /** m ← β·m + (1 − β)·x, the old moment and the result straight from the trace's memory. */
    private static void assertMoment(Formula formula, double beta, double oldMoment, double observed, double newMoment) {
        List<Double> shown = numbers(formula.sides().get(2));
        assertEquals(beta, shown.get(0));
        assertEquals(oldMoment, shown.get(1), "the old moment is the recorded one");
        // The second moment shows g and its exponent 2: multiply them out to compare with g².
        double x = shown.size() == 6 ? Math.pow(shown.get(4), shown.get(5)) : shown.get(4);
        assertEquals(observed, x, Math.ulp(observed));
        assertEquals(newMoment, result(formula));
        assertEquals(beta * oldMoment + (1 - beta) * observed, newMoment, 1e-15, "the numbers satisfy the update");
    }

    @Test
    void adamBiasesThatStartTrainingLateShowTheirOwnStepCount() {
        double eta = 0.01;
        double beta1 = 0.8;
        double beta2 = 0.95;
        double epsilon = 1e-8;
        Hyperparameters fixedBiases = MazurExample.hyperparameters().withTrainBiases(false)
                .withOptimizer(new OptimizerSettings.Adam(eta, beta1, beta2, epsilon));
        // Three steps with the biases fixed, then two with them training: the weights' t runs on to 4 and 5,
        // the biases' starts at 1.
        List<Hyperparameters> run = new ArrayList<>(Collections.nCopies(3, fixedBiases));
        run.addAll(Collections.nCopies(2, fixedBiases.withTrainBiases(true)));
        List<StepTrace> steps = MazurExample.steps(mazur(), run);

        for (int k = 3; k < 5; k++) {
            StepTrace step = steps.get(k);
            FormulaBuilder builder = new FormulaBuilder(step, 0);
            for (int l = 0; l < step.layers().size(); l++) {
                LayerTrace layer = step.layers().get(l);
                OptimizerState.AdamMoments moments = (OptimizerState.AdamMoments) layer.optimizerStateAfter();
                assertEquals(k + 1, moments.weightStepCount());
                assertEquals(k - 2, moments.biasStepCount());
                for (int j = 0; j < layer.size(); j++) {
                    assertAdamStep(builder.weightUpdate(l, j, 0), k + 1, eta, beta1, beta2, epsilon,
                            moments.weightMean().get(j, 0), moments.weightVariance().get(j, 0), layer.weightStep().get(j, 0));
                    assertAdamStep(builder.biasUpdate(l, j), k - 2, eta, beta1, beta2, epsilon,
                            moments.biasMean().get(j, 0), moments.biasVariance().get(j, 0), layer.biasStep().get(j, 0));
                }
            }
        }
    }

    /**
     * m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ) and Δθ = −η·m̂/(√v̂ + ε) show step count {@code t}, and their
     * numbers satisfy Adam's equations recomputed here from the recorded moments and that t.
     */
    private static void assertAdamStep(List<Formula> update, long t, double eta, double beta1, double beta2,
            double epsilon, double m, double v, double step) {
        List<Caption> expected = List.of(Caption.ADAM_FIRST_MOMENT, Caption.ADAM_SECOND_MOMENT, Caption.ADAM_MEAN,
                Caption.ADAM_VARIANCE, Caption.ADAM_STEP);
        assertEquals(expected, captions(update.subList(0, 5)));
        double mHat = m / (1 - Math.pow(beta1, t));
        double vHat = v / (1 - Math.pow(beta2, t));
        assertEquals(List.of(m, 1.0, beta1, (double) t), numbers(update.get(2).sides().get(2)));
        assertEquals(mHat, result(update.get(2)), 1e-12 * Math.abs(mHat));
        assertEquals(List.of(v, 1.0, beta2, (double) t), numbers(update.get(3).sides().get(2)));
        assertEquals(vHat, result(update.get(3)), 1e-12 * Math.abs(vHat));
        List<Double> shown = numbers(update.get(4).sides().get(2));
        assertEquals(List.of(eta, mHat, vHat, epsilon), shown);
        double recomputed = -eta * mHat / (Math.sqrt(vHat) + epsilon);
        assertEquals(recomputed, result(update.get(4)), 1e-12 * Math.abs(recomputed), "the numbers satisfy Adam's step");
        assertEquals(step, result(update.get(4)), "and give the step the optimizer took");
    }

    private static void assertClose(List<Double> expected, List<Double> actual, String what) {
        assertEquals(expected.size(), actual.size(), what);
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), actual.get(i), 1e-9 * Math.abs(expected.get(i)), what + ", number " + i);
        }
    }

    /** Every number of a side, in reading order, including those inside powers, fractions and roots. */
    private static List<Double> numbers(List<MathToken> side) {
        List<Double> numbers = new ArrayList<>();
        for (MathToken token : side) {
            switch (token) {
                case Value value -> numbers.add(value.value());
                case Power power -> {
                    numbers.addAll(numbers(power.base()));
                    numbers.addAll(numbers(power.exponent()));
                }
                case Fraction fraction -> {
                    numbers.addAll(numbers(fraction.numerator()));
                    numbers.addAll(numbers(fraction.denominator()));
                }
                case Root root -> numbers.addAll(numbers(root.radicand()));
                default -> {
                }
            }
        }
        return numbers;
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
