package org.backproplab.engine;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.backproplab.trace.Grading;
import org.backproplab.trace.LayerTrace;
import org.backproplab.trace.Matrix;
import org.backproplab.trace.PassQuestions;
import org.backproplab.trace.Question;
import org.backproplab.trace.StepTrace;

/**
 * What each classic {@link Mistake} gives for a number of a recorded pass: the pass's own numbers
 * before it, with one step done wrong. Everything earlier is taken as right, since a student who
 * answered it wrong was shown the right value before going on.
 */
public final class MistakenAnswers {

    private final PassQuestions questions;
    private final StepTrace trace;
    private final int sample;

    public MistakenAnswers(PassQuestions questions) {
        this.questions = questions;
        this.trace = questions.trace();
        this.sample = questions.sample();
    }

    /**
     * The mistake that explains {@code answer}, if one does: the first (in {@link Mistake}'s order)
     * whose number agrees with it by {@link Grading#agrees}. A right answer has none, and a mistake
     * that gives the right number too (no bias to forget when b = 0) is never named.
     */
    public Optional<Mistake> explain(Question question, double answer, int digits) {
        double truth = questions.answer(question);
        if (Grading.agrees(answer, truth, digits)) {
            return Optional.empty();
        }
        return of(question).entrySet().stream()
                .filter(mistake -> !Grading.agrees(mistake.getValue(), truth, digits))
                .filter(mistake -> Grading.agrees(answer, mistake.getValue(), digits))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    /** Each mistake that can be made in working out the question, and the number it gives. */
    public Map<Mistake, Double> of(Question question) {
        Map<Mistake, Double> out = new EnumMap<>(Mistake.class);
        int l = question.layer();
        int n = question.neuron();
        switch (question.quantity()) {
            case Z -> {
                LayerTrace layer = layer(l);
                double z = layer.z().get(n, sample);
                if (l > 0) {
                    out.put(Mistake.Z_FOR_A, weightedSum(layer.weightsBefore(), n, layer(l - 1).z()) + bias(layer, n));
                }
                out.put(Mistake.FORGOTTEN_BIAS, z - bias(layer, n));
            }
            case A -> out.put(Mistake.Z_FOR_A, layer(l).z().get(n, sample));
            case DELTA -> delta(out, l, n);
            case WEIGHT_GRADIENT -> {
                if (l > 0) {
                    out.put(Mistake.Z_FOR_A, batchMean(layer(l).delta(), n, layer(l - 1).z(), question.input()));
                }
            }
            case BIAS_GRADIENT -> {
                // ∂E/∂b is δ itself (averaged over the batch): a δ already checked leaves no classic slip.
            }
            case WEIGHT -> withoutLearningRate(out, layer(l).weightsBefore().get(n, question.input()),
                    layer(l).weightStep().get(n, question.input()));
            case BIAS -> {
                double before = layer(l).biasesBefore().get(n, 0);
                withoutLearningRate(out, before, layer(l).biasStep().get(n, 0));
                out.put(Mistake.FORGOTTEN_BIAS, before);
            }
            case LOSS -> {
                // No classic slip of the loss is named (yet): ½ forgotten is one candidate.
            }
        }
        return out;
    }

    private void delta(Map<Mistake, Double> out, int l, int n) {
        LayerTrace layer = layer(l);
        Activation f = Activation.fromId(layer.activation()).orElseThrow();
        double z = layer.z().get(n, sample);
        double a = layer.a().get(n, sample);
        boolean output = l == trace.layers().size() - 1;
        if (output) {
            double error = a - trace.targets().get(n, sample);
            out.put(Mistake.FLIPPED_ERROR_SIGN, -layer.delta().get(n, sample));
            boolean slopeCancels = Loss.fromId(trace.lossFunction()).orElseThrow().requiredOutput().isPresent();
            if (!slopeCancels && f != Activation.SOFTMAX) {
                slopeMistakes(out, f, error, z, a);
            }
            return;
        }
        if (f == Activation.SOFTMAX) {
            return;
        }
        LayerTrace above = layer(l + 1);
        double upstream = backSum(above.weightsBefore(), above.delta(), n);
        slopeMistakes(out, f, upstream, z, a);
        out.put(Mistake.NEW_WEIGHT_IN_HIDDEN_DELTA, backSum(above.weightsAfter(), above.delta(), n) * f.slope(z, a));
    }

    /** δ = g·f′(z) with f′ left out, taken at a, or written with z where its formula has a. */
    private static void slopeMistakes(Map<Mistake, Double> out, Activation f, double upstream, double z, double a) {
        out.put(Mistake.FORGOTTEN_DERIVATIVE, upstream);
        out.put(Mistake.A_FOR_Z, upstream * f.derivative(a));
        out.put(Mistake.Z_FOR_A, upstream * f.slope(z, z));
    }

    /** θ + Δθ/η: plain gradient descent's step without η. Other optimizers' steps are not −η·g, so not named. */
    private void withoutLearningRate(Map<Mistake, Double> out, double before, double step) {
        if (trace.optimizer().equals(new OptimizerSettings.Sgd(1).id()) && trace.learningRate() != 0) {
            out.put(Mistake.FORGOTTEN_LEARNING_RATE, before + step / trace.learningRate());
        }
    }

    /** Σᵢ w_{n,i}·v_i of the focused sample's column of {@code values}. */
    private double weightedSum(Matrix weights, int n, Matrix values) {
        double sum = 0;
        for (int i = 0; i < weights.cols(); i++) {
            sum += weights.get(n, i) * values.get(i, sample);
        }
        return sum;
    }

    /** Σₖ w_{k,n}·δ_k: what flows back to neuron n of the layer below. */
    private double backSum(Matrix weights, Matrix deltas, int n) {
        double sum = 0;
        for (int k = 0; k < weights.rows(); k++) {
            sum += weights.get(k, n) * deltas.get(k, sample);
        }
        return sum;
    }

    /** Mean over the batch of δ_n·v_i, as the trace's gradients are. */
    private static double batchMean(Matrix deltas, int n, Matrix values, int i) {
        double sum = 0;
        for (int s = 0; s < deltas.cols(); s++) {
            sum += deltas.get(n, s) * values.get(i, s);
        }
        return sum / deltas.cols();
    }

    private static double bias(LayerTrace layer, int n) {
        return layer.biasesBefore().get(n, 0);
    }

    private LayerTrace layer(int l) {
        return trace.layers().get(l);
    }
}
