package org.backproplab.lesson;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.backproplab.data.DataPoint;
import org.backproplab.engine.Augmentation;
import org.backproplab.engine.Learner;
import org.backproplab.trace.DropoutTrace;
import org.backproplab.trace.Matrix;
import org.backproplab.trace.StepTrace;
import org.junit.jupiter.api.Test;

/** Dropout and augmentation as a lesson states them: reproducible, saved exactly, and traced with what they did. */
class OverfittingRemediesTest {

    /** The test lesson with x², x₁x₂ and sin x features, a dropping hidden layer and augmentation on. */
    private static final String REMEDIED = LessonEdits.apply(LessonEdits.VALID,
            LessonEdits.set("network.features", "[\"x1\", \"x2\", \"x1^2\", \"x1*x2\", \"sin(x2)\"]"),
            LessonEdits.remove("network.layers[0].weights"), LessonEdits.remove("network.layers[0].biases"),
            LessonEdits.remove("network.layers[1].weights"), LessonEdits.remove("network.layers[1].biases"),
            LessonEdits.set("network.layers[0].size", "8"),
            LessonEdits.set("network.layers[0].dropout", "0.4"),
            LessonEdits.set("training.augmentation", "{\"noise\": 0.2}"),
            LessonEdits.set("training.batchSize", "3"));

    private static Lesson remedied() throws LessonException {
        return LessonFile.parse(REMEDIED, "remedied.json");
    }

    @Test
    void theLessonReadsItsRemedies() throws LessonException {
        Lesson lesson = remedied();
        assertEquals(0.4, lesson.layers().getFirst().dropout());
        assertEquals(0.0, lesson.layers().getLast().dropout());
        assertEquals(new Augmentation(0.2), lesson.hyperparameters().augmentation());
    }

    @Test
    void theSameSeedGivesAnIdenticalRun() throws LessonException {
        List<StepTrace> first = steps(Experiment.of(remedied()).learner(), 12);
        List<StepTrace> again = steps(Experiment.of(remedied()).learner(), 12);
        assertEquals(first, again);
        assertTrue(first.stream().allMatch(step -> step.layers().getFirst().dropout().isPresent()));
        // Another seed draws other masks and shifts.
        Lesson reseeded = remedied().withSeed(43);
        assertNotEquals(first.getFirst().inputs(), steps(Experiment.of(reseeded).learner(), 1).getFirst().inputs());
    }

    @Test
    void savingAndOpeningGivesTheSameNextTrace() throws LessonException {
        Lesson lesson = remedied();
        Lesson reopened = LessonFile.parse(LessonFile.toJson(lesson), "saved.json");
        assertEquals(lesson, reopened);
        assertEquals(steps(Experiment.of(lesson).learner(), 3), steps(Experiment.of(reopened).learner(), 3));

        // A trained network saved with its weights reopens to the same next step, masks and shifts included.
        Experiment trained = Experiment.of(lesson);
        steps(trained.learner(), 5);
        Lesson saved = LessonFile.parse(LessonFile.toJson(trained.currentLesson()), "trained.json");
        assertEquals(trained.currentLesson(), saved);
        assertEquals(steps(Experiment.of(trained.currentLesson()).learner(), 2), steps(Experiment.of(saved).learner(), 2));
    }

    @Test
    void augmentedInputsAreShiftedPointsAndTheFeaturesFollowThem() throws LessonException {
        Experiment experiment = Experiment.of(remedied());
        Learner learner = experiment.learner();
        double largestShift = 0;
        for (int step = 0; step < 8; step++) {
            int[] samples = learner.nextBatchSamples();
            StepTrace trace = learner.tracedBatch();
            Matrix inputs = trace.inputs();
            for (int c = 0; c < samples.length; c++) {
                DataPoint point = experiment.trainPoints().get(samples[c]);
                double x1 = inputs.get(0, c);
                double x2 = inputs.get(1, c);
                largestShift = Math.max(largestShift, Math.max(Math.abs(x1 - point.x1()), Math.abs(x2 - point.x2())));
                assertEquals(x1 * x1, inputs.get(2, c), 1e-15, "x1^2 of the shifted point");
                assertEquals(x1 * x2, inputs.get(3, c), 1e-15, "x1*x2 of the shifted point");
                assertEquals(Math.sin(x2), inputs.get(4, c), 1e-15, "sin(x2) of the shifted point");
                assertTrue(Math.abs(x1 - point.x1()) < 0.2 * 6 && Math.abs(x2 - point.x2()) < 0.2 * 6, "σ = 0.2");
            }
        }
        assertTrue(largestShift > 0.05, "the points really moved, largest shift " + largestShift);

        // Evaluation sees the points as they are.
        Experiment plain = Experiment.of(remedied());
        assertArrayEquals(plain.encoding().inputs(plain.trainPoints()).data, plain.learner().data().trainInputs().data);
    }

    @Test
    void withoutAugmentationTheTraceHoldsThePointsThemselves() throws LessonException {
        Lesson lesson = remedied();
        Experiment experiment = Experiment.of(lesson.withHyperparameters(lesson.hyperparameters().withAugmentation(Augmentation.NONE)));
        int[] samples = experiment.learner().nextBatchSamples();
        StepTrace trace = experiment.learner().tracedBatch();
        for (int c = 0; c < samples.length; c++) {
            assertEquals(experiment.trainPoints().get(samples[c]).x1(), trace.inputs().get(0, c));
            assertEquals(experiment.trainPoints().get(samples[c]).x2(), trace.inputs().get(1, c));
        }
    }

    @Test
    void theTraceJsonShowsTheMaskAndTheActivationBeforeIt() throws Exception {
        StepTrace trace = Experiment.of(remedied()).learner().tracedBatch();
        JsonNode layer = new ObjectMapper().readTree(TraceJson.line(1, 0, trace)).get("layers").get(0);
        DropoutTrace dropout = trace.layers().getFirst().dropout().orElseThrow();

        assertEquals(0.4, layer.get("dropout").asDouble());
        assertEquals(trace.batchSize(), layer.get("dropoutMask").size(), "one row per sample");
        for (int s = 0; s < trace.batchSize(); s++) {
            for (int n = 0; n < 8; n++) {
                JsonNode kept = layer.get("dropoutMask").get(s).get(n);
                assertTrue(kept.isInt() && (kept.asInt() == 0 || kept.asInt() == 1), "1 kept / 0 dropped, got " + kept);
                double before = layer.get("activationBeforeDropout").get(s).get(n).asDouble();
                assertEquals(dropout.activationBeforeDropout().get(n, s), before);
                assertEquals(kept.asInt() * before / (1 - 0.4), layer.get("a").get(s).get(n).asDouble(), 1e-15,
                        "a is after the mask and the scaling");
            }
        }
        assertTrue(new ObjectMapper().readTree(TraceJson.line(1, 0, trace)).get("layers").get(1).get("dropoutMask") == null,
                "no mask on a layer without dropout");
    }

    private static List<StepTrace> steps(Learner learner, int count) {
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> learner.tracedBatch()).toList();
    }
}
