package org.backproplab.lesson;

import java.io.IOException;
import java.nio.file.Path;
import org.backproplab.data.TextFile;
import org.backproplab.trace.LayerTrace;
import org.backproplab.trace.Matrix;
import org.backproplab.trace.OptimizerConstants;
import org.backproplab.trace.OptimizerState;
import org.backproplab.trace.StepTrace;

/**
 * A training step's trace as CSV for a spreadsheet: one number per row, named by layer, kind,
 * neuron, input and sample, so that a student can filter, sort and recompute any of them. Rows
 * follow the pass: the step's settings, inputs and targets, then the forward pass layer by layer,
 * the loss, δ from the output layer back, the gradients, and each layer's update. A layer with
 * batch normalisation or dropout adds its own rows where the pass meets them: μ, σ², x̂ and y
 * between z and a, the mask between f(y) and a, n·∂L/∂y before δ, and γ, β and the running
 * averages with the gradients and the update.
 *
 * <p>Indices count from 1, as the formulas do: layer 1 neuron 2 is a₂⁽¹⁾, and weight_gradient at
 * layer 2, neuron 1, input 2 is ∂E/∂w₁₂⁽²⁾. Layer 0 is the inputs. A cell that does not apply is
 * empty. Values are written in Java's shortest round-trip form (0.3775, 1.0E-5), so reading them
 * back gives the engine's doubles bit for bit.
 */
public final class TraceCsv {

    public static final String HEADER = "layer,kind,neuron,input,sample,value";

    private TraceCsv() {
    }

    /** The whole trace as CSV text, header first. */
    public static String csv(StepTrace trace) {
        Rows rows = new Rows();
        rows.add("loss", trace.loss());
        rows.add("penalty", trace.penalty());
        rows.add("learning_rate", trace.learningRate());
        switch (trace.optimizerConstants()) {
            case OptimizerConstants.Sgd() -> {
            }
            case OptimizerConstants.Momentum(double momentum) -> rows.add("momentum", momentum);
            case OptimizerConstants.Adam(double beta1, double beta2, double epsilon) -> {
                rows.add("beta1", beta1);
                rows.add("beta2", beta2);
                rows.add("epsilon", epsilon);
            }
            case OptimizerConstants.RmsProp(double rho, double epsilon) -> {
                rows.add("rho", rho);
                rows.add("epsilon", epsilon);
            }
        }
        rows.add("gradient_scale", trace.gradientScale());
        rows.perSample(0, "input", trace.inputs());
        rows.perSample(trace.layers().size(), "target", trace.targets());
        for (int l = 0; l < trace.layers().size(); l++) {
            LayerTrace layer = trace.layers().get(l);
            int tag = l + 1;
            rows.perWeight(tag, "weight_before", layer.weightsBefore());
            rows.perNeuron(tag, "bias_before", layer.biasesBefore());
            rows.perSample(tag, "z", layer.z());
            layer.batchNorm().ifPresent(norm -> {
                rows.perNeuron(tag, "gamma_before", norm.gamma());
                rows.perNeuron(tag, "beta_before", norm.beta());
                rows.perNeuron(tag, "batch_mean", norm.mean());
                rows.perNeuron(tag, "batch_variance", norm.variance());
                rows.perSample(tag, "normalized", norm.normalized());
                rows.perSample(tag, "normalized_output", norm.output());
            });
            layer.dropout().ifPresent(dropout -> {
                rows.add(tag, "dropout_rate", dropout.rate());
                rows.perSample(tag, "activation_before_dropout", dropout.activationBeforeDropout());
                rows.perSample(tag, "dropout_mask", dropout.mask());
            });
            rows.perSample(tag, "a", layer.a());
        }
        for (int l = trace.layers().size() - 1; l >= 0; l--) {
            LayerTrace layer = trace.layers().get(l);
            int tag = l + 1;
            layer.batchNorm().ifPresent(norm -> rows.perSample(tag, "normalized_output_delta", norm.outputDelta()));
            rows.perSample(tag, "delta", layer.delta());
        }
        for (int l = 0; l < trace.layers().size(); l++) {
            LayerTrace layer = trace.layers().get(l);
            int tag = l + 1;
            rows.perWeight(tag, "weight_gradient", layer.weightGradient());
            rows.perWeight(tag, "penalty_gradient", layer.penaltyGradient());
            rows.perNeuron(tag, "bias_gradient", layer.biasGradient());
            layer.batchNorm().ifPresent(norm -> {
                rows.perNeuron(tag, "gamma_gradient", norm.gammaGradient());
                rows.perNeuron(tag, "beta_gradient", norm.betaGradient());
            });
        }
        for (int l = 0; l < trace.layers().size(); l++) {
            LayerTrace layer = trace.layers().get(l);
            int tag = l + 1;
            optimizerState(rows, tag, layer.optimizerStateBefore(), "_before");
            rows.perWeight(tag, "weight_step", layer.weightStep());
            rows.perNeuron(tag, "bias_step", layer.biasStep());
            rows.perWeight(tag, "weight_after", layer.weightsAfter());
            rows.perNeuron(tag, "bias_after", layer.biasesAfter());
            layer.batchNorm().ifPresent(norm -> {
                rows.perNeuron(tag, "gamma_after", norm.gammaAfter());
                rows.perNeuron(tag, "beta_after", norm.betaAfter());
                rows.perNeuron(tag, "running_mean", norm.runningMean());
                rows.perNeuron(tag, "running_variance", norm.runningVariance());
            });
            optimizerState(rows, tag, layer.optimizerStateAfter(), "");
        }
        return rows.toString();
    }

