package org.backproplab.trace;

import static org.backproplab.trace.MazurFormulasTest.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.backproplab.engine.Activation;
import org.backproplab.engine.Loss;
import org.backproplab.engine.Network;
import org.backproplab.trace.MathToken.Operator;
import org.backproplab.trace.MathToken.Value;
import org.junit.jupiter.api.Test;

/**
 * Mazur's weights under other activations, losses and batch sizes. Expected numbers were worked
 * out by hand (a short script) from the weights, not taken from this code.
 */
class ActivationAndLossFormulasTest {

    private static String plain(Formula formula) {
        return FormulaRenderer.toPlainText(formula, 4);
    }

    /** Hidden neuron 1 gets bias −1, so z₁⁽¹⁾ = −0.9725 lands on the flat side of ReLU. */
    private static StepTrace negativeHiddenZ(Activation hidden, Loss loss) {
        Network network = MazurExample.network(hidden, Activation.SIGMOID);
        network.layer(0).setBias(0, -1);
        return MazurExample.trace(network, MazurExample.hyperparameters().withLoss(loss));
    }

    @Test
    void leakyReluShowsItsDefinitionAndWhichSlopeItTook() {
        FormulaBuilder builder = new FormulaBuilder(negativeHiddenZ(Activation.LEAKY_RELU, Loss.BINARY_CROSS_ENTROPY), 0);
        assertEquals("a₁⁽¹⁾ = LeakyReLU(z₁⁽¹⁾) = max(0.01·z₁⁽¹⁾, z₁⁽¹⁾) = max(0.01·(−0.9725), −0.9725) = −0.009725",
                plain(builder.forwardNeuron(0, 0).get(1)));
        assertEquals("δ₁⁽¹⁾ = (w₁₁⁽²⁾·δ₁⁽²⁾ + w₂₁⁽²⁾·δ₂⁽²⁾)·LeakyReLU′(z₁⁽¹⁾) = (0.4·0.6741 + 0.5·(−0.2977))·0.01 = 0.001208"
                        + "   (z₁⁽¹⁾ = −0.9725 ≤ 0)",
                plain(builder.backwardNeuron(0, 0)));
        assertEquals("δ₂⁽¹⁾ = (w₁₂⁽²⁾·δ₁⁽²⁾ + w₂₂⁽²⁾·δ₂⁽²⁾)·LeakyReLU′(z₂⁽¹⁾) = (0.45·0.6741 + 0.55·(−0.2977))·1 = 0.1396"
                        + "   (z₂⁽¹⁾ = 0.3925 > 0)",
                plain(builder.backwardNeuron(0, 1)));
    }

    @Test
    void reluIsZeroAndPassesNoErrorBelowZero() {
        FormulaBuilder builder = new FormulaBuilder(negativeHiddenZ(Activation.RELU, Loss.SQUARED_ERROR), 0);
        assertEquals("a₁⁽¹⁾ = ReLU(z₁⁽¹⁾) = max(0, z₁⁽¹⁾) = max(0, −0.9725) = 0", plain(builder.forwardNeuron(0, 0).get(1)));
        Formula delta = builder.backwardNeuron(0, 0);
        assertEquals("(z₁⁽¹⁾ = −0.9725 ≤ 0)", "(" + FormulaRenderer.toPlainText(delta.condition(), 4) + ")");
        assertTrue(FormulaRenderer.toPlainText(delta.sides().get(1), 4).endsWith(")·ReLU′(z₁⁽¹⁾)"));
        assertTrue(FormulaRenderer.toPlainText(delta.sides().get(2), 4).endsWith(")·0"));
        assertEquals(0, result(delta));
    }

    @Test
    void tanhSlopeIsOneMinusASquared() {
        StepTrace trace = MazurExample.trace(MazurExample.network(Activation.TANH, Activation.SIGMOID), MazurExample.hyperparameters());
        FormulaBuilder builder = new FormulaBuilder(trace, 0);
        assertEquals("a₁⁽¹⁾ = tanh(z₁⁽¹⁾) = tanh(0.3775) = 0.3605", plain(builder.forwardNeuron(0, 0).get(1)));
        assertEquals("δ₁⁽¹⁾ = (w₁₁⁽²⁾·δ₁⁽²⁾ + w₂₁⁽²⁾·δ₂⁽²⁾)·(1 − (a₁⁽¹⁾)²) = (0.4·0.1438 + 0.5·(−0.0518))·(1 − 0.3605²) = 0.02751",
                plain(builder.backwardNeuron(0, 0)));
    }

