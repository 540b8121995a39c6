package org.backproplab.lesson;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.backproplab.data.DataPoint;
import org.backproplab.engine.Learner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two lesson options that make a recorded run replayable: {@code "shuffle": false} trains in
 * the written order every epoch, and points marked {@code "set"} fix the split.
 */
class ReplayOptionsTest {

    /** Six points, x₁ = their written position, marked train, test, train, train, test, train. */
    private static final String POINTS = """
            [{"x1": 0, "x2": 0, "label": 0, "set": "train"},
             {"x1": 1, "x2": 0, "label": 1, "set": "test"},
             {"x1": 2, "x2": 0, "label": 0, "set": "train"},
             {"x1": 3, "x2": 0, "label": 1, "set": "train"},
             {"x1": 4, "x2": 0, "label": 0, "set": "test"},
             {"x1": 5, "x2": 0, "label": 1, "set": "train"}]""";

    private static String lesson(String shuffle, String points, String extraData) {
        return """
                {"format": "backprop-lab-lesson", "version": 1, "title": "Replay", "commentary": "",
                 "network": {"layers": [{"size": 2, "activation": "tanh"}, {"size": 1, "activation": "sigmoid"}]},
                 "training": {"loss": "squared-error", "optimizer": {"type": "sgd", "learningRate": 0.1},
                              "batchSize": 1, "seed": 3 %s},
                 "data": {"classes": 2 %s, "points": %s}}""".formatted(shuffle, extraData, points);
    }

    @Test
    void markedPointsMakeTheSplitInWrittenOrder() throws LessonException {
        Experiment experiment = Experiment.of(LessonFile.parse(lesson("", POINTS, ""), "replay.json"));

        assertEquals(List.of(0.0, 2.0, 3.0, 5.0), experiment.trainPoints().stream().map(DataPoint::x1).toList());
        assertEquals(List.of(1.0, 4.0), experiment.testPoints().stream().map(DataPoint::x1).toList());
    }

    @Test
    void unshuffledTrainingVisitsTheTrainingPointsInWrittenOrderEveryEpoch() throws LessonException {
        Learner learner = Experiment.of(LessonFile.parse(lesson(", \"shuffle\": false", POINTS, ""), "r.json")).learner();

        for (int epoch = 0; epoch < 3; epoch++) {
            assertEquals(List.of(0, 1, 2, 3), visitOrder(learner), "epoch " + epoch);
        }
    }

    @Test
    void shuffledTrainingDrawsAnotherOrder() throws LessonException {
        Learner learner = Experiment.of(LessonFile.parse(lesson("", POINTS, ""), "r.json")).learner();

        List<List<Integer>> orders = new ArrayList<>();
        for (int epoch = 0; epoch < 4; epoch++) {
            orders.add(visitOrder(learner));
        }
        assertFalse(orders.stream().allMatch(List.of(0, 1, 2, 3)::equals), orders.toString());
    }

    @Test
    void bothOptionsSurviveSavingAndReading(@TempDir Path dir) throws LessonException {
        Lesson lesson = LessonFile.parse(lesson(", \"shuffle\": false", POINTS, ""), "r.json");
        Path file = dir.resolve("replay.json");
        LessonFile.write(lesson, file);
        Lesson reread = LessonFile.read(file);

        assertEquals(lesson, reread);
        assertFalse(reread.shuffle());
        DataSpec.Inline data = (DataSpec.Inline) reread.data();
        assertEquals(List.of(PointSet.TRAIN, PointSet.TEST, PointSet.TRAIN, PointSet.TRAIN, PointSet.TEST,
                PointSet.TRAIN), data.sets());
    }

    @Test
    void aLessonWithoutTheOptionsShufflesAndSplitsByRatio() throws LessonException {
        String plain = lesson("", POINTS.replaceAll(", \"set\": \"(train|test)\"", ""), ", \"trainRatio\": 0.5");
        Lesson lesson = LessonFile.parse(plain, "r.json");
        assertEquals(true, lesson.shuffle());
        assertFalse(((DataSpec.Inline) lesson.data()).marked());
        assertEquals(3, Experiment.of(lesson).trainPoints().size());
    }

    @Test
    void somePointsWithASetAndSomeWithoutAreRefused() {
        String mixed = POINTS.replace("{\"x1\": 3, \"x2\": 0, \"label\": 1, \"set\": \"train\"}",
                "{\"x1\": 3, \"x2\": 0, \"label\": 1}");
        assertRefused(lesson("", mixed, ""), "r.json: data.points[3]: has no \"set\", but data.points[0] has one;"
                + " give \"set\" on every point or on none");
        String firstUnmarked = POINTS.replace("{\"x1\": 0, \"x2\": 0, \"label\": 0, \"set\": \"train\"}",
                "{\"x1\": 0, \"x2\": 0, \"label\": 0}");
        assertRefused(lesson("", firstUnmarked, ""), "r.json: data.points[1]: has a \"set\", but data.points[0] has"
                + " none; give \"set\" on every point or on none");
    }

    @Test
    void setsBesideATrainRatioAreRefused() {
        assertRefused(lesson("", POINTS, ", \"trainRatio\": 0.5"), "r.json: data.trainRatio: not allowed when the"
                + " points carry \"set\": they already say which are for training; remove trainRatio or the sets");
    }

    @Test
    void anUnknownSetOrNoTrainingPointIsRefused() {
        assertRefused(lesson("", POINTS.replace("\"set\": \"test\"", "\"set\": \"validation\""), ""),
                "r.json: data.points[1].set: unknown set \"validation\" (expected one of train, test)");
        assertRefused(lesson("", POINTS.replace("\"set\": \"train\"", "\"set\": \"test\""), ""),
                "r.json: data.points: no point has \"set\": \"train\", so nothing is left to train on;"
                        + " mark at least one point for training");
    }

    @Test
    void shuffleMustBeTrueOrFalse() {
        assertRefused(lesson(", \"shuffle\": \"no\"", POINTS, ""),
                "r.json: training.shuffle: expected true or false, got text \"no\"");
    }

    /** The training samples the next epoch visits, in order (one per batch of 1). */
    private static List<Integer> visitOrder(Learner learner) {
        List<Integer> order = new ArrayList<>();
        long epoch = learner.epoch();
        while (learner.epoch() == epoch) {
            int[] batch = learner.nextBatchSamples();
            assertArrayEquals(new int[] {batch[0]}, batch);
            order.add(batch[0]);
            learner.stepBatch();
        }
        return order;
    }

    private static void assertRefused(String json, String message) {
        LessonException e = assertThrows(LessonException.class, () -> LessonFile.parse(json, "r.json"));
        assertEquals(message, e.getMessage());
    }
}
