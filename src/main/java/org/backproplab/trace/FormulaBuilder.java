package org.backproplab.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import org.backproplab.trace.SubStep.BackwardLayer;
import org.backproplab.trace.SubStep.BackwardNeuron;
import org.backproplab.trace.SubStep.BackwardNormalise;
import org.backproplab.trace.SubStep.Normalise;
import org.backproplab.trace.SubStep.ScaleAndShift;
import org.backproplab.trace.SubStep.ComputeLoss;
import org.backproplab.trace.SubStep.ForwardLayer;
import org.backproplab.trace.SubStep.ForwardNeuron;
import org.backproplab.trace.SubStep.Gradients;
import org.backproplab.trace.SubStep.GradientsNeuron;
import org.backproplab.trace.SubStep.Update;
import org.backproplab.trace.SubStep.UpdateNeuron;

/**
 * The formulas behind one recorded training step, for one sample of its batch: what each sub-step
 * computed, and what a clicked neuron or edge has been through so far. Every result is the number
 * the trace recorded; intermediate numbers (products, slopes, per-sample losses) are computed from
 * trace numbers only to show the working.
 *
 * <p>Arguments count from 0 like {@link SubStep}: layer 0 is the first layer after the inputs,
 * neuron 0 the first of its layer, input i of layer l is neuron i of layer l − 1 (an input feature
 * for layer 0). The formulas show them 1-based, as students count: w₁₂⁽¹⁾ is layer 0, neuron 0,
 * input 1. See {@link Symbols} for the names.
 *
 * <p>With a batch of several samples, forward values, δ and the matrix forms of those steps are the
 * focused sample's; the loss shows that sample's loss and then the batch mean; gradients and
 * updates, which the trace holds only as batch means, show the mean over all samples.
 */
public final class FormulaBuilder {

    private final Focus focus;
    private final ForwardFormulas forward;
    private final LossFormulas loss;
    private final BackwardFormulas backward;
    private final GradientFormulas gradients;
    private final UpdateFormulas updates;
    private final BatchNormFormulas batchNorm;

    /** Formulas for sample {@code sample} of the trace's batch. */
    public FormulaBuilder(StepTrace trace, int sample) {
        this.focus = Focus.of(Objects.requireNonNull(trace, "trace"), sample);
        this.forward = new ForwardFormulas(focus);
        this.loss = new LossFormulas(focus);
        this.backward = new BackwardFormulas(focus);
        this.gradients = new GradientFormulas(focus);
        this.updates = new UpdateFormulas(focus, trace.optimizerConstants());
        this.batchNorm = new BatchNormFormulas(focus);
    }

    /** The working of one sub-step; layer-wide steps add the matrix form. */
    public Explanation explain(SubStep step) {
        return switch (step) {
            case ForwardNeuron(int layer, int neuron) -> Explanation.of(forwardNeuron(layer, neuron));
            case ForwardLayer(int layer) -> new Explanation(
                    perNeuron(layer, (l, n) -> forwardNeuron(l, n)), forward.layerMatrix(layer));
            case ComputeLoss() -> Explanation.of(loss());
            case BackwardNeuron(int layer, int neuron) -> Explanation.of(List.of(backwardNeuron(layer, neuron)));
            case BackwardLayer(int layer) -> new Explanation(
                    perNeuron(layer, (l, n) -> List.of(backwardNeuron(l, n))), List.of(backward.layerMatrix(layer)));
            case GradientsNeuron(int layer, int neuron) -> Explanation.of(neuronGradients(layer, neuron));
            case Gradients(int layer) -> new Explanation(
                    perNeuron(layer, this::neuronGradients), gradients.layerMatrix(layer));
            case UpdateNeuron(int layer, int neuron) -> Explanation.of(scheduled(neuronUpdates(layer, neuron)));
            case Update(int layer) -> new Explanation(
                    scheduled(perNeuron(layer, this::neuronUpdates)), updates.layerMatrix(layer));
            case Normalise(int layer) -> Explanation.of(perNeuron(layer, batchNorm::normalise));
            case ScaleAndShift(int layer) -> Explanation.of(perNeuron(layer,
                    (l, n) -> List.of(batchNorm.scaleAndShift(l, n), forward.activation(l, n))));
            case BackwardNormalise(int layer) -> Explanation.of(perNeuron(layer, batchNorm::backward));
        };
    }

    /** z = Σ w·a + b, then a = f(z), of one neuron. */
    public List<Formula> forwardNeuron(int layer, int neuron) {
        return forward.neuron(layer, neuron);
    }

    /** The loss: one formula for a one-sample batch, the sample's and the mean otherwise, then J = E + R if penalised. */
    public List<Formula> loss() {
        return loss.all();
    }