    @Test
    void linearNeuronsPassZThroughWithSlopeOne() {
        StepTrace trace = MazurExample.trace(MazurExample.network(Activation.LINEAR, Activation.LINEAR), MazurExample.hyperparameters());
        FormulaBuilder builder = new FormulaBuilder(trace, 0);
        assertEquals("a₁⁽¹⁾ = z₁⁽¹⁾ = 0.3775", plain(builder.forwardNeuron(0, 0).get(1)));
        assertEquals("o₁ = z₁⁽²⁾ = 0.9276", plain(builder.forwardNeuron(1, 0).get(1)));
        assertEquals("δ₁⁽²⁾ = (o₁ − t₁)·1 = (0.9276 − 0.01)·1 = 0.9176", plain(builder.backwardNeuron(1, 0)));
    }

    @Test
    void binaryCrossEntropyWritesBothLogTermsAndItsDeltaIsOutputMinusTarget() {
        FormulaBuilder builder = new FormulaBuilder(negativeHiddenZ(Activation.LEAKY_RELU, Loss.BINARY_CROSS_ENTROPY), 0);
        assertEquals("L = −[t₁·ln(o₁) + (1 − t₁)·ln(1 − o₁)] − [t₂·ln(o₂) + (1 − t₂)·ln(1 − o₂)]"
                        + " = −[0.01·ln(0.6841) + (1 − 0.01)·ln(1 − 0.6841)] − [0.99·ln(0.6923) + (1 − 0.99)·ln(1 − 0.6923)]"
                        + " = 1.145 + 0.3758 = 1.52",
                plain(builder.loss().getFirst()));
        assertEquals("δ₁⁽²⁾ = o₁ − t₁ = 0.6841 − 0.01 = 0.6741", plain(builder.backwardNeuron(1, 0)));
        assertEquals("δ⁽²⁾ = o − t = [0.6841; 0.6923] − [0.01; 0.99] = [0.6741; −0.2977]",
                plain(builder.explain(new SubStep.BackwardLayer(1)).matrixForm().getFirst()));
    }

    @Test
    void softmaxOutputsAreNormalisedExponentialsAndCrossEntropyKeepsTheTrueClassTerm() {
        Network network = MazurExample.network(Activation.SIGMOID, Activation.SOFTMAX);
        StepTrace trace = MazurExample.trace(network, MazurExample.hyperparameters().withLoss(Loss.SOFTMAX_CROSS_ENTROPY),
                new double[][] {MazurExample.INPUTS}, new double[][] {{0, 1}});
        FormulaBuilder builder = new FormulaBuilder(trace, 0);
        assertEquals("o₁ = e^(z₁⁽²⁾)/(Σₖ e^(zₖ⁽²⁾)) = e^(1.106)/(e^(1.106) + e^(1.225)) = 0.4703",
                plain(builder.forwardNeuron(1, 0).get(1)));
        assertEquals("L = −t₁·ln(o₁) − t₂·ln(o₂) = −0·ln(0.4703) − 1·ln(0.5297) = 0 + 0.6354 = 0.6354",
                plain(builder.loss().getFirst()));
        assertEquals("δ₁⁽²⁾ = o₁ − t₁ = 0.4703 − 0 = 0.4703", plain(builder.backwardNeuron(1, 0)));
        assertEquals("o = softmax(z⁽²⁾) = softmax([1.106; 1.225]) = [0.4703; 0.5297]",
                plain(builder.explain(new SubStep.ForwardLayer(1)).matrixForm().get(1)));
    }

