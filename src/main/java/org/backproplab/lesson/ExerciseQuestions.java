package org.backproplab.lesson;

import java.util.ArrayList;
import java.util.List;
import org.backproplab.lesson.ExerciseQuestion.Quantity;
import org.backproplab.trace.Formula;
import org.backproplab.trace.FormulaBuilder;
import org.backproplab.trace.LayerTrace;
import org.backproplab.trace.StepTrace;

/**
 * Every question one traced step of one sample raises, in the order of the pass: each neuron's z
 * and a layer by layer, the loss, δ from the output layer back, each weight's and bias's gradient,
 * then each weight and bias after the update. Answers are the trace's numbers; the working is
 * {@link FormulaBuilder}'s, so a sheet's answer key reads like the worked example.
 */
final class ExerciseQuestions {

    private final StepTrace trace;
    private final FormulaBuilder formulas;
    private final List<ExerciseQuestion> questions = new ArrayList<>();

    private ExerciseQuestions(StepTrace trace) {
        if (trace.batchSize() != 1) {
            throw new IllegalArgumentException("an exercise is one sample's step, not a batch of " + trace.batchSize());
        }
        this.trace = trace;
        this.formulas = new FormulaBuilder(trace, 0);
    }

    static List<ExerciseQuestion> of(StepTrace trace) {
        return new ExerciseQuestions(trace).all();
    }

    private List<ExerciseQuestion> all() {
        int layers = trace.layers().size();
        for (int l = 0; l < layers; l++) {
            LayerTrace layer = trace.layers().get(l);
            for (int j = 0; j < layer.size(); j++) {
                List<Formula> forward = formulas.forwardNeuron(l, j);
                ask(Quantity.Z, l, j, -1, layer.z().get(j, 0), List.of(forward.get(0)));
                ask(Quantity.A, l, j, -1, layer.a().get(j, 0), List.of(forward.get(1)));
            }
        }
        // The data loss E; with a penalty, J = E + R shows up where it matters, in each weight's update.
        ask(Quantity.LOSS, -1, -1, -1, trace.loss(), List.of(formulas.loss().getFirst()));
        for (int l = layers - 1; l >= 0; l--) {
            LayerTrace layer = trace.layers().get(l);
            for (int j = 0; j < layer.size(); j++) {
                ask(Quantity.DELTA, l, j, -1, layer.delta().get(j, 0), List.of(formulas.backwardNeuron(l, j)));
            }
        }
        for (int l = 0; l < layers; l++) {
            LayerTrace layer = trace.layers().get(l);
            for (int j = 0; j < layer.size(); j++) {
                for (int i = 0; i < layer.inputSize(); i++) {
                    ask(Quantity.WEIGHT_GRADIENT, l, j, i, layer.weightGradient().get(j, i),
                            List.of(formulas.weightGradient(l, j, i).getFirst()));
                }
                ask(Quantity.BIAS_GRADIENT, l, j, -1, layer.biasGradient().get(j, 0), List.of(formulas.biasGradient(l, j)));
            }
        }
        for (int l = 0; l < layers; l++) {
            LayerTrace layer = trace.layers().get(l);
            for (int j = 0; j < layer.size(); j++) {
                for (int i = 0; i < layer.inputSize(); i++) {
                    ask(Quantity.WEIGHT, l, j, i, layer.weightsAfter().get(j, i), weightUpdate(l, j, i));
                }
                ask(Quantity.BIAS, l, j, -1, layer.biasesAfter().get(j, 0), formulas.biasUpdate(l, j));
            }
        }
        return List.copyOf(questions);
    }

    /** The penalty's share of the gradient if any (∂J/∂w, after ∂E/∂w, which is a question of its own), then the update. */
    private List<Formula> weightUpdate(int layer, int neuron, int input) {
        List<Formula> gradient = formulas.weightGradient(layer, neuron, input);
        List<Formula> working = new ArrayList<>(gradient.subList(1, gradient.size()));
        working.addAll(formulas.weightUpdate(layer, neuron, input));
        return working;
    }

    private void ask(Quantity quantity, int layer, int neuron, int input, double answer, List<Formula> working) {
        questions.add(new ExerciseQuestion(quantity, layer, neuron, input, answer, working));
    }
}
