package org.backproplab.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
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
 * The numbers each sub-step of a recorded pass computes, as questions for a student, with the
 * trace's answer and the working that leads to it, for one sample of the batch. z, a and δ are that
 * sample's; the loss, the gradients and the new values are the batch's, as the formulas show them.
 */
public final class PassQuestions {

    private final StepTrace trace;
    private final int sample;
    private final FormulaBuilder formulas;

    public PassQuestions(StepTrace trace, int sample) {
        this.trace = trace;
        this.sample = sample;
        this.formulas = new FormulaBuilder(trace, sample);
    }

    /**
     * Every question of the pass, in the pass's order: its sub-steps neuron by neuron (z and a layer
     * by layer, the loss, δ from the output layer back, each neuron's gradients, each neuron's new
     * values), each as {@link #of} lists it.
     */
    public List<Question> all() {
        List<Question> out = new ArrayList<>();
        trace.subSteps(Granularity.NEURON).forEach(step -> out.addAll(of(step)));
        return List.copyOf(out);
    }

    /**
     * What sub-step {@code step} computes, in the order it shows them: z then a of each neuron; the
     * loss; δ of each neuron; ∂E/∂w of each edge into each neuron, then its ∂E/∂b; each new weight,
     * then the new bias (when the lesson trains biases: a fixed bias's "new value" is no question).
     */
    public List<Question> of(SubStep step) {
        List<Question> out = new ArrayList<>();
        switch (step) {
            case ForwardNeuron(int layer, int neuron) -> forward(out, layer, neuron);
            case ForwardLayer(int layer) -> eachNeuron(layer, n -> forward(out, layer, n));
            case ComputeLoss() -> out.add(Question.loss());
            case BackwardNeuron(int layer, int neuron) -> delta(out, layer, neuron);
            case BackwardLayer(int layer) -> eachNeuron(layer, n -> delta(out, layer, n));
            // Batch normalisation's own numbers are shown, not asked: a once y is known, δ once it is through.
            case Normalise _ -> {
            }
            case ScaleAndShift(int layer) -> eachNeuron(layer, n -> out.add(Question.a(layer, n)));
            case BackwardNormalise(int layer) -> eachNeuron(layer, n -> out.add(Question.delta(layer, n)));
            case GradientsNeuron(int layer, int neuron) -> gradients(out, layer, neuron);
            case Gradients(int layer) -> eachNeuron(layer, n -> gradients(out, layer, n));
            case UpdateNeuron(int layer, int neuron) -> update(out, layer, neuron);
            case Update(int layer) -> eachNeuron(layer, n -> update(out, layer, n));
        }
        return out;
    }

    private void eachNeuron(int layer, IntConsumer action) {
        for (int n = 0; n < trace.layers().get(layer).size(); n++) {
            action.accept(n);
        }
    }

    /** z, then a, which a normalised layer only knows after its scale and shift. */
    private void forward(List<Question> out, int layer, int neuron) {
        out.add(Question.z(layer, neuron));
        if (!normalised(layer)) {
            out.add(Question.a(layer, neuron));
        }
    }

    /** δ, which a normalised layer only knows after the backward step through its normalisation. */
    private void delta(List<Question> out, int layer, int neuron) {
        if (!normalised(layer)) {
            out.add(Question.delta(layer, neuron));
        }
    }

    private boolean normalised(int layer) {
        return trace.layers().get(layer).batchNorm().isPresent();
    }

    private void gradients(List<Question> out, int layer, int neuron) {
        for (int i = 0; i < trace.layers().get(layer).inputSize(); i++) {
            out.add(Question.weightGradient(layer, neuron, i));
        }
        out.add(Question.biasGradient(layer, neuron));
    }

    private void update(List<Question> out, int layer, int neuron) {
        for (int i = 0; i < trace.layers().get(layer).inputSize(); i++) {
            out.add(Question.weight(layer, neuron, i));
        }
        if (trace.biasesTrained()) {
            out.add(Question.bias(layer, neuron));
        }
    }

    /** The number the trace recorded for the question: the right answer. */
    public double answer(Question question) {
        int l = question.layer();
        int n = question.neuron();
        return switch (question.quantity()) {
            case Z -> layer(l).z().get(n, sample);
            case A -> layer(l).a().get(n, sample);
            case LOSS -> trace.loss();
            case DELTA -> layer(l).delta().get(n, sample);
            case WEIGHT_GRADIENT -> layer(l).weightGradient().get(n, question.input());
            case BIAS_GRADIENT -> layer(l).biasGradient().get(n, 0);
            case WEIGHT -> layer(l).weightsAfter().get(n, question.input());
            case BIAS -> layer(l).biasesAfter().get(n, 0);
        };
    }

    /**
     * The working that computes the question's number: the formulas before it in full, then the one
     * whose result it is, last. A student shown the last {@link Formula#withBlankResult blanked}
     * has every number the answer is computed from.
     */
    public List<Formula> working(Question question) {
        int l = question.layer();
        int n = question.neuron();
        return switch (question.quantity()) {
            case Z -> List.of(formulas.forwardNeuron(l, n).getFirst());
            case A -> List.of(formulas.forwardNeuron(l, n).getLast());
            case LOSS -> dataLoss();
            case DELTA -> List.of(formulas.backwardNeuron(l, n));
            case WEIGHT_GRADIENT -> List.of(formulas.weightGradient(l, n, question.input()).getFirst());
            case BIAS_GRADIENT -> List.of(formulas.biasGradient(l, n));
            case WEIGHT -> weightUpdate(l, n, question.input());
            case BIAS -> formulas.biasUpdate(l, n);
        };
    }

    /**
     * The penalty's share of the gradient if any (∂J/∂w, after ∂E/∂w, which is a question of its
     * own), then the update: with a penalty, J = E + R shows up where it matters.
     */
    private List<Formula> weightUpdate(int layer, int neuron, int input) {
        List<Formula> gradient = formulas.weightGradient(layer, neuron, input);
        List<Formula> working = new ArrayList<>(gradient.subList(1, gradient.size()));
        working.addAll(formulas.weightUpdate(layer, neuron, input));
        return working;
    }

    /** The loss formulas up to the data loss E (a penalty's J = E + R is not what is asked). */
    private List<Formula> dataLoss() {
        List<Formula> out = new ArrayList<>();
        for (Formula formula : formulas.loss()) {
            out.add(formula);
            if (formula.caption() == Caption.LOSS || formula.caption() == Caption.MEAN_LOSS) {
                return out;
            }
        }
        throw new IllegalStateException("the loss formulas name no data loss");
    }

    private LayerTrace layer(int layer) {
        return trace.layers().get(layer);
    }

    public StepTrace trace() {
        return trace;
    }

    public int sample() {
        return sample;
    }
}