    /** δ of one neuron. */
    public Formula backwardNeuron(int layer, int neuron) {
        return backward.neuron(layer, neuron);
    }

    /** ∂E/∂w of the edge from input {@code input} to neuron {@code neuron}, then ∂J/∂w if penalised. */
    public List<Formula> weightGradient(int layer, int neuron, int input) {
        return gradients.weight(layer, neuron, input);
    }

    public Formula biasGradient(int layer, int neuron) {
        return gradients.bias(layer, neuron);
    }

    /**
     * The scheduled η if it changes, the clipped gradient if clipped, the optimizer's quantities,
     * then w ← … whose result is the new weight.
     */
    public List<Formula> weightUpdate(int layer, int neuron, int input) {
        return scheduled(updates.weight(layer, neuron, input));
    }

    /** As {@link #weightUpdate} for a bias; a single b ← b when the lesson keeps biases fixed. */
    public List<Formula> biasUpdate(int layer, int neuron) {
        return scheduled(updates.bias(layer, neuron));
    }

    /** {@code formulas} after the one formula of the scheduled η they all use, when η is scheduled. */
    private List<Formula> scheduled(List<Formula> formulas) {
        List<Formula> out = new ArrayList<>(updates.scheduledRate());
        out.addAll(formulas);
        return out;
    }

    /**
     * Everything a clicked neuron has been through once sub-step {@code at} is done, in teaching
     * order: its z and a once the forward pass reached it, its δ once the backward pass did, its
     * bias gradient and bias update once its own (or its layer's) gradients and update are done.
     */
    public Explanation neuron(SubStep at, int layer, int neuron) {
        focus.checkNeuron(layer, neuron);
        PassProgress known = PassProgress.through(focus.trace(), at);
        List<Formula> formulas = new ArrayList<>();
        if (known.forwardDone(layer, neuron)) {
            formulas.addAll(forwardNeuron(layer, neuron));
        }
        if (known.deltaKnown(layer, neuron)) {
            formulas.add(backwardNeuron(layer, neuron));
        }
        if (known.gradientKnown(layer, neuron)) {
            formulas.add(biasGradient(layer, neuron));
        }
        if (known.updated(layer, neuron)) {
            formulas.addAll(biasUpdate(layer, neuron));
        }
        return Explanation.of(formulas);
    }

    /**
     * Everything a clicked edge (from input {@code input} of layer {@code layer} to neuron
     * {@code neuron}) has been through once {@code at} is done: the signal w·a it carried forward,
     * its gradient, and its old → new value.
     */
    public Explanation edge(SubStep at, int layer, int neuron, int input) {
        focus.checkEdge(layer, neuron, input);
        PassProgress known = PassProgress.through(focus.trace(), at);
        List<Formula> formulas = new ArrayList<>();
        if (known.forwardDone(layer, neuron)) {
            formulas.add(forward.edgeSignal(layer, neuron, input));
        }
        if (known.gradientKnown(layer, neuron)) {
            formulas.addAll(weightGradient(layer, neuron, input));
        }
        if (known.updated(layer, neuron)) {
            formulas.addAll(weightUpdate(layer, neuron, input));
        }
        return Explanation.of(formulas);
    }

    private List<Formula> perNeuron(int layer, BiFunction<Integer, Integer, List<Formula>> formulas) {
        List<Formula> out = new ArrayList<>();
        for (int n = 0; n < focus.layer(layer).size(); n++) {
            out.addAll(formulas.apply(layer, n));
        }
        return out;
    }

    /** The gradient of each weight into one neuron, then of its bias. */
    private List<Formula> neuronGradients(int layer, int neuron) {
        List<Formula> out = perIncomingWeight(layer, neuron, this::weightGradient);
        out.add(biasGradient(layer, neuron));
        return out;
    }

    /**
     * The update of each weight into one neuron, then of its bias, then of its γ and β if its layer
     * normalises (the scheduled η is the caller's, shown once).
     */
    private List<Formula> neuronUpdates(int layer, int neuron) {
        List<Formula> out = perIncomingWeight(layer, neuron, updates::weight);
        out.addAll(updates.bias(layer, neuron));
        if (focus.normalised(layer)) {
            out.addAll(batchNorm.update(layer, neuron));
        }
        return out;
    }

    private List<Formula> perIncomingWeight(int layer, int neuron, EdgeFormulas weights) {
        focus.checkNeuron(layer, neuron);
        List<Formula> out = new ArrayList<>();
        for (int i = 0; i < focus.layer(layer).inputSize(); i++) {
            out.addAll(weights.of(layer, neuron, i));
        }
        return out;
    }

    @FunctionalInterface
    private interface EdgeFormulas {
        List<Formula> of(int layer, int neuron, int input);
    }
}
