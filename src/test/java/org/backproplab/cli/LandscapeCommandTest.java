package org.backproplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.backproplab.engine.Layer;
import org.backproplab.engine.Learner;
import org.backproplab.lesson.Experiment;
import org.junit.jupiter.api.Test;

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
}
