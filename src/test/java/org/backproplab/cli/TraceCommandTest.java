package org.backproplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.backproplab.data.DataPoint;
import org.backproplab.engine.Learner;
import org.backproplab.lesson.Experiment;
import org.backproplab.lesson.LessonFile;
import org.backproplab.trace.BatchNormTrace;
import org.backproplab.trace.LayerTrace;
import org.backproplab.trace.StepTrace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceCommandTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static List<JsonNode> parseLines(CliRun run) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : run.outLines()) {
            lines.add(MAPPER.readTree(line));
        }
        return lines;
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void mazurTracePrintsOneLineOfHandCheckableNumbersPerStep() throws Exception {
        CliRun run = CliRun.of("trace", "mazur-2-2-2", "--steps", "2");

        assertEquals(0, run.exitCode(), run.err());
        List<JsonNode> steps = parseLines(run);
        assertEquals(2, steps.size());
        JsonNode first = steps.get(0);
        assertEquals(1, first.get("step").asLong());
        assertEquals(0, first.get("epoch").asLong());
        assertEquals(2, steps.get(1).get("step").asLong());
        JsonNode hidden = first.get("layers").get(0);
        assertEquals(0.593269992, hidden.get("a").get(0).get(0).asDouble(), 1e-9);
        assertEquals(0.596884378, hidden.get("a").get(0).get(1).asDouble(), 1e-9);
        assertEquals(0.35891648, first.get("layers").get(1).get("weights").get(0).get(0).asDouble(), 1e-8);
        assertEquals(0.298371109, first.get("loss").asDouble(), 1e-9);
    }

    @Test
    void everyLineHasTheDocumentedFields() throws Exception {
        CliRun run = CliRun.of("trace", "mazur-2-2-2", "--steps", "1");

        JsonNode step = parseLines(run).getFirst();
        assertEquals(new TreeSet<>(List.of("step", "epoch", "loss", "penalty", "lossFunction", "optimizer",
                "learningRate", "gradientScale", "biasesTrained", "inputs", "targets", "layers")), fieldNames(step));
        assertEquals(new TreeSet<>(List.of("activation", "weightsBefore", "biasesBefore", "z", "a", "delta",
                "weightGradient", "biasGradient", "penaltyGradient", "weightStep", "biasStep", "weights", "biases",
                "optimizerStateBefore", "optimizerState")), fieldNames(step.get("layers").get(0)));
        assertEquals("squared-error", step.get("lossFunction").asText());
        assertEquals("sgd", step.get("optimizer").asText());
        assertEquals(0.5, step.get("learningRate").asDouble());
    }

    @Test
    void aNormalisedLayerCarriesItsBatchNormalisationExactlyAsTheEngineComputedIt() throws Exception {
        Learner learner = Experiment.of(LessonFile.readResource("/assets/lessons/batch-normalisation.json")).learner();
        BatchNormTrace expected = learner.tracedBatch().layers().getFirst().batchNorm().orElseThrow();

        JsonNode first = parseLines(CliRun.of("trace", "batch-normalisation", "--steps", "1")).getFirst().get("layers");
        JsonNode batchNorm = first.get(0).get("batchNorm");

        assertEquals(new TreeSet<>(List.of("epsilon", "mean", "variance", "normalized", "output", "outputDelta", "gamma",
                "beta", "gammaGradient", "betaGradient", "gammaAfter", "betaAfter", "runningMean", "runningVariance")),
                fieldNames(batchNorm));
        assertFalse(first.get(5).has("batchNorm"), "the output layer does not normalise");
        assertEquals(1e-5, batchNorm.get("epsilon").doubleValue());
        assertEquals(expected.mean().get(3, 0), batchNorm.get("mean").get(3).doubleValue());
        assertEquals(expected.variance().get(3, 0), batchNorm.get("variance").get(3).doubleValue());
        assertEquals(expected.normalized().get(3, 7), batchNorm.get("normalized").get(7).get(3).doubleValue(), "per sample");
        assertEquals(expected.outputDelta().get(3, 7), batchNorm.get("outputDelta").get(7).get(3).doubleValue());
        assertEquals(expected.gammaGradient().get(3, 0), batchNorm.get("gammaGradient").get(3).doubleValue());
        assertEquals(expected.betaAfter().get(3, 0), batchNorm.get("betaAfter").get(3).doubleValue());
        assertEquals(expected.runningVariance().get(3, 0), batchNorm.get("runningVariance").get(3).doubleValue());
    }

    @Test
    void numbersAreExactlyTheEnginesTrace() throws Exception {
        Learner learner = Experiment.of(LessonFile.readResource("/assets/lessons/mazur-2-2-2.json")).learner();
        List<StepTrace> expected = List.of(learner.tracedBatch(), learner.tracedBatch(), learner.tracedBatch());

        List<JsonNode> steps = parseLines(CliRun.of("trace", "mazur-2-2-2", "--steps", "3"));

        for (int s = 0; s < expected.size(); s++) {
            StepTrace trace = expected.get(s);
            JsonNode step = steps.get(s);
            assertEquals(trace.loss(), step.get("loss").doubleValue());
            for (int l = 0; l < trace.layers().size(); l++) {
                LayerTrace layer = trace.layers().get(l);
                JsonNode json = step.get("layers").get(l);
                for (int n = 0; n < layer.size(); n++) {
                    assertEquals(layer.a().get(n, 0), json.get("a").get(0).get(n).doubleValue());
                    assertEquals(layer.delta().get(n, 0), json.get("delta").get(0).get(n).doubleValue());
                    for (int i = 0; i < layer.inputSize(); i++) {
                        assertEquals(layer.weightGradient().get(n, i), json.get("weightGradient").get(n).get(i).doubleValue());
                        assertEquals(layer.weightsAfter().get(n, i), json.get("weights").get(n).get(i).doubleValue());
                    }
                }
            }
        }
    }

    @Test
    void sampleOptionTrainsOnThatOneSampleEveryStep() throws Exception {
        Experiment xor = Experiment.of(LessonFile.readResource("/assets/lessons/xor.json"));
        DataPoint chosen = xor.trainPoints().get(2);

        List<JsonNode> steps = parseLines(CliRun.of("trace", "xor", "--steps", "3", "--sample", "2"));

        assertEquals(3, steps.size());
        for (JsonNode step : steps) {
            JsonNode inputs = step.get("inputs");
            assertEquals(1, inputs.size(), "a single sample");
            assertEquals(chosen.x1(), inputs.get(0).get(0).doubleValue());
            assertEquals(chosen.x2(), inputs.get(0).get(1).doubleValue());
            assertEquals(0, step.get("epoch").asLong(), "single samples are outside the epoch's order");
        }
        assertTrue(steps.get(2).get("loss").doubleValue() < steps.get(0).get("loss").doubleValue(),
                "training on one sample lowers its loss");
    }

    @Test
    void sampleOutsideTheTrainingSetIsAUsageError() {
        CliRun run = CliRun.of("trace", "xor", "--sample", "4");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--sample must be from 0 to 3"), run.err());
        assertTrue(run.out().isEmpty());
    }

    @Test
    void malformedLessonFileGivesOneLineAndExitCode2(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"format\": \"backprop-lab-lesson\", \"version\": 1, \"title\": ");

        CliRun run = CliRun.of("trace", broken.toString(), "--steps", "2");

        assertEquals(2, run.exitCode());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("broken.json"), "names the file: " + run.err());
        assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), "no stack trace: " + run.err());
        assertTrue(run.out().isEmpty());
    }

    @Test
    void unknownLessonNameSaysNeitherFileNorShippedLessonExists() {
        CliRun run = CliRun.of("trace", "no-such-lesson");

        assertEquals(2, run.exitCode());
        assertEquals("no-such-lesson: no such lesson file, and no lesson of that name ships with Backprop Lab"
                + " (xor, mazur-2-2-2, moons, regression, softmax-3, spiral, vanishing-gradients, batch-normalisation,"
                + " exploding-gradients, overfitting, rmsprop-schedule, sigmoid-or-relu, optimizers-same-start)",
                run.err().strip());
    }
}
