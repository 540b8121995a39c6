package org.backproplab.lesson;

import java.util.ArrayList;
import java.util.List;
import org.backproplab.trace.BatchNormTrace;
import org.backproplab.trace.LayerTrace;
import org.backproplab.trace.Matrix;
import org.backproplab.trace.OptimizerState;
import org.backproplab.trace.StepPhase;
import org.backproplab.trace.StepTrace;
import org.backproplab.trace.SubStep;

/**
 * The values a sub-step's lines of {@link NumpyStep} read and write, under the code's names, taken
 * from the trace: what a student would see printing them in the program at that moment.
 */
public final class StepVariables {

    /**
     * One variable of the code and its value.
     *
     * @param name    its name in the code, e.g. {@code "delta1"}
     * @param value   its value, in the code's layout (one column per sample; W one row per neuron)
     * @param written true if the sub-step's lines compute it, false if they only read it
     */
    public record Variable(String name, Matrix value, boolean written) {

        /** NumPy's shape of the value; the loss is a scalar. */
        public String shape() {
            return name.equals("loss") || name.equals("penalty") ? "()" : "(" + value.rows() + ", " + value.cols() + ")";
        }
    }

    private final StepTrace trace;
    private final List<Variable> variables = new ArrayList<>();

    private StepVariables(StepTrace trace) {
        this.trace = trace;
    }

    /** What sub-step {@code subStep} (of either granularity) reads, then what it writes. */
    public static List<Variable> of(StepTrace trace, SubStep subStep) {
        StepVariables list = new StepVariables(trace);
        list.collect(StepPhase.wholeLayer(subStep));
        return List.copyOf(list.variables);
    }

    /** What layer l's activation wrote: f(z) and its mask, then a, when it drops outputs; else a. */
    private void activated(LayerTrace layer, int l) {
        layer.dropout().ifPresent(dropout -> {
            write("f" + (l + 1), dropout.activationBeforeDropout());
            read("mask" + (l + 1), dropout.mask());
        });
        write("a" + (l + 1), layer.a());
    }

