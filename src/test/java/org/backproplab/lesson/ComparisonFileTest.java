package org.backproplab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.backproplab.engine.Activation;
import org.backproplab.engine.Augmentation;
import org.backproplab.engine.Initializer;
import org.backproplab.engine.LayerSpec;
import org.backproplab.engine.LearningRateSchedule;
import org.backproplab.engine.OptimizerSettings;
import org.backproplab.engine.Regularization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A comparison saved as a lesson with a "compare" block opens as the very comparison saved; a bad block is refused in one line. */
class ComparisonFileTest {

    /** The XOR lesson as trained a little, so that A fixes its weights, as a forked lab's lesson does. */
    private static Lesson trainedXor() throws LessonException {
        Experiment experiment = Experiment.of(LessonFile.readResource("/assets/lessons/xor.json"));
        for (int step = 0; step < 10; step++) {
            experiment.learner().stepBatch();
        }
        return experiment.currentLesson();
    }

    private static Lesson withHiddenActivation(Lesson lesson, Activation activation) {
        List<LayerSpec> layers = new ArrayList<>(lesson.layers());
        layers.set(0, layers.getFirst().withActivation(activation));
        // Kept weights: a changed activation rebuilds no weight.
        return lesson.withArchitecture(lesson.features(), layers).withWeights(lesson.weights().orElseThrow());
    }

    @Test
    void aComparisonSavedAndOpenedIsTheComparisonSaved(@TempDir Path dir) throws LessonException {
        Lesson a = trainedXor();
        Lesson changed = withHiddenActivation(a, Activation.RELU);
        Lesson b = changed.withHyperparameters(changed.hyperparameters()
                .withOptimizer(new OptimizerSettings.Adam(0.05, 0.8, 0.99, 1e-7))
                .withRegularization(new Regularization(Regularization.Kind.L2, 0.001))
                .withSchedule(new LearningRateSchedule.Step(100, 0.5))
                .withAugmentation(new Augmentation(0.05)))
                .withBatchSize(2);
        Comparison saved = new Comparison(a, b);
        Path file = dir.resolve("compare.json");

        LessonFile.write(saved, file);
        LessonFile.Opened opened = LessonFile.readWhole(file);

        assertEquals(a, opened.lesson(), "A is the lesson itself");
        Comparison reopened = opened.comparison().orElseThrow();
        assertEquals(a, reopened.a());
        assertEquals(b, reopened.b(), "B with every changed setting, starting from A's weights");
        assertEquals(saved.differences(), reopened.differences());
        assertEquals(6, reopened.differences().size(), reopened.differences().toString());
        assertEquals(a, LessonFile.read(file), "a plain read gives A");
    }

    @Test
    void theBlockHoldsOnlyWhatBChanges() throws LessonException {
        Lesson a = trainedXor();
        Lesson b = a.withHyperparameters(a.hyperparameters().withLearningRate(0.5));

        String json = LessonFile.toJson(new Comparison(a, b));

        String block = json.substring(json.indexOf("\"compare\""));
        assertTrue(block.contains("\"learningRate\": 0.5"), block);
        assertFalse(block.contains("\"network\""), "B changes no layer: " + block);
        assertFalse(block.contains("\"seed\""), block);
        assertEquals(List.of(new Difference.LearningRate(2.0, 0.5)),
                LessonFile.parseWhole(json, "x.json").comparison().orElseThrow().differences());
    }

    @Test
    void takingBackWhatAUsesIsWrittenAsWell() throws LessonException {
        Lesson plain = trainedXor();
        Lesson a = plain.withHyperparameters(plain.hyperparameters().withAugmentation(new Augmentation(0.1))
                .withSchedule(new LearningRateSchedule.Exponential(0.99)));
        Lesson b = plain;

        Comparison reopened = LessonFile.parseWhole(LessonFile.toJson(new Comparison(a, b)), "x.json").comparison().orElseThrow();

        assertEquals(b, reopened.b(), "B without noise and with a constant rate, though the writer leaves both out of A's own fields");
    }

    @Test
    void anotherInitializerDrawsBsOwnWeightsFromTheSameSeed() throws LessonException {
        Lesson a = trainedXor();
        Lesson b = new Lesson(a.title(), a.commentary(), a.features(), a.layers(), Initializer.HE, a.weights(),
                a.hyperparameters(), a.batchSize(), a.seed(), a.data(), a.translations(), a.shuffle());

        Comparison reopened = LessonFile.parseWhole(LessonFile.toJson(new Comparison(a, b)), "x.json").comparison().orElseThrow();

        assertTrue(reopened.b().weights().isEmpty(), "B's weights are drawn, not A's");
        assertEquals(Initializer.HE, reopened.b().initializer());
        assertEquals(List.of(new Difference.WeightInitializer(Initializer.XAVIER, Initializer.HE)), reopened.differences());
    }

    @Test
    void aLessonWithoutTheBlockOpensNoComparison() throws LessonException {
        assertTrue(LessonFile.readWholeResource("/assets/lessons/xor.json").comparison().isEmpty());
    }

    @Test
    void aBadBlockIsRefusedInOneLineNamingTheField() throws LessonException {
        String lesson = LessonFile.toJson(trainedXor());
        assertRefused(lesson, "\"compare\": {\"training\": {\"seed\": 3}}", "compare.training: unknown field \"seed\"");
        assertRefused(lesson, "\"compare\": {\"data\": {}}", "compare: unknown field \"data\"");
        assertRefused(lesson, "\"compare\": {\"network\": {\"layers\": [{}]}}",
                "compare.network.layers: expected 2 layers (one per layer of run A");
        assertRefused(lesson, "\"compare\": {\"network\": {\"layers\": [{\"size\": 4}, {}]}}",
                "compare.network.layers[0]: unknown field \"size\"");
        assertRefused(lesson, "\"compare\": {\"training\": {\"optimizer\": {\"type\": \"sgd\", \"learningRate\": -1}}}",
                "compare: run B's training.optimizer.learningRate:");
        assertRefused(lesson, "\"compare\": {\"network\": {\"layers\": [{\"activation\": \"softmax\"}, {}]}}",
                "compare: run B's network.layers[0].activation:");
        assertRefused(lesson, "\"compare\": 3", "compare: expected an object");
    }

    private static void assertRefused(String lesson, String block, String start) {
        String json = lesson.substring(0, lesson.lastIndexOf('}')) + ", " + block + "}";
        LessonException refused = assertThrows(LessonException.class, () -> LessonFile.parse(json, "c.json"));
        assertTrue(refused.getMessage().startsWith("c.json: " + start), refused.getMessage());
        assertFalse(refused.getMessage().contains("\n"), "one line: " + refused.getMessage());
    }
}
