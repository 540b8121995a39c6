package org.backproplab.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.backproplab.engine.Activation;
import org.backproplab.engine.Backpropagation;
import org.backproplab.engine.Hyperparameters;
import org.backproplab.engine.Initializer;
import org.backproplab.engine.LayerSpec;
import org.backproplab.engine.Loss;
import org.backproplab.engine.Network;
import org.backproplab.engine.OptimizerSettings;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * A normalised layer's own sub-steps in the step-through, on the hand-worked batch of three:
 * z = (1, 2, 4) into one linear neuron with γ = 2, β = 0.5, so μ = 7/3 and σ² = 14/9.
 */
class BatchNormFormulasTest {

    private static final double SD = Math.sqrt(14.0 / 9 + 1e-5);

    private static StepTrace handWorked() {
        Network network = Network.create(1, List.of(new LayerSpec(1, Activation.SIGMOID, 0, true),
                new LayerSpec(1, Activation.LINEAR)), Initializer.XAVIER, new SplittableRandom(1));
        network.layer(0).setWeight(0, 0, 1);
        network.layer(0).setBias(0, 0);
        network.layer(0).batchNorm().orElseThrow().set(0, 2, 0.5, 0, 1);
        network.layer(1).setWeight(0, 0, 1);
        network.layer(1).setBias(0, 0);
        return new Backpropagation().tracedStep(network, new DMatrixRMaj(new double[][] {{1, 2, 4}}),
                new DMatrixRMaj(new double[][] {{0, 1, 0}}), Hyperparameters.of(Loss.SQUARED_ERROR, new OptimizerSettings.Sgd(0.1)));
    }

    private static double result(Formula formula) {
        return ((MathToken.Value) formula.result().getFirst()).value();
    }

    @Test
    void theNormalisedLayerGetsItsOwnSubStepsInPassOrder() {
        List<SubStep> steps = handWorked().subSteps(Granularity.LAYER);
        assertEquals(List.of(new SubStep.ForwardLayer(0), new SubStep.Normalise(0), new SubStep.ScaleAndShift(0),
                new SubStep.ForwardLayer(1), new SubStep.ComputeLoss(), new SubStep.BackwardLayer(1),
                new SubStep.BackwardLayer(0), new SubStep.BackwardNormalise(0), new SubStep.Gradients(0),
                new SubStep.Gradients(1), new SubStep.Update(0), new SubStep.Update(1)), steps);
        assertTrue(handWorked().subSteps(Granularity.NEURON).contains(new SubStep.Normalise(0)), "at either granularity");
    }

    @Test
    void normaliseShowsMeanVarianceAndTheFocusedSamplesNormalizedValue() {
        List<Formula> formulas = new FormulaBuilder(handWorked(), 2).explain(new SubStep.Normalise(0)).formulas();

        assertEquals(List.of(Caption.BATCH_MEAN, Caption.BATCH_VARIANCE, Caption.NORMALIZED),
                formulas.stream().map(Formula::caption).toList());
        assertEquals(7.0 / 3, result(formulas.get(0)), 1e-15);
        assertEquals(14.0 / 9, result(formulas.get(1)), 1e-15);
        assertEquals((4 - 7.0 / 3) / SD, result(formulas.get(2)), 1e-15, "sample 3's x̂");
        String plain = FormulaRenderer.toPlainText(formulas.get(1).sides().get(2), 4);
        assertEquals("(1/3)·(-1.333·(-1.333) + (-0.3333)·(-0.3333) + 1.667·1.667)", plain.replace('−', '-'));
    }

