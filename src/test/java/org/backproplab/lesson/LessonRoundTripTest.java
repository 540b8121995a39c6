package org.backproplab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.backproplab.data.DataPoint;
import org.backproplab.engine.Activation;
import org.backproplab.engine.Augmentation;
import org.backproplab.engine.Hyperparameters;
import org.backproplab.engine.Initializer;
import org.backproplab.engine.InputFeature;
import org.backproplab.engine.LayerSpec;
import org.backproplab.engine.LearningRateSchedule;
import org.backproplab.engine.Loss;
import org.backproplab.engine.OptimizerSettings;
import org.backproplab.engine.Regularization;
import org.backproplab.trace.Matrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A saved lesson reads back as exactly the lesson that was saved, and trains on exactly as before. */
class LessonRoundTripTest {

    @Test
    void aTrainedLessonSavedAndReloadedTakesTheSameNextStep(@TempDir Path dir) throws LessonException {
        Experiment trained = Experiment.of(LessonFile.readResource("/assets/lessons/xor.json"));
        for (int step = 0; step < 25; step++) {
            trained.learner().stepBatch();
        }
        Lesson beforeSave = trained.currentLesson();
        Path file = dir.resolve("trained.json");

        LessonFile.write(beforeSave, file);
        Lesson reloaded = LessonFile.read(file);

        assertEquals(beforeSave, reloaded);
        Experiment fromFile = Experiment.of(reloaded);
        Experiment fresh = Experiment.of(beforeSave);
        for (int l = 0; l < 2; l++) {
            assertEquals(fresh.learner().network().layer(l).weightMatrix(), fromFile.learner().network().layer(l).weightMatrix());
            assertEquals(fresh.learner().network().layer(l).biasVector(), fromFile.learner().network().layer(l).biasVector());
        }
        assertEquals(fresh.learner().tracedSample(0), fromFile.learner().tracedSample(0));
        // Plain SGD remembers nothing between steps, so the saved lesson carries on exactly where training was.
        assertEquals(trained.learner().tracedSample(0), Experiment.of(reloaded).learner().tracedSample(0));
    }

    @Test
    void rmsPropWithAScheduleSavedAndReopenedTakesTheSameSteps(@TempDir Path dir) throws LessonException {
        Lesson xor = LessonFile.readResource("/assets/lessons/xor.json");
        Lesson lesson = xor.withHyperparameters(xor.hyperparameters().withOptimizer(new OptimizerSettings.RmsProp(0.02, 0.85, 1e-7))
                .withSchedule(new LearningRateSchedule.Cosine(3, 0.0005)));
        Path file = dir.resolve("rmsprop.json");
        LessonFile.write(lesson, file);
        Lesson reopened = LessonFile.read(file);

        assertEquals(lesson, reopened);
        Experiment saved = Experiment.of(lesson);
        Experiment opened = Experiment.of(reopened);
        // Across epochs, so the schedule's η and RMSprop's memory both come into it.
        for (int step = 0; step < 12; step++) {
            assertEquals(saved.learner().tracedBatch(), opened.learner().tracedBatch(), "step " + step);
        }
    }

    @Test
    void everySettingSurvivesTheRoundTrip() throws LessonException {
        Lesson lesson = new Lesson("Every knob", "Ünïcödé, \"quotes\", a back\\slash\nand a second line.",
                List.of(InputFeature.X1, InputFeature.X2, InputFeature.X1_TIMES_X2, InputFeature.SIN_X1),
                List.of(new LayerSpec(5, Activation.TANH), new LayerSpec(4, Activation.LEAKY_RELU),
                        new LayerSpec(3, Activation.SOFTMAX)),
                Initializer.HE, Optional.empty(),
                new Hyperparameters(Loss.SOFTMAX_CROSS_ENTROPY, new OptimizerSettings.Adam(0.003, 0.8, 0.99, 1e-7),
                        new Regularization(Regularization.Kind.L1, 0.001), 2.5, false, new LearningRateSchedule.Step(7, 0.25),
                        new Augmentation(0.4)),
                7, -123_456_789_012_345L, new DataSpec.Generated("spiral3", 300, 0.2, 0.8),
                Map.of("zh-CN", new LessonWords("每个旋钮", "第一行\n第二行"), "de", new LessonWords("Jeder Knopf", "")));

        assertEquals(lesson, LessonFile.parse(LessonFile.toJson(lesson), "every.json"));
    }