    /** Saves the trace as CSV, replacing {@code file} atomically; the exception's message is one line. */
    public static void write(StepTrace trace, Path file) throws IOException {
        TextFile.save(file, csv(trace));
    }

    /**
     * The optimizer's memory, named after the fields of the JSON trace: kinds end in {@code _before}
     * for the memory the update used ({@code suffix}), and are bare for what it carries into the next step.
     */
    private static void optimizerState(Rows rows, int layer, OptimizerState state, String suffix) {
        switch (state) {
            case OptimizerState.Stateless() -> {
            }
            case OptimizerState.Velocity(Matrix weights, Matrix biases) -> {
                rows.perWeight(layer, "weight_velocity" + suffix, weights);
                rows.perNeuron(layer, "bias_velocity" + suffix, biases);
            }
            case OptimizerState.AdamMoments(Matrix weightMean, Matrix weightVariance, Matrix biasMean,
                    Matrix biasVariance, long weightStepCount, long biasStepCount) -> {
                rows.add(layer, "adam_weight_step_count" + suffix, weightStepCount);
                rows.add(layer, "adam_bias_step_count" + suffix, biasStepCount);
                rows.perWeight(layer, "weight_mean" + suffix, weightMean);
                rows.perWeight(layer, "weight_variance" + suffix, weightVariance);
                rows.perNeuron(layer, "bias_mean" + suffix, biasMean);
                rows.perNeuron(layer, "bias_variance" + suffix, biasVariance);
            }
            case OptimizerState.SquaredGradientMean(Matrix weights, Matrix biases) -> {
                rows.perWeight(layer, "weight_mean_square" + suffix, weights);
                rows.perNeuron(layer, "bias_mean_square" + suffix, biases);
            }
        }
    }

    /** The CSV text, one row at a time; a null index is an empty cell. */
    private static final class Rows {

        private final StringBuilder out = new StringBuilder(HEADER).append('\n');

        void add(String kind, double value) {
            row(null, kind, null, null, null, value);
        }

        void add(int layer, String kind, double value) {
            row(layer, kind, null, null, null, value);
        }

        /** A matrix with one row per neuron and one column per sample: z, a, δ, inputs, targets. */
        void perSample(int layer, String kind, Matrix values) {
            for (int n = 0; n < values.rows(); n++) {
                for (int s = 0; s < values.cols(); s++) {
                    row(layer, kind, n + 1, null, s + 1, values.get(n, s));
                }
            }
        }

        /** A matrix with one row per neuron and one column per input: W and its gradients and steps. */
        void perWeight(int layer, String kind, Matrix values) {
            for (int n = 0; n < values.rows(); n++) {
                for (int i = 0; i < values.cols(); i++) {
                    row(layer, kind, n + 1, i + 1, null, values.get(n, i));
                }
            }
        }

        /** A column with one value per neuron: b and its gradients and steps. */
        void perNeuron(int layer, String kind, Matrix values) {
            for (int n = 0; n < values.rows(); n++) {
                row(layer, kind, n + 1, null, null, values.get(n, 0));
            }
        }

        private void row(Integer layer, String kind, Integer neuron, Integer input, Integer sample, double value) {
            out.append(cell(layer)).append(',').append(kind).append(',').append(cell(neuron)).append(',')
                    .append(cell(input)).append(',').append(cell(sample)).append(',').append(value).append('\n');
        }

        private static String cell(Integer index) {
            return index == null ? "" : index.toString();
        }

        @Override
        public String toString() {
            return out.toString();
        }
    }
}