    @Test
    void scaleAndShiftGivesYAndTheActivationOfY() {
        StepTrace trace = handWorked();
        List<Formula> formulas = new FormulaBuilder(trace, 0).explain(new SubStep.ScaleAndShift(0)).formulas();

        double y = 2 * (1 - 7.0 / 3) / SD + 0.5;
        assertEquals(Caption.SCALE_SHIFT, formulas.get(0).caption());
        assertEquals(y, result(formulas.get(0)), 1e-15);
        assertEquals(Caption.ACTIVATION, formulas.get(1).caption());
        assertEquals(1 / (1 + Math.exp(-y)), result(formulas.get(1)), 1e-15, "a = σ(y), not σ(z)");
        assertEquals(List.of(Caption.WEIGHTED_SUM), new FormulaBuilder(trace, 0).explain(new SubStep.ForwardLayer(0)).formulas()
                .stream().map(Formula::caption).toList(), "the layer's forward step shows z and leaves a to the scale and shift");
    }

    @Test
    void backwardThroughTheNormalisationWritesTheFormulaOutWithNumbers() {
        StepTrace trace = handWorked();
        BatchNormTrace bn = trace.layers().getFirst().batchNorm().orElseThrow();
        List<Formula> formulas = new FormulaBuilder(trace, 1).explain(new SubStep.BackwardNormalise(0)).formulas();

        assertEquals(List.of(Caption.BETA_GRADIENT, Caption.GAMMA_GRADIENT, Caption.BATCH_NORM_DELTA,
                Caption.NORMALISED_BIAS_GRADIENT), formulas.stream().map(Formula::caption).toList());
        double[] dy = bn.outputDelta().values();
        double[] xHat = bn.normalized().values();
        double meanDy = (dy[0] + dy[1] + dy[2]) / 3;
        double meanDyXHat = (dy[0] * xHat[0] + dy[1] * xHat[1] + dy[2] * xHat[2]) / 3;
        assertEquals(meanDy, result(formulas.get(0)), 1e-15);
        assertEquals(meanDyXHat, result(formulas.get(1)), 1e-15);
        assertEquals(2 / SD * (dy[1] - meanDy - xHat[1] * meanDyXHat), result(formulas.get(2)), 1e-12, "sample 2's δ");
        assertEquals(0, result(formulas.get(3)), 1e-15, "∂E/∂b of a normalised neuron");
        // The hidden δ step before it computes δʸ, what the activation's slope at y gives.
        Formula deltaY = new FormulaBuilder(trace, 1).explain(new SubStep.BackwardLayer(0)).formulas().getFirst();
        assertEquals(dy[1], result(deltaY), 1e-15);
        assertEquals("δʸ", ((MathToken.Symbol) deltaY.subject().getFirst()).base());
    }

    @Test
    void theUpdateShowsGammaAndBetaChanging() {
        StepTrace trace = handWorked();
        BatchNormTrace bn = trace.layers().getFirst().batchNorm().orElseThrow();
        List<Formula> formulas = new FormulaBuilder(trace, 0).explain(new SubStep.Update(0)).formulas();

        Formula gamma = formulas.stream().filter(f -> f.caption() == Caption.GAMMA_UPDATE).findFirst().orElseThrow();
        Formula beta = formulas.stream().filter(f -> f.caption() == Caption.BETA_UPDATE).findFirst().orElseThrow();
        assertEquals(bn.gammaAfter().get(0, 0), result(gamma), 0);
        assertEquals(bn.betaAfter().get(0, 0), result(beta), 0);
        assertEquals(2 - 0.1 * bn.gammaGradient().get(0, 0), result(gamma), 1e-15);
    }

    @Test
    void predictModeAsksAOnlyOnceYIsKnownAndDeltaOnlyOnceItIsThroughTheNormalisation() {
        PassQuestions questions = new PassQuestions(handWorked(), 0);

        assertEquals(List.of(Question.z(0, 0)), questions.of(new SubStep.ForwardLayer(0)));
        assertEquals(List.of(), questions.of(new SubStep.Normalise(0)));
        assertEquals(List.of(Question.a(0, 0)), questions.of(new SubStep.ScaleAndShift(0)));
        assertEquals(List.of(), questions.of(new SubStep.BackwardLayer(0)));
        assertEquals(List.of(Question.delta(0, 0)), questions.of(new SubStep.BackwardNormalise(0)));
        assertFalse(questions.all().isEmpty());
    }
}