    @Test
    void squaredErrorOnSoftmaxAppliesTheSoftmaxJacobian() {
        StepTrace trace = MazurExample.trace(MazurExample.network(Activation.SIGMOID, Activation.SOFTMAX), MazurExample.hyperparameters());
        FormulaBuilder builder = new FormulaBuilder(trace, 0);
        assertEquals("δ₁⁽²⁾ = o₁·((o₁ − t₁) − Σₖ oₖ·(oₖ − tₖ))"
                        + " = 0.4703·((0.4703 − 0.01) − (0.4703·(0.4703 − 0.01) + 0.5297·(0.5297 − 0.99))) = 0.2293",
                plain(builder.backwardNeuron(1, 0)));
        assertEquals("δ⁽²⁾ = o ⊙ ((o − t) − oᵀ·(o − t)) = [0.4703; 0.5297] ⊙ (([0.4703; 0.5297] − [0.01; 0.99]) − (−0.02736))"
                        + " = [0.2293; −0.2293]",
                plain(builder.explain(new SubStep.BackwardLayer(1)).matrixForm().getFirst()));
    }

    @Test
    void aBatchShowsTheFocusedSamplesForwardPassAndMeansForLossAndGradients() {
        StepTrace trace = MazurExample.trace(MazurExample.network(Activation.SIGMOID, Activation.SIGMOID),
                MazurExample.hyperparameters(),
                new double[][] {MazurExample.INPUTS, {0.3, -0.2}}, new double[][] {MazurExample.TARGETS, {0.9, 0.1}});
        FormulaBuilder second = new FormulaBuilder(trace, 1);
        assertEquals("z₁⁽¹⁾ = w₁₁⁽¹⁾·x₁ + w₁₂⁽¹⁾·x₂ + b₁⁽¹⁾ = 0.15·0.3 + 0.2·(−0.2) + 0.35 = 0.355",
                plain(second.forwardNeuron(0, 0).getFirst()));
        List<Formula> loss = second.loss();
        assertEquals(List.of(Caption.SAMPLE_LOSS, Caption.MEAN_LOSS), loss.stream().map(Formula::caption).toList());
        assertEquals(0.23685360989457316, result(loss.get(0)), 1e-12);
        assertEquals("E = (1/B)·Σₛ Eₛ = (1/2)·(0.2984 + 0.2369) = 0.2676", plain(loss.get(1)));
        assertEquals(trace.loss(), result(loss.get(1)));
        assertEquals("∂E/∂w₁₁⁽²⁾ = (1/B)·Σₛ δ₁⁽²⁾·a₁⁽¹⁾ = (1/2)·(0.1385·0.5933 + (−0.02802)·0.5878) = 0.03285",
                plain(second.weightGradient(1, 0, 0).getFirst()));
        assertEquals("∂E/∂b₁⁽²⁾ = (1/B)·Σₛ δ₁⁽²⁾ = (1/2)·(0.1385 + (−0.02802)) = 0.05524", plain(second.biasGradient(1, 0)));
        // The gradient is the batch mean whichever sample is in focus.
        assertEquals(plain(second.weightGradient(1, 0, 0).getFirst()),
                plain(new FormulaBuilder(trace, 0).weightGradient(1, 0, 0).getFirst()));
    }

    @Test
    void longBatchSumsLeaveOutTheirMiddle() {
        double[][] inputs = new double[7][];
        double[][] targets = new double[7][];
        for (int s = 0; s < 7; s++) {
            inputs[s] = new double[] {0.1 * s, -0.05 * s};
            targets[s] = MazurExample.TARGETS;
        }
        StepTrace trace = MazurExample.trace(MazurExample.network(Activation.SIGMOID, Activation.SIGMOID),
                MazurExample.hyperparameters(), inputs, targets);
        Formula bias = new FormulaBuilder(trace, 0).biasGradient(1, 0);
        List<MathToken> numbers = bias.sides().get(2);
        assertEquals(1, numbers.stream().filter(t -> t == Operator.ELLIPSIS).count());
        // The first three samples' δ and the last one (1/7 sits inside its fraction token).
        assertEquals(4, numbers.stream().filter(Value.class::isInstance).count());
        assertEquals(trace.outputLayer().delta().get(0, 6),
                ((Value) numbers.get(numbers.size() - 2)).value());
        assertEquals(trace.outputLayer().biasGradient().get(0, 0), result(bias));
    }

    @Test
    void leakyReluSlopeMatchesTheEngines() {
        assertEquals(Activation.LEAK, ActivationForm.LEAK);
    }
}
