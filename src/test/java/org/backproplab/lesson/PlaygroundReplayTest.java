package org.backproplab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.backproplab.data.DataPoint;
import org.backproplab.engine.Learner;
import org.backproplab.engine.Network;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Runs recorded from TensorFlow Playground's own code (tools/playground-record: its nn.ts and
 * dataset.ts with the real seedrandom package) against the lesson its link imports to: the same
 * points to the last bit, in the same order and split, the same starting weights to the last bit,
 * and the same training and test loss after every epoch to 1e-12 when trained here.
 */
class PlaygroundReplayTest {

    private static final double LOSS_TOLERANCE = 1e-12;

    @ParameterizedTest
    @ValueSource(strings = {"spiral-4-2-tanh", "circle-relu-l2-noise", "reg-gauss", "gauss-l1", "xor-carried-batch"})
    void theImportedLessonHasThePlaygroundsPointsAndStartingWeights(String name) throws Exception {
        JsonNode run = recorded(name);
        Experiment experiment = Experiment.of(PlaygroundImport.lesson(run.get("link").asText()).lesson());
        boolean regression = experiment.dataset().classes() == 0;

        assertSamePoints(run.get("train"), experiment.trainPoints(), regression);
        assertSamePoints(run.get("test"), experiment.testPoints(), regression);
        Network network = experiment.learner().network();
        JsonNode layers = run.get("layers");
        assertEquals(layers.size(), network.layerCount());
        for (int l = 0; l < layers.size(); l++) {
            JsonNode rows = layers.get(l).get("weights");
            for (int n = 0; n < rows.size(); n++) {
                for (int i = 0; i < rows.get(n).size(); i++) {
                    assertEquals(rows.get(n).get(i).asDouble(), network.layer(l).weightMatrix().get(n, i),
                            "W" + (l + 1) + "[" + n + "," + i + "]");
                }
                assertEquals(layers.get(l).get("biases").get(n).asDouble(), network.layer(l).biasVector().get(n, 0));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"spiral-4-2-tanh", "circle-relu-l2-noise", "reg-gauss", "gauss-l1"})
    void everyEpochHasThePlaygroundsTrainingAndTestLoss(String name) throws Exception {
        JsonNode run = recorded(name);
        PlaygroundImport.Imported imported = PlaygroundImport.lesson(run.get("link").asText());
        Learner learner = Experiment.of(imported.lesson()).learner();
        for (JsonNode epoch : run.get("losses")) {
            if (epoch.get("epoch").asInt() > 0) {
                learner.runEpoch();
            }
            assertEquals(epoch.get("train").asDouble(), learner.trainMetrics().loss(), LOSS_TOLERANCE,
                    "training loss after epoch " + epoch.get("epoch"));
            assertEquals(epoch.get("test").asDouble(), learner.testMetrics().loss(), LOSS_TOLERANCE,
                    "test loss after epoch " + epoch.get("epoch"));
        }
    }

    /**
     * 250 training points in batches of 30: the playground carries the last 10 points' gradients into
     * the next epoch, this app steps on them. The import says so, and the runs agree up to there.
     */
    @Test
    void aBatchThatDoesNotDivideTheTrainingSetIsNamedAndThenTheRunsPart() throws Exception {
        JsonNode run = recorded("xor-carried-batch");
        PlaygroundImport.Imported imported = PlaygroundImport.lesson(run.get("link").asText());
        assertEquals(List.of(PlaygroundImport.Difference.CARRIED_BATCH), imported.differences());
        assertTrue(imported.lesson().commentary().contains("carries the last 10 points' gradients"),
                imported.lesson().commentary());
        Learner learner = Experiment.of(imported.lesson()).learner();
        JsonNode losses = run.get("losses");
        assertEquals(losses.get(0).get("train").asDouble(), learner.trainMetrics().loss(), LOSS_TOLERANCE);
        learner.runEpoch();
        double apart = Math.abs(losses.get(1).get("train").asDouble() - learner.trainMetrics().loss());
        assertTrue(apart > 1e-6, "the extra step on the last 10 points shows in the loss: " + apart);
    }

    private static void assertSamePoints(JsonNode expected, List<DataPoint> actual, boolean regression) {
        assertEquals(expected.size(), actual.size());
        for (int p = 0; p < expected.size(); p++) {
            JsonNode point = expected.get(p);
            DataPoint mine = actual.get(p);
            assertEquals(point.get(0).asDouble(), mine.x1(), "x of point " + p);
            assertEquals(point.get(1).asDouble(), mine.x2(), "y of point " + p);
            double label = point.get(2).asDouble();
            assertEquals(regression ? label : label > 0 ? 1 : 0, mine.label(), "label of point " + p);
        }
    }

    private static JsonNode recorded(String name) throws IOException {
        try (InputStream in = PlaygroundReplayTest.class.getResourceAsStream("playground/" + name + ".json")) {
            return new ObjectMapper().readTree(in);
        }
    }
}
