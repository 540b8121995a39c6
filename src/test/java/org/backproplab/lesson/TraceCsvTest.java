package org.backproplab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.backproplab.engine.LayerSpec;
import org.backproplab.engine.OptimizerSettings;
import org.backproplab.engine.Regularization;
import org.backproplab.fixtures.TestLessons;
import org.backproplab.trace.BatchNormTrace;
import org.backproplab.trace.DropoutTrace;
import org.backproplab.trace.LayerTrace;
import org.backproplab.trace.Matrix;
import org.backproplab.trace.OptimizerState;
import org.backproplab.trace.StepTrace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A step's trace as CSV: every number the trace holds, exactly, each in a row that says what it is. */
class TraceCsvTest {

    @TempDir
    Path dir;

    /** The rows of a trace CSV by "layer,kind,neuron,input,sample"; fails on a key written twice. */
    private static Map<String, Double> rows(String csv) {
        List<String> lines = csv.lines().toList();
        assertEquals(TraceCsv.HEADER, lines.getFirst());
        Map<String, Double> rows = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            int value = line.lastIndexOf(',');
            assertEquals(null, rows.put(line.substring(0, value), Double.parseDouble(line.substring(value + 1))), line);
        }
        return rows;
    }

    private static StepTrace mazurStep() throws LessonException {
        return Experiment.of(LessonCatalog.load("mazur-2-2-2")).learner().tracedSample(0);
    }

    /** The XOR fixture's first mini-batch of 10 under Adam, an L2 penalty and clipping, so every kind of row appears. */
    private static StepTrace adamBatchStep() {
        Lesson xor = TestLessons.xor();
        Lesson busy = xor.withHyperparameters(xor.hyperparameters().withOptimizer(new OptimizerSettings.Adam(0.05))
                .withRegularization(new Regularization(Regularization.Kind.L2, 0.01)).withGradientClipNorm(0.001));
        return Experiment.of(busy).learner().tracedBatch();
    }

    @Test
    void everyValueOfEveryLayerIsTheTracesOwnDouble() {
        assertTrue(adamBatchStep().gradientScale() < 1 && adamBatchStep().penalty() > 0, "clipping and the penalty show");
        for (StepTrace trace : List.of(adamBatchStep(), momentumStep(), rmsPropStep())) {
            Map<String, Double> rows = rows(TraceCsv.csv(trace));
            int expected = 0;
            for (int l = 0; l < trace.layers().size(); l++) {
                LayerTrace layer = trace.layers().get(l);
                int tag = l + 1;
                expected += perSample(rows, tag, "z", layer.z()) + perSample(rows, tag, "a", layer.a())
                        + perSample(rows, tag, "delta", layer.delta());
                expected += perWeight(rows, tag, Map.of("weight_before", LayerTrace::weightsBefore,
                        "weight_gradient", LayerTrace::weightGradient, "penalty_gradient", LayerTrace::penaltyGradient,
                        "weight_step", LayerTrace::weightStep, "weight_after", LayerTrace::weightsAfter), layer);
                expected += perNeuron(rows, tag, Map.of("bias_before", LayerTrace::biasesBefore,
                        "bias_gradient", LayerTrace::biasGradient, "bias_step", LayerTrace::biasStep,
                        "bias_after", LayerTrace::biasesAfter), layer);
                expected += optimizerRows(rows, tag, layer.optimizerStateBefore(), "_before")
                        + optimizerRows(rows, tag, layer.optimizerStateAfter(), "");
            }
            expected += perSample(rows, 0, "input", trace.inputs());
            expected += perSample(rows, trace.layers().size(), "target", trace.targets());
            assertEquals(trace.loss(), rows.get(",loss,,,"));
            assertEquals(trace.penalty(), rows.get(",penalty,,,"));
            assertEquals(trace.learningRate(), rows.get(",learning_rate,,,"));
            assertEquals(trace.gradientScale(), rows.get(",gradient_scale,,,"));
            expected += 4 + switch (trace.optimizer()) {
                case "adam" -> 3;
                case "rmsprop" -> 2;
                default -> 1;
            };
            assertEquals(expected, rows.size(), "no row is missing and none is extra");
        }
    }

    private static StepTrace momentumStep() {
        Lesson xor = TestLessons.xor();
        return Experiment.of(xor.withHyperparameters(xor.hyperparameters().withOptimizer(new OptimizerSettings.Momentum(0.1, 0.8))))
                .learner().tracedBatch();
    }

    private static StepTrace rmsPropStep() {
        Lesson xor = TestLessons.xor();
        return Experiment.of(xor.withHyperparameters(xor.hyperparameters().withOptimizer(new OptimizerSettings.RmsProp(0.01, 0.8, 1e-6))))
                .learner().tracedBatch();
    }

    private static int optimizerRows(Map<String, Double> rows, int tag, OptimizerState state, String suffix) {
        return switch (state) {
            case OptimizerState.Stateless() -> 0;
            case OptimizerState.Velocity(Matrix weights, Matrix biases) ->
                    perWeight(rows, tag, "weight_velocity" + suffix, weights) + perNeuron(rows, tag, "bias_velocity" + suffix, biases);
            case OptimizerState.AdamMoments(Matrix m, Matrix v, Matrix bm, Matrix bv, long weightSteps, long biasSteps) -> {
                assertEquals((double) weightSteps, rows.get(tag + ",adam_weight_step_count" + suffix + ",,,"));
                assertEquals((double) biasSteps, rows.get(tag + ",adam_bias_step_count" + suffix + ",,,"));
                yield 2 + perWeight(rows, tag, "weight_mean" + suffix, m) + perWeight(rows, tag, "weight_variance" + suffix, v)
                        + perNeuron(rows, tag, "bias_mean" + suffix, bm) + perNeuron(rows, tag, "bias_variance" + suffix, bv);
            }
            case OptimizerState.SquaredGradientMean(Matrix weights, Matrix biases) ->
                    perWeight(rows, tag, "weight_mean_square" + suffix, weights) + perNeuron(rows, tag, "bias_mean_square" + suffix, biases);
        };
    }

    private static int perSample(Map<String, Double> rows, int layer, String kind, Matrix values) {
        for (int n = 0; n < values.rows(); n++) {
            for (int s = 0; s < values.cols(); s++) {
                assertEquals(values.get(n, s), rows.get(layer + "," + kind + "," + (n + 1) + ",," + (s + 1)), kind);
            }
        }
        return values.rows() * values.cols();
    }

    private static int perWeight(Map<String, Double> rows, int layer, Map<String, Function<LayerTrace, Matrix>> kinds, LayerTrace trace) {
        return kinds.entrySet().stream().mapToInt(kind -> perWeight(rows, layer, kind.getKey(), kind.getValue().apply(trace))).sum();
    }

    private static int perWeight(Map<String, Double> rows, int layer, String kind, Matrix values) {
        for (int n = 0; n < values.rows(); n++) {
            for (int i = 0; i < values.cols(); i++) {
                assertEquals(values.get(n, i), rows.get(layer + "," + kind + "," + (n + 1) + "," + (i + 1) + ","), kind);
            }
        }
        return values.rows() * values.cols();
    }

    private static int perNeuron(Map<String, Double> rows, int layer, Map<String, Function<LayerTrace, Matrix>> kinds, LayerTrace trace) {
        return kinds.entrySet().stream().mapToInt(kind -> perNeuron(rows, layer, kind.getKey(), kind.getValue().apply(trace))).sum();
    }

    private static int perNeuron(Map<String, Double> rows, int layer, String kind, Matrix values) {
        for (int n = 0; n < values.rows(); n++) {
            assertEquals(values.get(n, 0), rows.get(layer + "," + kind + "," + (n + 1) + ",,"), kind);
        }
        return values.rows();
    }

    /** The batch-normalisation lesson's first mini-batch with dropout on its first hidden layer as well. */
    private static StepTrace remediesStep() throws LessonException {
        Lesson lesson = LessonCatalog.load("batch-normalisation");
        List<LayerSpec> layers = new ArrayList<>(lesson.layers());
        layers.set(0, layers.getFirst().withDropout(0.5));
        return Experiment.of(lesson.withArchitecture(lesson.features(), layers)).learner().tracedBatch();
    }

    @Test
    void batchNormalisationAndDropoutWriteTheirOwnRowsWhereThePassMeetsThem() throws LessonException {
        StepTrace trace = remediesStep();
        LayerTrace first = trace.layers().getFirst();
        DropoutTrace dropout = first.dropout().orElseThrow();
        assertTrue(first.batchNorm().isPresent(), "the lesson normalises its first hidden layer");
        Map<String, Double> rows = rows(TraceCsv.csv(trace));

        assertEquals(0.5, rows.get("1,dropout_rate,,,"));
        int remedies = 1 + perSample(rows, 1, "dropout_mask", dropout.mask())
                + perSample(rows, 1, "activation_before_dropout", dropout.activationBeforeDropout());
        for (int l = 0; l < trace.layers().size(); l++) {
            int tag = l + 1;
            Optional<BatchNormTrace> normalised = trace.layers().get(l).batchNorm();
            if (normalised.isEmpty()) {
                continue;
            }
            BatchNormTrace layer = normalised.get();
            remedies += perSample(rows, tag, "normalized", layer.normalized()) + perSample(rows, tag, "normalized_output", layer.output())
                    + perSample(rows, tag, "normalized_output_delta", layer.outputDelta());
            remedies += perNeuron(rows, tag, "batch_mean", layer.mean()) + perNeuron(rows, tag, "batch_variance", layer.variance())
                    + perNeuron(rows, tag, "gamma_before", layer.gamma()) + perNeuron(rows, tag, "beta_before", layer.beta())
                    + perNeuron(rows, tag, "gamma_gradient", layer.gammaGradient()) + perNeuron(rows, tag, "beta_gradient", layer.betaGradient())
                    + perNeuron(rows, tag, "gamma_after", layer.gammaAfter()) + perNeuron(rows, tag, "beta_after", layer.betaAfter())
                    + perNeuron(rows, tag, "running_mean", layer.runningMean())
                    + perNeuron(rows, tag, "running_variance", layer.runningVariance());
        }
        long plainKinds = rows.keySet().stream().filter(key -> !REMEDY_KINDS.contains(key.split(",")[1])).count();
        assertEquals(rows.size() - plainKinds, remedies, "every remedy row is the trace's own number, and none is extra");

        // In the order of the pass: z, then μ, σ², x̂, y, then the mask, then a; n·∂L/∂y just before δ.
        List<String> firstLayer = TraceCsv.csv(trace).lines().filter(line -> line.startsWith("1,"))
                .map(line -> line.split(",")[1]).distinct().toList();
        assertOrdered(firstLayer, "z", "batch_mean", "batch_variance", "normalized", "normalized_output",
                "activation_before_dropout", "dropout_mask", "a", "normalized_output_delta", "delta", "gamma_gradient",
                "gamma_after", "running_variance");
    }

    private static final List<String> REMEDY_KINDS = List.of("dropout_rate", "dropout_mask", "activation_before_dropout",
            "normalized", "normalized_output", "normalized_output_delta", "batch_mean", "batch_variance", "gamma_before",
            "beta_before", "gamma_gradient", "beta_gradient", "gamma_after", "beta_after", "running_mean", "running_variance");

    private static void assertOrdered(List<String> kinds, String... expected) {
        int at = -1;
        for (String kind : expected) {
            int next = kinds.indexOf(kind);
            assertTrue(next > at, kind + " comes after the kinds before it in " + kinds);
            at = next;
        }
    }

    @Test
    void mazursStepReadsInTheOrderOfThePassWithIndicesAsTheFormulasCountThem() throws LessonException {
        StepTrace trace = mazurStep();
        String csv = TraceCsv.csv(trace);

        // w₁₂⁽²⁾ = 0.45 is layer 2, neuron 1, input 2; out_o1 is a at layer 2, neuron 1, sample 1.
        assertTrue(csv.contains("\n2,weight_before,1,2,,0.45\n"), csv);
        assertTrue(csv.contains("\n2,a,1,,1," + trace.outputLayer().a().get(0, 0) + "\n"));
        assertTrue(csv.contains("\n2,target,2,,1,0.99\n"));
        List<String> kinds = csv.lines().skip(1).map(line -> line.split(",")[1]).distinct().toList();
        assertEquals(List.of("loss", "penalty", "learning_rate", "gradient_scale", "input", "target", "weight_before",
                "bias_before", "z", "a", "delta", "weight_gradient", "penalty_gradient", "bias_gradient", "weight_step",
                "bias_step", "weight_after", "bias_after"), kinds);
        assertFalse(csv.contains("velocity") || csv.contains("mean"), "plain SGD carries no optimizer state");
    }

    @Test
    void savesTheCsvAndTheJsonOfAStep() throws Exception {
        StepTrace trace = mazurStep();
        Path csv = dir.resolve("step.csv");
        Path json = dir.resolve("step.json");

        TraceCsv.write(trace, csv);
        TraceJson.write(trace, json);

        assertEquals(TraceCsv.csv(trace), Files.readString(csv));
        assertEquals(TraceJson.toJson(trace), new ObjectMapper().readTree(json.toFile()));
        assertTrue(Files.readString(json).contains("\"weightsBefore\": [\n"), "a weight row per line, as in lesson files");
    }
}