    @Test
    void writtenOutPointsAndMomentumSurviveTheRoundTrip() throws LessonException {
        List<DataPoint> points = List.of(
                DataPoint.withTargets(0.1, -0.2, List.of(0.3, 1e-300)),
                DataPoint.withTargets(-1e6, 1e6, List.of(-0.0, 7.0)));
        Lesson lesson = new Lesson("Regression", "", List.of(InputFeature.X1_SQUARED, InputFeature.X2_SQUARED),
                List.of(new LayerSpec(2, Activation.LINEAR)), Initializer.PLAYGROUND, Optional.empty(),
                new Hyperparameters(Loss.SQUARED_ERROR, new OptimizerSettings.Momentum(0.01, 0.5),
                        new Regularization(Regularization.Kind.L2, 0.1), 0, true),
                1, 0, new DataSpec.Inline(points, 0, 1.0), Map.of());

        assertEquals(lesson, LessonFile.parse(LessonFile.toJson(lesson), "regression.json"));
    }

    @Test
    void weightsReadBackBitForBit() throws LessonException {
        double[] awkward = {-0.0, Double.MIN_VALUE, -Double.MAX_VALUE, 0.1 + 0.2, 1.0 / 3, Math.PI, 1e-300,
            -1.2345678901234567e-10, Math.nextUp(1.0), Double.MIN_NORMAL, 4.9e-324, 123456789012345678.0};
        SplittableRandom rng = new SplittableRandom(3);
        List<Double> values = new ArrayList<>();
        for (double v : awkward) {
            values.add(v);
        }
        while (values.size() < 64 * 2 + 64 + 64 + 1) {
            // Any finite bit pattern: every exponent and every last bit of the mantissa.
            double v = Double.longBitsToDouble(rng.nextLong());
            if (Double.isFinite(v)) {
                values.add(v);
            }
        }
        double[][] hidden = new double[64][2];
        double[] hiddenBias = new double[64];
        double[][] output = new double[1][64];
        int k = 0;
        for (int n = 0; n < 64; n++) {
            hidden[n][0] = values.get(k++);
            hidden[n][1] = values.get(k++);
            hiddenBias[n] = values.get(k++);
            output[0][n] = values.get(k++);
        }
        Lesson base = LessonFile.parse(LessonEdits.apply(LessonEdits.VALID,
                LessonEdits.remove("network.layers[0].weights"), LessonEdits.remove("network.layers[0].biases"),
                LessonEdits.remove("network.layers[1].weights"), LessonEdits.remove("network.layers[1].biases"),
                LessonEdits.set("network.layers[0].size", "64")), "base.json");
        Lesson lesson = base.withWeights(List.of(
                new LayerWeights(Matrix.of(hidden), Matrix.column(hiddenBias)),
                new LayerWeights(Matrix.of(output), Matrix.column(values.get(k)))));

        Lesson reloaded = LessonFile.parse(LessonFile.toJson(lesson), "weights.json");

        // Matrix equality compares the raw bits of every value (so -0.0 differs from 0.0).
        assertEquals(lesson.weights(), reloaded.weights());
    }

    @Test
    void optionalFieldsTakeTheirDocumentedDefaults() throws LessonException {
        Lesson lesson = LessonFile.parse("""
                {"format": "backprop-lab-lesson", "version": 1, "title": "Defaults", "commentary": "",
                 "network": {"layers": [{"size": 4, "activation": "tanh"}, {"size": 1, "activation": "tanh"}]},
                 "training": {"loss": "squared-error", "optimizer": {"type": "momentum", "learningRate": 0.1},
                              "batchSize": 10, "seed": 1},
                 "data": {"generator": "moons"}}
                """, "defaults.json");

        assertEquals(List.of(InputFeature.X1, InputFeature.X2), lesson.features());
        assertEquals(Initializer.XAVIER, lesson.initializer());
        assertEquals(Optional.empty(), lesson.weights());
        assertEquals(new Hyperparameters(Loss.SQUARED_ERROR, new OptimizerSettings.Momentum(0.1, 0.9),
                Regularization.NONE, 0, true), lesson.hyperparameters());
        assertEquals(new DataSpec.Generated("moons", 500, 0, 0.5), lesson.data());
        OptimizerSettings adam = LessonFile.parse(LessonEdits.edit("training.optimizer",
                "{\"type\": \"adam\", \"learningRate\": 0.01}"), "adam.json").hyperparameters().optimizer();
        assertEquals(new OptimizerSettings.Adam(0.01, 0.9, 0.999, 1e-8), adam);
    }

    @Test
    void savedLessonsAreLaidOutForHandEditing() throws LessonException {
        String json = LessonFile.toJson(LessonFile.parse(LessonEdits.VALID, "test.json"));

        assertTrue(json.contains("\n    \"optimizer\": {\"type\": \"sgd\", \"learningRate\": 0.5},\n"), json);
        assertTrue(json.contains("\n          [0.1, 0.2],\n          [0.3, 0.4],\n          [0.5, 0.6]\n"), json);
        assertTrue(json.contains("\n      {\"x1\": 0.0, \"x2\": 1.0, \"label\": 1},\n"), json);
    }
}
