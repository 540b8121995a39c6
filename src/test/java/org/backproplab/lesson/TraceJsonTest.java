package org.backproplab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.backproplab.data.DataPoint;
import org.backproplab.engine.Activation;
import org.backproplab.engine.Hyperparameters;
import org.backproplab.engine.Initializer;
import org.backproplab.engine.InputFeature;
import org.backproplab.engine.LayerSpec;
import org.backproplab.engine.Learner;
import org.backproplab.engine.LearningRateSchedule;
import org.backproplab.engine.Loss;
import org.backproplab.engine.OptimizerSettings;
import org.backproplab.trace.LayerTrace;
import org.backproplab.trace.Matrix;
import org.backproplab.trace.StepTrace;
import org.junit.jupiter.api.Test;

class TraceJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Matt Mazur's 2-2-2 example: one sample, fixed weights, biases that never train. */
    private static Lesson mazur(OptimizerSettings optimizer) {
        List<LayerWeights> weights = List.of(
                new LayerWeights(Matrix.of(new double[][] {{0.15, 0.20}, {0.25, 0.30}}), Matrix.column(0.35, 0.35)),
                new LayerWeights(Matrix.of(new double[][] {{0.40, 0.45}, {0.50, 0.55}}), Matrix.column(0.60, 0.60)));
        return new Lesson("Mazur", "", List.of(InputFeature.X1, InputFeature.X2),
                List.of(new LayerSpec(2, Activation.SIGMOID), new LayerSpec(2, Activation.SIGMOID)),
                Initializer.XAVIER, Optional.of(weights),
                Hyperparameters.of(Loss.SQUARED_ERROR, optimizer).withTrainBiases(false), 1, 1,
                new DataSpec.Inline(List.of(DataPoint.withTargets(0.05, 0.10, List.of(0.01, 0.99))), 0, 1.0), Map.of());
    }

    private static JsonNode parse(String line) throws Exception {
        return MAPPER.readTree(line);
    }

    @Test
    void mazurStepCarriesTheHandWorkedNumbers() throws Exception {
        StepTrace trace = Experiment.of(mazur(new OptimizerSettings.Sgd(0.5))).learner().tracedBatch();

        JsonNode json = parse(TraceJson.line(1, 0, trace));

        assertEquals(1, json.get("step").asLong());
        assertEquals(0, json.get("epoch").asLong());
        assertEquals("squared-error", json.get("lossFunction").asText());
        assertEquals("sgd", json.get("optimizer").asText());
        assertEquals(0.5, json.get("learningRate").asDouble());
        assertEquals(1.0, json.get("gradientScale").asDouble());
        assertEquals(0.298371109, json.get("loss").asDouble(), 1e-9);
        JsonNode hidden = json.get("layers").get(0);
        JsonNode output = json.get("layers").get(1);
        assertEquals("sigmoid", hidden.get("activation").asText());
        assertEquals(0.593269992, hidden.get("a").get(0).get(0).asDouble(), 1e-9);
        assertEquals(0.596884378, hidden.get("a").get(0).get(1).asDouble(), 1e-9);
        assertEquals(0.40, output.get("weightsBefore").get(0).get(0).asDouble());
        assertEquals(0.35891648, output.get("weights").get(0).get(0).asDouble(), 1e-8);
        assertEquals(0.408666186, output.get("weights").get(0).get(1).asDouble(), 1e-9);
        assertEquals(0.511301270, output.get("weights").get(1).get(0).asDouble(), 1e-9);
        assertEquals(0.149780716, hidden.get("weights").get(0).get(0).asDouble(), 1e-9);
        assertEquals(0.35, hidden.get("biases").get(0).asDouble());
        assertTrue(output.get("optimizerState").isEmpty(), "plain SGD remembers nothing");
        assertTrue(output.get("optimizerStateBefore").isEmpty(), "not even before the step");
    }

    @Test
    void everyNumberParsesBackToTheEngineValueExactly() throws Exception {
        StepTrace trace = Experiment.of(mazur(new OptimizerSettings.Sgd(0.5))).learner().tracedBatch();

        JsonNode json = parse(TraceJson.line(1, 0, trace));

        for (int l = 0; l < trace.layers().size(); l++) {
            LayerTrace expected = trace.layers().get(l);
            JsonNode layer = json.get("layers").get(l);
            assertEquals(expected.delta().get(1, 0), layer.get("delta").get(0).get(1).doubleValue());
            assertEquals(expected.z().get(0, 0), layer.get("z").get(0).get(0).doubleValue());
            assertEquals(expected.weightGradient().get(1, 0), layer.get("weightGradient").get(1).get(0).doubleValue());
            assertEquals(expected.weightStep().get(0, 1), layer.get("weightStep").get(0).get(1).doubleValue());
            assertEquals(expected.weightsAfter().get(1, 1), layer.get("weights").get(1).get(1).doubleValue());
            assertEquals(expected.biasGradient().get(1, 0), layer.get("biasGradient").get(1).doubleValue());
        }
        assertEquals(trace.loss(), json.get("loss").doubleValue());
    }

    @Test
    void perSampleValuesAreOneArrayPerSampleAndWeightsOneRowPerNeuron() throws Exception {
        List<DataPoint> points = List.of(new DataPoint(1, 2, 0), new DataPoint(-3, 4, 1));
        Lesson lesson = new Lesson("two samples", "",
                List.of(InputFeature.X1, InputFeature.X2, InputFeature.X1_TIMES_X2),
                List.of(new LayerSpec(4, Activation.TANH), new LayerSpec(1, Activation.SIGMOID)),
                Initializer.XAVIER, Optional.empty(),
                Hyperparameters.of(Loss.BINARY_CROSS_ENTROPY, new OptimizerSettings.Sgd(0.1)), 2, 7,
                new DataSpec.Inline(points, 2, 1.0), Map.of());
        StepTrace trace = Experiment.of(lesson).learner().tracedBatch();

        JsonNode json = parse(TraceJson.line(3, 2, trace));

        assertEquals(2, json.get("inputs").size(), "one array per sample");
        assertEquals(3, json.get("inputs").get(0).size(), "one value per feature");
        for (int s = 0; s < 2; s++) {
            for (int f = 0; f < 3; f++) {
                assertEquals(trace.inputs().get(f, s), json.get("inputs").get(s).get(f).doubleValue());
            }
        }
        assertEquals(2, json.get("targets").size());
        assertEquals(1, json.get("targets").get(0).size());
        JsonNode hidden = json.get("layers").get(0);
        assertEquals(2, hidden.get("a").size());
        assertEquals(4, hidden.get("a").get(1).size());
        assertEquals(trace.layers().get(0).a().get(3, 1), hidden.get("a").get(1).get(3).doubleValue());
        assertEquals(4, hidden.get("weights").size(), "one row per neuron");
        assertEquals(3, hidden.get("weights").get(0).size(), "one column per input");
        assertEquals(4, hidden.get("biases").size());
    }

    @Test
    void momentumAndAdamShowTheirMemory() throws Exception {
        StepTrace momentum = Experiment.of(mazur(new OptimizerSettings.Momentum(0.5, 0.9))).learner().tracedBatch();
        JsonNode momentumStep = parse(TraceJson.line(1, 0, momentum));
        assertEquals(0.9, momentumStep.get("momentum").doubleValue(), "μ is recorded as the lesson names it");
        JsonNode velocity = momentumStep.get("layers").get(1).get("optimizerState");
        assertEquals(momentum.outputLayer().weightStep().get(0, 0),
                velocity.get("weightVelocity").get(0).get(0).doubleValue(), "first velocity is the first step");
        assertEquals(2, velocity.get("biasVelocity").size());
        JsonNode oldVelocity = momentumStep.get("layers").get(1).get("optimizerStateBefore");
        assertEquals(0.0, oldVelocity.get("weightVelocity").get(0).get(0).doubleValue(), "the first step starts from rest");

        StepTrace adam = Experiment.of(mazur(new OptimizerSettings.Adam(0.01))).learner().tracedBatch();
        JsonNode adamStep = parse(TraceJson.line(1, 0, adam));
        assertEquals(0.999, adamStep.get("beta2").doubleValue());
        assertEquals(1e-8, adamStep.get("epsilon").doubleValue());
        JsonNode moments = adamStep.get("layers").get(0).get("optimizerState");
        assertEquals(1, moments.get("weightStepCount").asLong());
        assertEquals(0, moments.get("biasStepCount").asLong(), "Mazur's biases are fixed: their own count has not started");
        assertEquals(0.1 * adam.layers().get(0).weightGradient().get(0, 0),
                moments.get("weightMean").get(0).get(0).doubleValue(), 1e-15);
        assertTrue(moments.has("weightVariance") && moments.has("biasMean") && moments.has("biasVariance"));
        JsonNode oldMoments = adamStep.get("layers").get(0).get("optimizerStateBefore");
        assertEquals(0, oldMoments.get("weightStepCount").asLong(), "Adam's count starts at t = 0");
        assertEquals(0, oldMoments.get("biasStepCount").asLong());
        assertEquals(0.0, oldMoments.get("weightVariance").get(0).get(0).doubleValue());
    }

    @Test
    void rmsPropShowsItsMeanOfSquaredGradientsAndEachStepItsScheduledRate() throws Exception {
        Lesson lesson = mazur(new OptimizerSettings.RmsProp(0.01, 0.8, 1e-6));
        Lesson scheduled = lesson.withHyperparameters(lesson.hyperparameters().withSchedule(new LearningRateSchedule.Step(1, 0.5)));
        Learner learner = Experiment.of(scheduled).learner();
        StepTrace first = learner.tracedBatch();
        StepTrace second = learner.tracedBatch();
        JsonNode one = parse(TraceJson.line(1, 0, first));
        JsonNode two = parse(TraceJson.line(2, 1, second));
        assertEquals("rmsprop", one.get("optimizer").asText());
        assertEquals(0.8, one.get("rho").doubleValue());
        assertEquals(1e-6, one.get("epsilon").doubleValue());
        assertEquals(0.01, one.get("learningRate").doubleValue(), "epoch 0: 0.01·0.5⁰");
        assertEquals(0.005, two.get("learningRate").doubleValue(), "epoch 1: 0.01·0.5¹, the η this step used");
        JsonNode schedule = two.get("learningRateSchedule");
        assertEquals("step", schedule.get("type").asText());
        assertEquals(0.01, schedule.get("initialLearningRate").doubleValue());
        assertEquals(1, schedule.get("epoch").asLong());
        assertEquals(0.5, schedule.get("factor").doubleValue());
        JsonNode state = one.get("layers").get(1).get("optimizerState");
        // s = (1 − 0.8)·g² after the first step, from s = 0.
        double g = first.outputLayer().weightGradient().get(0, 0);
        assertEquals(0.2 * g * g, state.get("weightMeanSquare").get(0).get(0).doubleValue(), 1e-15);
        assertEquals(2, state.get("biasMeanSquare").size());
        assertEquals(0.0, one.get("layers").get(1).get("optimizerStateBefore").get("weightMeanSquare").get(0).get(0).doubleValue());
        assertEquals(state, two.get("layers").get(1).get("optimizerStateBefore"), "step two starts from step one's s");
        assertTrue(!parse(TraceJson.line(1, 0, Experiment.of(lesson).learner().tracedBatch())).has("learningRateSchedule"),
                "a constant η has no schedule to explain");
    }
}
