package org.backproplab.lesson;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import org.backproplab.data.TextFile;
import org.backproplab.trace.BatchNormTrace;
import org.backproplab.trace.DropoutTrace;
import org.backproplab.trace.LayerTrace;
import org.backproplab.trace.Matrix;
import org.backproplab.trace.OptimizerConstants;
import org.backproplab.trace.OptimizerState;
import org.backproplab.trace.ScheduledRate;
import org.backproplab.trace.StepTrace;

/**
 * A training step's trace as JSON, with the lesson format's field names, so that a student can
 * check every number of a step in any language. Weight matrices keep the lesson layout (one row
 * per neuron, one column per input); per-sample values (inputs, targets, z, a, δ) become one array
 * per sample, because that is how people read a batch. Doubles are written in their shortest
 * round-trip form, so parsing them back gives the engine's values bit for bit.
 */
public final class TraceJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TraceJson() {
    }

    /** One JSON line (no line break) for step number {@code step}, taken during {@code epoch}. */
    public static String line(long step, long epoch, StepTrace trace) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("step", step);
        root.put("epoch", epoch);
        root.setAll(toJson(trace));
        return root.toString();
    }

    /**
     * Saves the trace alone as a JSON document laid out like a lesson file (a weight row per line),
     * replacing {@code file} atomically; the exception's message is one line.
     */
    public static void write(StepTrace trace, Path file) throws IOException {
        TextFile.save(file, JsonLayout.layout(toJson(trace)));
    }

    /** The trace alone, without where it sits in a run. */
    public static ObjectNode toJson(StepTrace trace) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("loss", trace.loss());
        node.put("penalty", trace.penalty());
        node.put("lossFunction", trace.lossFunction());
        node.put("optimizer", trace.optimizer());
        node.put("learningRate", trace.learningRate());
        // Where a scheduled η came from, named as in a lesson's "learningRateSchedule"; a constant η needs nothing.
        switch (trace.schedule()) {
            case ScheduledRate.Constant _ -> {
            }
            case ScheduledRate.Step(double initial, long epoch, long every, double factor) -> {
                ObjectNode schedule = schedule(node, "step", initial, epoch);
                schedule.put("every", every);
                schedule.put("factor", factor);
            }
            case ScheduledRate.Exponential(double initial, long epoch, double factor) ->
                    schedule(node, "exponential", initial, epoch).put("factor", factor);
            case ScheduledRate.Cosine(double initial, long epoch, long epochs, double minimum) -> {
                ObjectNode schedule = schedule(node, "cosine", initial, epoch);
                schedule.put("epochs", epochs);
                schedule.put("minimum", minimum);
            }
        }
        // The optimizer's other constants, named as in a lesson's "optimizer" object.
        switch (trace.optimizerConstants()) {
            case OptimizerConstants.Sgd() -> {
            }
            case OptimizerConstants.Momentum(double momentum) -> node.put("momentum", momentum);
            case OptimizerConstants.Adam(double beta1, double beta2, double epsilon) -> {
                node.put("beta1", beta1);
                node.put("beta2", beta2);
                node.put("epsilon", epsilon);
            }
            case OptimizerConstants.RmsProp(double rho, double epsilon) -> {
                node.put("rho", rho);
                node.put("epsilon", epsilon);
            }
        }
        node.put("gradientScale", trace.gradientScale());
        node.put("biasesTrained", trace.biasesTrained());
        node.set("inputs", perSample(trace.inputs()));
        node.set("targets", perSample(trace.targets()));
        ArrayNode layers = node.putArray("layers");
        for (LayerTrace layer : trace.layers()) {
            layers.add(layer(layer));
        }
        return node;
    }

    /** The "learningRateSchedule" object: the kind, the lesson's η it starts from and the epoch it was asked for. */
    private static ObjectNode schedule(ObjectNode step, String type, double initial, long epoch) {
        ObjectNode schedule = step.putObject("learningRateSchedule");
        schedule.put("type", type);
        schedule.put("initialLearningRate", initial);
        schedule.put("epoch", epoch);
        return schedule;
    }

    private static ObjectNode layer(LayerTrace layer) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("activation", layer.activation());
        node.set("weightsBefore", rows(layer.weightsBefore()));
        node.set("biasesBefore", flat(layer.biasesBefore()));
        node.set("z", perSample(layer.z()));
        node.set("a", perSample(layer.a()));
        layer.dropout().ifPresent(dropout -> dropout(node, dropout));
        node.set("delta", perSample(layer.delta()));
        node.set("weightGradient", rows(layer.weightGradient()));
        node.set("biasGradient", flat(layer.biasGradient()));
        node.set("penaltyGradient", rows(layer.penaltyGradient()));
        node.set("weightStep", rows(layer.weightStep()));
        node.set("biasStep", flat(layer.biasStep()));
        node.set("weights", rows(layer.weightsAfter()));
        node.set("biases", flat(layer.biasesAfter()));
        // Named like weightsBefore and weights: the memory the update used, and the memory it left.
        node.set("optimizerStateBefore", optimizerState(layer.optimizerStateBefore()));
        node.set("optimizerState", optimizerState(layer.optimizerStateAfter()));
        layer.batchNorm().ifPresent(values -> node.set("batchNorm", batchNorm(values)));
        return node;
    }

    /** Per neuron: μ, σ², γ, β, their gradients and the running averages; per sample: x̂, y and δ_y. */
    private static ObjectNode batchNorm(BatchNormTrace values) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("epsilon", values.epsilon());
        node.set("mean", flat(values.mean()));
        node.set("variance", flat(values.variance()));
        node.set("normalized", perSample(values.normalized()));
        node.set("output", perSample(values.output()));
        node.set("outputDelta", perSample(values.outputDelta()));
        node.set("gamma", flat(values.gamma()));
        node.set("beta", flat(values.beta()));
        node.set("gammaGradient", flat(values.gammaGradient()));
        node.set("betaGradient", flat(values.betaGradient()));
        node.set("gammaAfter", flat(values.gammaAfter()));
        node.set("betaAfter", flat(values.betaAfter()));
        node.set("runningMean", flat(values.runningMean()));
        node.set("runningVariance", flat(values.runningVariance()));
        return node;
    }

    /**
     * The rate, which outputs were kept (1) or dropped (0) per sample, and f(z) before the mask:
     * with them, a = mask · f(z) / (1 − rate) can be checked by hand.
     */
    private static void dropout(ObjectNode node, DropoutTrace dropout) {
        node.put("dropout", dropout.rate());
        ArrayNode mask = node.putArray("dropoutMask");
        Matrix kept = dropout.mask();
        for (int c = 0; c < kept.cols(); c++) {
            ArrayNode sample = mask.addArray();
            for (int r = 0; r < kept.rows(); r++) {
                sample.add((int) kept.get(r, c));
            }
        }
        node.set("activationBeforeDropout", perSample(dropout.activationBeforeDropout()));
    }

    private static ObjectNode optimizerState(OptimizerState state) {
        ObjectNode node = MAPPER.createObjectNode();
        switch (state) {
            case OptimizerState.Stateless() -> {
                // Plain SGD carries nothing from one step to the next: an empty object says so.
            }
            case OptimizerState.Velocity(Matrix weights, Matrix biases) -> {
                node.set("weightVelocity", rows(weights));
                node.set("biasVelocity", flat(biases));
            }
            case OptimizerState.AdamMoments(Matrix weightMean, Matrix weightVariance, Matrix biasMean,
                    Matrix biasVariance, long weightStepCount, long biasStepCount) -> {
                node.put("weightStepCount", weightStepCount);
                node.put("biasStepCount", biasStepCount);
                node.set("weightMean", rows(weightMean));
                node.set("weightVariance", rows(weightVariance));
                node.set("biasMean", flat(biasMean));
                node.set("biasVariance", flat(biasVariance));
            }
            case OptimizerState.SquaredGradientMean(Matrix weights, Matrix biases) -> {
                node.set("weightMeanSquare", rows(weights));
                node.set("biasMeanSquare", flat(biases));
            }
        }
        return node;
    }

    /** One array per row: W and its gradients, as lessons write them. */
    private static ArrayNode rows(Matrix m) {
        ArrayNode out = MAPPER.createArrayNode();
        for (int r = 0; r < m.rows(); r++) {
            ArrayNode row = out.addArray();
            for (int c = 0; c < m.cols(); c++) {
                row.add(m.get(r, c));
            }
        }
        return out;
    }

    /** One array per column: the trace keeps a sample per column, people read a sample per line. */
    private static ArrayNode perSample(Matrix m) {
        ArrayNode out = MAPPER.createArrayNode();
        for (int c = 0; c < m.cols(); c++) {
            ArrayNode sample = out.addArray();
            for (int r = 0; r < m.rows(); r++) {
                sample.add(m.get(r, c));
            }
        }
        return out;
    }

    /** A column vector (biases and their gradients) as a plain array. */
    private static ArrayNode flat(Matrix column) {
        ArrayNode out = MAPPER.createArrayNode();
        for (double v : column.values()) {
            out.add(v);
        }
        return out;
    }
}
