package org.backproplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.backproplab.lesson.Experiment;
import org.backproplab.lesson.Lesson;
import org.backproplab.lesson.LessonFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void tablePrintsOneLinePerKEpochsWithFallingLoss() {
        CliRun run = CliRun.of("train", "xor", "--epochs", "200", "--every", "20");

        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.outLines();
        assertTrue(lines.getFirst().contains("train loss"), "a header first: " + lines.getFirst());
        List<String[]> rows = lines.subList(1, lines.size()).stream().map(line -> line.trim().split("\\s+")).toList();
        assertEquals(10, rows.size(), run.out());
        double previous = Double.POSITIVE_INFINITY;
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            assertEquals(String.valueOf(20 * (r + 1)), row[0]);
            double loss = Double.parseDouble(row[1]);
            assertTrue(loss < previous, "loss falls: " + run.out());
            previous = loss;
            assertEquals("-", row[2], "xor has no test set");
        }
    }

    @Test
    void jsonPrintsOneObjectPerLineWithNullWhereThereIsNoTestSet() throws Exception {
        CliRun run = CliRun.of("train", "xor", "--epochs", "4", "--json");

        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.outLines();
        assertEquals(4, lines.size(), run.out());
        for (int e = 0; e < 4; e++) {
            JsonNode line = MAPPER.readTree(lines.get(e));
            assertEquals(e + 1, line.get("epoch").asLong());
            assertTrue(line.get("trainLoss").isDouble());
            assertTrue(line.get("trainAccuracy").isNumber());
            assertTrue(line.get("testLoss").isNull());
            assertTrue(line.get("testAccuracy").isNull());
        }
    }

    @Test
    void lastEpochIsPrintedEvenOffTheKGrid() {
        CliRun run = CliRun.of("train", "moons", "--epochs", "5", "--every", "2");

        List<String> rows = run.outLines().subList(1, run.outLines().size());
        assertEquals(List.of("2", "4", "5"), rows.stream().map(row -> row.trim().split("\\s+")[0]).toList());
        assertTrue(rows.getFirst().trim().split("\\s+")[3].endsWith("%"), "moons has an accuracy: " + rows);
    }

    @Test
    void saveWritesTheTrainedWeights(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("trained.json");

        CliRun run = CliRun.of("train", "xor", "--epochs", "50", "--json", "--save", out.toString());

        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.outLines();
        double finalLoss = MAPPER.readTree(lines.getLast()).get("trainLoss").doubleValue();
        Lesson saved = LessonFile.read(out);
        assertTrue(saved.weights().isPresent());
        assertEquals(finalLoss, Experiment.of(saved).learner().trainMetrics().loss(), 1e-12,
                "the saved lesson starts where training ended");
    }

    @Test
    void divergingTrainingStopsWithAClearMessage(@TempDir Path dir) throws Exception {
        Path lesson = dir.resolve("explodes.json");
        Files.writeString(lesson, """
                {
                  "format": "backprop-lab-lesson", "version": 1, "title": "Too fast", "commentary": "",
                  "network": {"features": ["x1", "x2"], "initializer": "xavier",
                              "layers": [{"size": 3, "activation": "linear"}, {"size": 1, "activation": "linear"}]},
                  "training": {"loss": "squared-error", "optimizer": {"type": "sgd", "learningRate": 50},
                               "batchSize": 4, "seed": 3},
                  "data": {"classes": 0, "trainRatio": 1.0, "points": [
                    {"x1": 0, "x2": 0, "label": 0}, {"x1": 0, "x2": 1, "label": 1},
                    {"x1": 1, "x2": 0, "label": 1}, {"x1": 1, "x2": 1, "label": 0}]}
                }
                """);
        Path out = dir.resolve("never.json");

        CliRun run = CliRun.of("train", lesson.toString(), "--epochs", "1000", "--every", "100", "--save", out.toString());

        assertEquals(Divergence.EXIT_CODE, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains("diverged") && run.err().contains("smaller learning rate than 50"), run.err());
        assertTrue(Files.notExists(out), "a diverged network is not saved");
    }

    @Test
    void zeroEpochsIsAUsageError() {
        CliRun run = CliRun.of("train", "xor", "--epochs", "0");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--epochs must be at least 1"), run.err());
    }

    @Test
    void missingEpochsIsAUsageError() {
        CliRun run = CliRun.of("train", "xor");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("Missing required option: '--epochs=N'"), run.err());
    }
}
