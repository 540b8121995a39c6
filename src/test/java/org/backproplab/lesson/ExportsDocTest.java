package org.backproplab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.backproplab.data.PointsCsv;
import org.backproplab.data.PointsCsvException;
import org.backproplab.engine.LayerSpec;
import org.backproplab.engine.OptimizerSettings;
import org.backproplab.fixtures.TestLessons;
import org.junit.jupiter.api.Test;

/** docs/data-and-exports.md shows real files and real messages, and names every column the trace CSV has. */
class ExportsDocTest {

    private static final Path DOC = Path.of("docs", "data-and-exports.md");

    private static List<String> blocks(String language) throws IOException {
        List<String> blocks = new ArrayList<>();
        Matcher block = Pattern.compile("```" + language + "\n(.*?)\n```", Pattern.DOTALL).matcher(Files.readString(DOC));
        while (block.find()) {
            blocks.add(block.group(1));
        }
        return blocks;
    }

    @Test
    void thePointFilesReadAsTheDocumentationSays() throws Exception {
        List<String> csv = blocks("csv");
        String doc = Files.readString(DOC);

        assertEquals(3, PointsCsv.read(new StringReader(csv.get(0)), "points.csv", 2).size());
        PointsCsvException e = assertThrows(PointsCsvException.class,
                () -> PointsCsv.read(new StringReader(csv.get(1)), "points.csv", 2));
        assertTrue(doc.contains("gives\n\n```\n" + e.getMessage() + "\n```"), e.getMessage());
        assertTrue(doc.contains("the second problem is `" + e.problems().get(1) + "`"), e.problems().get(1).toString());
    }

    @Test
    void theTraceExampleRowsAreMazursOwn() throws Exception {
        String mazur = TraceCsv.csv(Experiment.of(LessonCatalog.load("mazur-2-2-2")).learner().tracedSample(0));

        for (String row : blocks("csv").get(2).lines().toList()) {
            assertTrue(mazur.contains(row + "\n"), row);
        }
    }

    @Test
    void theTableOfKindsNamesEveryKindTheTraceCsvWrites() throws IOException, LessonException {
        Set<String> written = new TreeSet<>();
        Lesson xor = TestLessons.xor();
        // Every optimizer's memory, and a network with both remedies: batch normalisation and dropout.
        Lesson normalised = LessonCatalog.load("batch-normalisation");
        List<LayerSpec> layers = new ArrayList<>(normalised.layers());
        layers.set(0, layers.getFirst().withDropout(0.5));
        List<Lesson> lessons = new ArrayList<>(List.of(normalised.withArchitecture(normalised.features(), layers)));
        for (OptimizerSettings optimizer : List.of(new OptimizerSettings.Sgd(0.1), new OptimizerSettings.Momentum(0.1, 0.9),
                new OptimizerSettings.Adam(0.1), new OptimizerSettings.RmsProp(0.01, 0.9, 1e-8))) {
            lessons.add(xor.withHyperparameters(xor.hyperparameters().withOptimizer(optimizer)));
        }
        for (Lesson lesson : lessons) {
            TraceCsv.csv(Experiment.of(lesson).learner().tracedBatch()).lines().skip(1).forEach(row -> written.add(row.split(",")[1]));
        }
        Set<String> documented = new TreeSet<>();
        Matcher row = Pattern.compile("(?m)^\\| `([a-z0-9_]+)` \\| (step|input|output|weight|neuron|layer)").matcher(Files.readString(DOC));
        while (row.find()) {
            documented.add(row.group(1));
        }

        assertEquals(written, documented);
    }
}
