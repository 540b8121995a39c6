package org.backproplab.lesson;

import static org.backproplab.lesson.ShippedLessonsTest.trainUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;
import org.backproplab.engine.Activation;
import org.backproplab.engine.LayerSpec;
import org.backproplab.engine.Learner;
import org.backproplab.trace.LayerTrace;
import org.backproplab.trace.Matrix;
import org.backproplab.trace.StepTrace;
import org.junit.jupiter.api.Test;

/**
 * The two lessons on what goes wrong in deep networks show it on their very first step, and the
 * cures their commentary names work.
 */
class DeepNetworkLessonsTest {

    private static List<StepTrace> firstSteps(String name) throws LessonException {
        Lesson lesson = LessonCatalog.load(name);
        // The first mini-batch of training, and the first sample stepped on its own.
        return List.of(Experiment.of(lesson).learner().tracedBatch(), Experiment.of(lesson).learner().tracedSample(0));
    }

    private static double norm(StepTrace trace, int layer, Function<LayerTrace, Matrix> quantity) {
        return quantity.apply(trace.layers().get(layer)).norm();
    }

    @Test
    void inTheDeepSigmoidNetTheFirstLayersGradientsAreThousandsOfTimesSmallerThanTheLasts() throws LessonException {
        for (StepTrace step : firstSteps("vanishing-gradients")) {
            int last = step.layers().size() - 1;
            double first = norm(step, 0, LayerTrace::weightGradient);
            double output = norm(step, last, LayerTrace::weightGradient);

            assertTrue(first * 1000 < output, "‖∂E/∂W⁽¹⁾‖ = " + first + ", ‖∂E/∂W⁽ᴸ⁾‖ = " + output);
            for (int l = 0; l < last; l++) {
                assertTrue(norm(step, l, LayerTrace::delta) < norm(step, l + 1, LayerTrace::delta),
                        "δ shrinks at every layer on the way back, layer " + (l + 1));
            }
        }
    }

    @Test
    void theDeepSigmoidNetSitsOnAPlateauWhileReluHiddenLayersLearnTheCircle() throws LessonException {
        Lesson lesson = LessonCatalog.load("vanishing-gradients");
        Learner sigmoid = Experiment.of(lesson).learner();
        List<LayerSpec> relu = lesson.layers().stream()
                .map(layer -> layer == lesson.layers().getLast() ? layer : new LayerSpec(layer.size(), Activation.RELU))
                .toList();
        Learner rectified = Experiment.of(lesson.withArchitecture(lesson.features(), relu)).learner();

        trainUntil(sigmoid, 30, 1.1);
        trainUntil(rectified, 30, 0.95);

        assertEquals(0.125, sigmoid.trainMetrics().loss(), 0.002, "the plateau: outputs near 0.5 for every point");
        assertTrue(sigmoid.trainMetrics().accuracy() < 0.6, "sigmoid accuracy " + sigmoid.trainMetrics().accuracy());
        assertTrue(rectified.trainMetrics().accuracy() >= 0.95, "ReLU accuracy " + rectified.trainMetrics().accuracy());
    }

    /** The same network, seed and data with batch normalisation on its hidden layers: the first layer learns. */
    @Test
    void batchNormalisationGivesTheFirstLayerHundredsOfTimesLargerGradientsAndTheNetLearnsTheCircle() throws LessonException {
        Learner plain = Experiment.of(LessonCatalog.load("vanishing-gradients")).learner();
        Learner normalised = Experiment.of(LessonCatalog.load("batch-normalisation")).learner();
        List<LayerSpec> layers = normalised.network().shape();
        assertEquals(LessonCatalog.load("vanishing-gradients").layers(),
                layers.stream().map(layer -> layer.withBatchNorm(false)).toList(), "the vanishing-gradients network");

        // What the gradient-flow chart draws, before any training.
        double plainFirst = plain.gradientSizes().orElseThrow().weightGradientNorms().getFirst();
        double normalisedFirst = normalised.gradientSizes().orElseThrow().weightGradientNorms().getFirst();
        assertTrue(normalisedFirst > 100 * plainFirst, "‖∂E/∂W⁽¹⁾‖ " + normalisedFirst + " with, " + plainFirst + " without");
        double steppedPlain = norm(plain.tracedBatch(), 0, LayerTrace::weightGradient);
        double steppedNormalised = norm(normalised.tracedBatch(), 0, LayerTrace::weightGradient);
        assertTrue(steppedNormalised > 100 * steppedPlain, "first step: " + steppedNormalised + " with, " + steppedPlain + " without");

        trainUntil(normalised, 20, 0.9);
        assertTrue(normalised.trainMetrics().loss() < 0.1, "off the 0.125 plateau: " + normalised.trainMetrics().loss());
        assertTrue(normalised.trainMetrics().accuracy() >= 0.9, "accuracy " + normalised.trainMetrics().accuracy());
    }

    @Test
    void withLargeStartingWeightsDeltaGrowsAtEveryLayerTowardTheInput() throws LessonException {
        for (StepTrace step : firstSteps("exploding-gradients")) {
            int last = step.layers().size() - 1;
            for (int l = 0; l < last; l++) {
                assertTrue(norm(step, l, LayerTrace::delta) > 2 * norm(step, l + 1, LayerTrace::delta),
                        "δ at least doubles from layer " + (l + 2) + " back to layer " + (l + 1));
                assertTrue(norm(step, l, LayerTrace::biasGradient) > norm(step, l + 1, LayerTrace::biasGradient),
                        "∂L/∂b grows from layer " + (l + 2) + " back to layer " + (l + 1));
            }
            double ratio = norm(step, 0, LayerTrace::delta) / norm(step, last, LayerTrace::delta);
            assertTrue(ratio > 100, "δ at the first hidden layer is only " + ratio + " times that at the output");
        }
    }

    @Test
    void oneExplodingStepSwitchesEveryReluOffWhileClippingLetsTheSameStartLearn() throws LessonException {
        Lesson lesson = LessonCatalog.load("exploding-gradients");
        Learner plain = Experiment.of(lesson).learner();
        Learner clipped = Experiment.of(lesson.withHyperparameters(lesson.hyperparameters().withGradientClipNorm(1))).learner();

        trainUntil(plain, 5, 1.1);
        trainUntil(clipped, 100, 0.9);

        assertEquals(Math.log(2), plain.trainMetrics().loss(), 0.005, "the loss freezes at ln 2");
        assertTrue(clipped.trainMetrics().accuracy() >= 0.9, "clipped accuracy " + clipped.trainMetrics().accuracy());
    }
}
