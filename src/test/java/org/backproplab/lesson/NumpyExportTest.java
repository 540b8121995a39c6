package org.backproplab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.backproplab.data.DataPoint;
import org.backproplab.engine.Activation;
import org.backproplab.engine.Augmentation;
import org.backproplab.engine.Hyperparameters;
import org.backproplab.engine.Initializer;
import org.backproplab.engine.InputFeature;
import org.backproplab.engine.LayerSpec;
import org.backproplab.engine.LearningRateSchedule;
import org.backproplab.engine.Loss;
import org.backproplab.engine.NetworkRules;
import org.backproplab.engine.OptimizerSettings;
import org.backproplab.engine.Regularization;
import org.backproplab.trace.Matrix;
import org.backproplab.trace.StepTrace;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exported NumPy programs repeat the app's numbers: every shipped lesson, and random networks
 * across every activation, loss, optimizer and regularization (with and without clipping and fixed
 * biases), exported as a script and as a notebook, run by python3; each must exit 0 (its own check
 * passed) and print a trace equal to the app's, compared here again, independently. All programs run
 * in one python3 process, so the suite pays NumPy's start-up once.
 */
class NumpyExportTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int STEPS = 3;
    /** Mini-batches of 4 of the nine training points: steps 4 and 5 are in the second epoch, with another η. */
    private static final int SCHEDULED_STEPS = 5;
    private static final int SCHEDULED_BATCH = 4;
    private static final double RELATIVE = 1e-9;
    private static final double NEAR_ZERO = 1e-12;

    /** Runs each file as __main__ and says where one program's output ends and how it exited. */
    private static final String DRIVER = """
            import runpy, sys
            for path in sys.argv[1:]:
                print("### run " + path, flush=True)
                try:
                    runpy.run_path(path, run_name="__main__")
                    code = 0
                except SystemExit as stop:
                    code = stop.code
                print("### exit " + str(code), flush=True)
            """;

    @TempDir
    static Path folder;

    /** Per program file: the run it should repeat. */
    private static final Map<Path, RecordedRun> PROGRAMS = new LinkedHashMap<>();
    /** Per program file: what it printed, and its exit code last. */
    private static final Map<Path, List<String>> PRINTED = new LinkedHashMap<>();
    private static final Map<Path, String> EXIT = new LinkedHashMap<>();
    /** What python3 wrote to stderr (every program's tracebacks), for the failure messages. */
    private static String stderr = "";
    /** What the trace command prints per step besides its number, each of which a program must print and match. */
    private static final List<String> STEP_FIELDS = List.of("loss", "penalty", "gradientScale");
    /** What the trace command prints per layer, each of which a program must print and match. */
    private static final List<String> LAYER_FIELDS = List.of("z", "a", "delta", "weightGradient", "biasGradient",
            "weights", "biases");

    @BeforeAll
    static void exportAndRunEverything() throws Exception {
        for (LessonCatalog.Entry entry : LessonCatalog.shipped()) {
            RecordedRun run = RecordedRun.of(LessonCatalog.load(entry.name()), STEPS);
            add(entry.name() + ".py", PythonScript.text(run), run);
            add(entry.name() + "-notebook.py", notebookCode(JupyterNotebook.json(run, Locale.ENGLISH)), run);
        }
        List<Lesson> random = randomLessons();
        for (int i = 0; i < random.size(); i++) {
            // A scheduled η changes between epochs: enough steps to finish the first one.
            boolean scheduled = !(random.get(i).hyperparameters().schedule() instanceof LearningRateSchedule.Constant);
            RecordedRun run = RecordedRun.of(random.get(i), scheduled ? SCHEDULED_STEPS : STEPS);
            add("random-" + i + ".py", PythonScript.text(run), run);
            if (i % 9 == 0) {
                add("random-" + i + "-notebook.py", notebookCode(JupyterNotebook.json(run, Locale.SIMPLIFIED_CHINESE)), run);
            }
        }
        Path driver = folder.resolve("driver.py");
        Files.writeString(driver, DRIVER);
        List<String> command = new ArrayList<>(List.of("python3", driver.toString()));
        PROGRAMS.keySet().forEach(file -> command.add(file.toString()));
        // Output to files, not pipes: a program that hangs (or fills a pipe) cannot hold the wait below past its limit.
        Path out = folder.resolve("stdout.txt");
        Path err = folder.resolve("stderr.txt");
        Process python = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        boolean finished = python.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            python.destroyForcibly().waitFor();
        }
        stderr = Files.readString(err, StandardCharsets.UTF_8);
        assertTrue(finished, "python3 did not finish in 5 minutes; it wrote to stderr:\n" + stderr);
        Path current = null;
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            if (line.startsWith("### run ")) {
                current = Path.of(line.substring("### run ".length()));
                PRINTED.put(current, new ArrayList<>());
            } else if (line.startsWith("### exit ")) {
                EXIT.put(current, line.substring("### exit ".length()));
            } else if (current != null) {
                PRINTED.get(current).add(line);
            }
        }
    }

    private static void add(String name, String program, RecordedRun run) throws IOException {
        Path file = folder.resolve(name);
        Files.writeString(file, program);
        PROGRAMS.put(file, run);
    }

    /** The notebook's code cells in order, as one program: what "run all" executes. */
    private static String notebookCode(String notebook) throws IOException {
        StringBuilder code = new StringBuilder();
        for (JsonNode cell : MAPPER.readTree(notebook).get("cells")) {
            if (cell.get("cell_type").asText().equals("code")) {
                cell.get("source").forEach(line -> code.append(line.asText()));
                code.append("\n");
            }
        }
        return code.toString();
    }

    @Test
    void everyProgramChecksItselfAndPrintsTheAppsTrace() throws Exception {
        assertEquals(PROGRAMS.keySet(), PRINTED.keySet(), "python3 ran every program; it wrote to stderr:\n" + stderr);
        for (Map.Entry<Path, RecordedRun> program : PROGRAMS.entrySet()) {
            String name = program.getKey().getFileName().toString();
            assertEquals("0", EXIT.get(program.getKey()), name + " found its own numbers differ from the app's, or failed;"
                    + " python3's stderr:\n" + stderr);
            List<String> printed = PRINTED.get(program.getKey());
            List<StepTrace> traces = program.getValue().traces();
            assertEquals(traces.size(), printed.size(), name + " prints one line per step");
            for (int s = 0; s < traces.size(); s++) {
                JsonNode mine = MAPPER.readTree(printed.get(s));
                JsonNode app = TraceJson.toJson(traces.get(s));
                String where = name + " step " + (s + 1);
                assertEquals(s + 1, required(mine, "step", where).asInt(), where);
                for (String field : STEP_FIELDS) {
                    assertSameNumbers(required(mine, field, where), app.get(field), where + " " + field);
                }
                JsonNode layers = required(mine, "layers", where);
                assertEquals(app.get("layers").size(), layers.size(), where + ": one entry per layer");
                for (int l = 0; l < layers.size(); l++) {
                    for (String field : LAYER_FIELDS) {
                        String at = where + " layer " + (l + 1) + " " + field;
                        assertSameNumbers(required(layers.get(l), field, at), app.get("layers").get(l).get(field), at);
                    }
                }
                // Anything else it prints must be the app's numbers too.
                assertSameNumbers(mine, app, where);
            }
        }
    }

    @Test
    void theRandomNetworksCoverEverySetting() {
        Set<String> seen = new TreeSet<>();
        for (RecordedRun run : PROGRAMS.values()) {
            Lesson lesson = run.lesson();
            lesson.layers().forEach(layer -> seen.add("activation " + layer.activation()));
            lesson.features().forEach(feature -> seen.add("feature " + feature));
            Hyperparameters hyper = lesson.hyperparameters();
            seen.add("loss " + hyper.loss());
            seen.add("optimizer " + hyper.optimizer().id());
            seen.add("regularization " + hyper.regularization().kind());
            seen.add("clipped " + (hyper.gradientClipNorm() > 0));
            seen.add("biases trained " + hyper.trainBiases());
            seen.add("clipping scaled " + run.traces().stream().anyMatch(trace -> trace.gradientScale() < 1));
            seen.add("schedule " + hyper.schedule().id());
            seen.add("η changed " + (run.traces().stream().mapToDouble(StepTrace::learningRate).distinct().count() > 1));
            seen.add("augmented " + hyper.augmentation().isActive());
            seen.add("dropped " + run.traces().stream().flatMap(trace -> trace.layers().stream())
                    .anyMatch(layer -> layer.dropout().filter(d -> minimum(d.mask()) == 0).isPresent()));
            seen.add("batch normalisation " + lesson.layers().stream().anyMatch(LayerSpec::batchNorm));
        }
        Set<String> expected = new TreeSet<>();
        for (Activation activation : Activation.values()) {
            expected.add("activation " + activation);
        }
        for (InputFeature feature : InputFeature.values()) {
            expected.add("feature " + feature);
        }
        for (Loss loss : Loss.values()) {
            expected.add("loss " + loss);
        }
        expected.addAll(List.of("optimizer sgd", "optimizer momentum", "optimizer adam", "optimizer rmsprop"));
        expected.addAll(List.of("schedule constant", "schedule step", "schedule exponential", "schedule cosine",
                "η changed true", "η changed false"));
        for (Regularization.Kind kind : Regularization.Kind.values()) {
            expected.add("regularization " + kind);
        }
        expected.addAll(List.of("clipped true", "clipped false", "biases trained true", "biases trained false",
                "clipping scaled true", "clipping scaled false", "augmented true", "augmented false", "dropped true", "dropped false",
                "batch normalisation true", "batch normalisation false"));
        assertEquals(expected, seen);
    }

    private static double minimum(Matrix m) {
        return Arrays.stream(m.values()).min().orElse(1);
    }

    private static JsonNode required(JsonNode printed, String field, String where) {
        assertTrue(printed.has(field), where + ": the program does not print " + field);
        return printed.get(field);
    }

    /** Every number the program printed equals the app's, to a relative 1e-9 (or both are all but zero). */
    private static void assertSameNumbers(JsonNode mine, JsonNode app, String where) {
        if (mine.isObject()) {
            mine.fieldNames().forEachRemaining(field -> {
                if (!field.equals("step")) {
                    assertTrue(app.has(field), where + ": the app's trace has no " + field);
                    assertSameNumbers(mine.get(field), app.get(field), where + " " + field);
                }
            });
        } else if (mine.isArray()) {
            assertEquals(app.size(), mine.size(), where);
            for (int i = 0; i < mine.size(); i++) {
                assertSameNumbers(mine.get(i), app.get(i), where + "[" + i + "]");
            }
        } else {
            double a = mine.asDouble();
            double b = app.asDouble();
            if (Math.abs(a - b) > Math.max(RELATIVE * Math.max(Math.abs(a), Math.abs(b)), NEAR_ZERO)) {
                fail(where + ": " + a + " in the program, " + b + " in the app");
            }
        }
    }

    /**
     * One small network per activation × loss × optimizer × regularization: the activation on the
     * hidden layers (and on the output where the loss allows it), random sizes, features, points and
     * batch sizes; clipping on every other one (tight enough to scale), fixed biases on every fifth.
     */
    private static List<Lesson> randomLessons() {
        Random random = new Random(13);
        List<OptimizerSettings> optimizers = List.of(new OptimizerSettings.Sgd(0.3),
                new OptimizerSettings.Momentum(0.2, 0.9), new OptimizerSettings.Adam(0.05), new OptimizerSettings.RmsProp(0.02, 0.8, 1e-7));
        // η falls fast, so that three steps over epochs of a few points see it change.
        List<LearningRateSchedule> schedules = List.of(new LearningRateSchedule.Constant(), new LearningRateSchedule.Step(1, 0.5),
                new LearningRateSchedule.Exponential(0.7), new LearningRateSchedule.Cosine(3, 0.001));
        List<Lesson> lessons = new ArrayList<>();
        for (Activation activation : Activation.values()) {
            for (Loss loss : Loss.values()) {
                for (OptimizerSettings optimizer : optimizers) {
                    for (Regularization.Kind kind : Regularization.Kind.values()) {
                        int index = lessons.size();
                        Activation hidden = activation == Activation.SOFTMAX ? Activation.TANH : activation;
                        Activation output = loss.requiredOutput().orElse(activation);
                        int outputs = output == Activation.SOFTMAX ? 3 : 1;
                        List<LayerSpec> layers = new ArrayList<>();
                        // Every third drops outputs, every third (another) normalises, and some do both.
                        boolean normalised = index % 3 == 2 || index % 9 == 1;
                        for (int h = 1 + random.nextInt(2); h > 0; h--) {
                            layers.add(new LayerSpec(1 + random.nextInt(4), hidden, index % 3 == 1 ? 0.4 : 0, normalised));
                        }
                        layers.add(new LayerSpec(outputs, output));
                        int classes = outputs > 1 ? outputs : loss == Loss.SQUARED_ERROR ? 0 : 2;
                        Hyperparameters hyper = new Hyperparameters(loss, optimizer,
                                new Regularization(kind, kind == Regularization.Kind.NONE ? 0 : 0.01),
                                index % 2 == 0 ? 0.05 : 0, index % 5 != 0, schedules.get(index % schedules.size()),
                                index % 4 == 3 ? new Augmentation(0.3) : Augmentation.NONE);
                        assertTrue(NetworkRules.layers(layers).isEmpty(), layers.toString());
                        // The first title has what could end the script's docstring early: quotes and a backslash.
                        String title = "Random " + index + (index == 0 ? " \"\"\" \\ \"" : "");
                        List<InputFeature> features = features(random, index);
                        int batch = batchSize(random, normalised);
                        lessons.add(new Lesson(title, "", features, layers, Initializer.XAVIER, Optional.empty(), hyper,
                                hyper.schedule() instanceof LearningRateSchedule.Constant ? batch : SCHEDULED_BATCH,
                                random.nextLong(), new DataSpec.Inline(points(random, classes), classes, 0.75), Map.of()));
                    }
                }
            }
        }
        return lessons;
    }

    /**
     * 1 to 4 samples; 3 or 4 with batch normalisation. Two samples normalise to x̂ = ±σ/√(σ² + ε), for
     * which δ through the normalisation is a difference of nearly equal numbers (1 − x̂² = ε/(σ² + ε)):
     * rounding alone then moves it beyond what a second program can be asked to repeat.
     */
    private static int batchSize(Random random, boolean normalised) {
        int size = 1 + random.nextInt(4);
        return normalised ? Math.max(3, size) : size;
    }

    private static List<InputFeature> features(Random random, int index) {
        InputFeature[] all = InputFeature.values();
        List<InputFeature> features = new ArrayList<>(List.of(all[index % all.length]));
        InputFeature other = all[random.nextInt(all.length)];
        if (!features.contains(other)) {
            features.add(other);
        }
        return features;
    }

    private static List<DataPoint> points(Random random, int classes) {
        List<DataPoint> points = new ArrayList<>();
        for (int p = 0; p < 12; p++) {
            double label = classes == 0 ? random.nextGaussian() : p % classes;
            points.add(new DataPoint(random.nextDouble(-2, 2), random.nextDouble(-2, 2), label));
        }
        return points;
    }
}