    private void collect(SubStep subStep) {
        int last = trace.layers().size() - 1;
        switch (subStep) {
            case SubStep.ForwardLayer(int l) -> {
                LayerTrace layer = trace.layers().get(l);
                read("W" + (l + 1), layer.weightsBefore());
                read("b" + (l + 1), layer.biasesBefore());
                below(l);
                write("z" + (l + 1), layer.z());
                if (layer.batchNorm().isEmpty()) {
                    activated(layer, l);
                }
            }
            case SubStep.Normalise(int l) -> {
                LayerTrace layer = trace.layers().get(l);
                BatchNormTrace bn = layer.batchNorm().orElseThrow();
                read("z" + (l + 1), layer.z());
                write("mu" + (l + 1), bn.mean());
                write("var" + (l + 1), bn.variance());
                write("xhat" + (l + 1), bn.normalized());
            }
            case SubStep.ScaleAndShift(int l) -> {
                LayerTrace layer = trace.layers().get(l);
                BatchNormTrace bn = layer.batchNorm().orElseThrow();
                read("bn_gamma" + (l + 1), bn.gamma());
                read("bn_beta" + (l + 1), bn.beta());
                write("y" + (l + 1), bn.output());
                activated(layer, l);
            }
            case SubStep.BackwardNormalise(int l) -> {
                LayerTrace layer = trace.layers().get(l);
                BatchNormTrace bn = layer.batchNorm().orElseThrow();
                read("dy" + (l + 1), bn.outputDelta());
                read("xhat" + (l + 1), bn.normalized());
                write("dbn_beta" + (l + 1), bn.betaGradient());
                write("dbn_gamma" + (l + 1), bn.gammaGradient());
                write("delta" + (l + 1), layer.delta());
            }
            case SubStep.ComputeLoss() -> {
                read("a" + (last + 1), trace.outputLayer().a());
                read("y", trace.targets());
                write("loss", Matrix.column(trace.loss()));
                if (trace.penalty() != 0) {
                    write("penalty", Matrix.column(trace.penalty()));
                }
            }
            case SubStep.BackwardLayer(int l) -> {
                LayerTrace layer = trace.layers().get(l);
                if (l == last) {
                    read("a" + (l + 1), layer.a());
                    read("y", trace.targets());
                } else {
                    read("W" + (l + 2), trace.layers().get(l + 1).weightsBefore());
                    read("delta" + (l + 2), trace.layers().get(l + 1).delta());
                    read((layer.batchNorm().isPresent() ? "y" : "z") + (l + 1), layer.batchNorm().map(BatchNormTrace::output)
                            .orElse(layer.z()));
                    if (layer.dropout().isPresent()) {
                        read("mask" + (l + 1), layer.dropout().get().mask());
                        read("f" + (l + 1), layer.dropout().get().activationBeforeDropout());
                    } else {
                        read("a" + (l + 1), layer.a());
                    }
                }
                if (layer.batchNorm().isPresent()) {
                    // δʸ: batch normalisation's backward step turns it into delta.
                    write("dy" + (l + 1), layer.batchNorm().get().outputDelta());
                } else {
                    write("delta" + (l + 1), layer.delta());
                }
            }
            case SubStep.Gradients(int l) -> {
                LayerTrace layer = trace.layers().get(l);
                read("delta" + (l + 1), layer.delta());
                below(l);
                write("dW" + (l + 1), layer.weightGradient());
                write("db" + (l + 1), layer.biasGradient());
                if (layer.penaltyGradient().maxAbs() != 0) {
                    write("dW" + (l + 1) + "_penalty", layer.penaltyGradient());
                }
            }
            case SubStep.Update(int l) -> {
                LayerTrace layer = trace.layers().get(l);
                read("dW" + (l + 1), layer.weightGradient());
                read("db" + (l + 1), layer.biasGradient());
                memory(l + 1, layer.optimizerStateAfter());
                write("W" + (l + 1), layer.weightsAfter());
                if (trace.biasesTrained()) {
                    write("b" + (l + 1), layer.biasesAfter());
                }
                layer.batchNorm().ifPresent(bn -> {
                    write("bn_gamma" + (l + 1), bn.gammaAfter());
                    write("bn_beta" + (l + 1), bn.betaAfter());
                    write("running_mean" + (l + 1), bn.runningMean());
                    write("running_var" + (l + 1), bn.runningVariance());
                });
            }
            case SubStep.ForwardNeuron _, SubStep.BackwardNeuron _, SubStep.GradientsNeuron _, SubStep.UpdateNeuron _ ->
                    throw new IllegalArgumentException("the code works a layer at a time: " + subStep);
        }
    }

    /** The optimizer's memory the update leaves, under the code's names. */
    private void memory(int k, OptimizerState state) {
        switch (state) {
            case OptimizerState.Stateless() -> {
            }
            case OptimizerState.Velocity(Matrix weights, Matrix biases) -> {
                write("vW" + k, weights);
                if (trace.biasesTrained()) {
                    write("vb" + k, biases);
                }
            }
            case OptimizerState.AdamMoments(Matrix weightMean, Matrix weightVariance, Matrix biasMean,
                    Matrix biasVariance, long weightSteps, long biasSteps) -> {
                write("mW" + k, weightMean);
                write("vW" + k, weightVariance);
                if (trace.biasesTrained()) {
                    write("mb" + k, biasMean);
                    write("vb" + k, biasVariance);
                }
            }
            case OptimizerState.SquaredGradientMean(Matrix weights, Matrix biases) -> {
                write("sW" + k, weights);
                if (trace.biasesTrained()) {
                    write("sb" + k, biases);
                }
            }
        }
    }

    private void below(int l) {
        read(l == 0 ? "X" : "a" + l, l == 0 ? trace.inputs() : trace.layers().get(l - 1).a());
    }

    private void read(String name, Matrix value) {
        variables.add(new Variable(name, value, false));
    }

    private void write(String name, Matrix value) {
        variables.add(new Variable(name, value, true));
    }
}
