package org.backproplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.backproplab.engine.Layer;
import org.backproplab.engine.Learner;
import org.backproplab.lesson.Experiment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LandscapeCommandTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void printsOneObjectWhoseLossesAreTheLessonsLossWithTheTwoParametersSet() throws Exception {
        CliRun run = CliRun.of("landscape", "xor", "--x", "W1[2,1]", "--y", "b2[1]", "--span", "0.5", "--grid", "5");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(1, run.outLines().size());
        JsonNode map = MAPPER.readTree(run.out());
        assertEquals(5, map.get("x").size());
        assertEquals(5, map.get("y").size());
        assertEquals(5, map.get("loss").size());
        map.get("loss").forEach(row -> assertEquals(5, row.size()));

        Learner learner = Experiment.of(LessonArgument.resolve("xor")).learner();
        Layer hidden = learner.network().layer(0);
        Layer output = learner.network().layer(1);
        assertEquals(hidden.weight(1, 0) - 0.5, map.get("x").get(0).asDouble(), 1e-15);
        assertEquals(hidden.weight(1, 0), map.get("x").get(2).asDouble(), 1e-15);
        assertEquals(output.bias(0) + 0.5, map.get("y").get(4).asDouble(), 1e-15);
        for (int[] at : new int[][] {{0, 0}, {1, 3}, {2, 2}, {4, 1}}) {
            hidden.setWeight(1, 0, map.get("x").get(at[1]).asDouble());
            output.setBias(0, map.get("y").get(at[0]).asDouble());
            assertEquals(learner.trainMetrics().loss(), map.get("loss").get(at[0]).get(at[1]).asDouble(), 1e-12);
        }
    }

    @Test
    void trainsTheEpochsAskedForFirst() throws Exception {
        JsonNode untrained = MAPPER.readTree(CliRun.of("landscape", "xor", "--x", "W1[1,1]", "--y", "W1[1,2]", "--span", "1",
                "--grid", "3").out());
        JsonNode trained = MAPPER.readTree(CliRun.of("landscape", "xor", "--x", "W1[1,1]", "--y", "W1[1,2]", "--span", "1",
                "--grid", "3", "--epochs", "20").out());
        assertNotEquals(untrained.get("x").get(1).asDouble(), trained.get("x").get(1).asDouble());
    }

    @Test
    void aBadArgumentIsOneLineAndExitCodeTwo() {
        String[][] bad = {
            {"--x", "W1[2,1", "--y", "b2[1]", "--span", "1", "--grid", "5"},
            {"--x", "W7[1,1]", "--y", "b2[1]", "--span", "1", "--grid", "5"},
            {"--x", "b2[1]", "--y", "b2[1]", "--span", "1", "--grid", "5"},
            {"--x", "W1[1,1]", "--y", "b2[1]", "--span", "0", "--grid", "5"},
            {"--x", "W1[1,1]", "--y", "b2[1]", "--span", "NaN", "--grid", "5"},
            {"--x", "W1[1,1]", "--y", "b2[1]", "--span", "1", "--grid", "1"},
            {"--x", "W1[1,1]", "--y", "b2[1]", "--span", "1", "--grid", "5", "--epochs", "-1"},
        };
        for (String[] arguments : bad) {
            String[] args = new String[arguments.length + 2];
            args[0] = "landscape";
            args[1] = "xor";
            System.arraycopy(arguments, 0, args, 2, arguments.length);
            CliRun run = CliRun.of(args);
            assertEquals(Cli.BAD_LESSON, run.exitCode(), String.join(" ", arguments));
            assertEquals(1, run.err().lines().count(), run.err());
            assertTrue(run.out().isBlank(), run.out());
        }
        assertTrue(CliRun.of("landscape", "xor", "--x", "W7[1,1]", "--y", "b2[1]", "--span", "1", "--grid", "5").err()
                .contains("W7[1,1]: the network has 2 layers"));
    }

    /** A 2-3-1 linear net on XOR's four points, with the learning rate and L2 rate given. */
    private static Path lesson(Path dir, double learningRate, double l2) throws Exception {
        Path lesson = dir.resolve("lesson.json");
        Files.writeString(lesson, """
                {
                  "format": "backprop-lab-lesson", "version": 1, "title": "Linear", "commentary": "",
                  "network": {"features": ["x1", "x2"], "initializer": "xavier",
                              "layers": [{"size": 3, "activation": "linear"}, {"size": 1, "activation": "linear"}]},
                  "training": {"loss": "squared-error", "optimizer": {"type": "sgd", "learningRate": %s},
                               "regularization": {"type": "l2", "rate": %s}, "batchSize": 4, "seed": 3},
                  "data": {"classes": 0, "trainRatio": 1.0, "points": [
                    {"x1": 0, "x2": 0, "label": 0}, {"x1": 0, "x2": 1, "label": 1},
                    {"x1": 1, "x2": 0, "label": 1}, {"x1": 1, "x2": 1, "label": 0}]}
                }
                """.formatted(learningRate, l2));
        return lesson;
    }

    @Test
    void trainingThatDivergesIsSaidSoWithTrainsExitCodeAndNoMap(@TempDir Path dir) throws Exception {
        CliRun run = CliRun.of("landscape", lesson(dir, 50, 0).toString(), "--x", "W1[1,1]", "--y", "b2[1]", "--span", "1",
                "--grid", "3", "--epochs", "1000");

        assertEquals(Divergence.EXIT_CODE, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains("diverged") && run.err().contains("smaller learning rate than 50"), run.err());
        assertTrue(run.out().isBlank(), run.out());
    }

    @Test
    void withL2OnTheMapIsTheDataLossWithoutThePenalty(@TempDir Path dir) throws Exception {
        Path file = lesson(dir, 0.05, 0.1);
        JsonNode map = MAPPER.readTree(CliRun.of("landscape", file.toString(), "--x", "W1[1,1]", "--y", "b2[1]", "--span", "0.5",
                "--grid", "3", "--epochs", "5").out());

        Learner learner = Experiment.of(LessonArgument.resolve(file.toString())).learner();
        for (int epoch = 0; epoch < 5; epoch++) {
            learner.runEpoch();
        }
        double penalty = 0;
        for (int l = 0; l < learner.network().layerCount(); l++) {
            Layer layer = learner.network().layer(l);
            for (int n = 0; n < layer.size(); n++) {
                for (int i = 0; i < layer.inputSize(); i++) {
                    penalty += 0.1 * 0.5 * layer.weight(n, i) * layer.weight(n, i);
                }
            }
        }
        assertTrue(penalty > 1e-3, "the penalty is large enough to notice: " + penalty);
        assertEquals(learner.trainMetrics().loss(), map.get("loss").get(1).get(1).asDouble(), 1e-12);
    }
}
