package org.backproplab.trace;

import static org.backproplab.trace.Tokens.applied;
import static org.backproplab.trace.Tokens.concat;
import static org.backproplab.trace.Tokens.of;
import static org.backproplab.trace.Tokens.parenthesised;
import static org.backproplab.trace.Tokens.sum;
import static org.backproplab.trace.Tokens.value;

import java.util.ArrayList;
import java.util.List;
import org.backproplab.trace.MathToken.Operator;
import org.backproplab.trace.MathToken.Power;
import org.backproplab.trace.MathToken.Symbol;

/**
 * The loss, written out term by term for the focused sample. A one-sample batch gets one formula
 * whose result is the trace's loss. A larger batch gets the focused sample's loss (its terms
 * computed from the trace's outputs and targets) and then the batch mean, whose result is the
 * trace's loss. A penalty adds J = E + R.
 */
final class LossFormulas {

    private final Focus focus;
    private final Symbols symbols;
    private final LossForm form;

    LossFormulas(Focus focus) {
        this.focus = focus;
        this.symbols = focus.symbols();
        this.form = LossForm.forId(focus.trace().lossFunction());
    }

    List<Formula> all() {
        StepTrace trace = focus.trace();
        int batch = focus.batchSize();
        List<Formula> formulas = new ArrayList<>();
        if (batch == 1) {
            formulas.add(sampleLoss(Caption.LOSS, trace.loss()));
        } else {
            formulas.add(sampleLoss(Caption.SAMPLE_LOSS, sampleValue(focus.sample())));
            formulas.add(mean());
        }
        if (focus.penalised()) {
            formulas.add(Formula.equation(Caption.TOTAL_LOSS, List.of(
                    of(new Symbol(Symbols.TOTAL)),
                    of(symbols.lossSymbol(), Operator.PLUS, new Symbol(Symbols.PENALTY)),
                    of(value(trace.loss()), Operator.PLUS, value(trace.penalty())),
                    of(value(trace.loss() + trace.penalty())))));
        }
        return formulas;
    }

    /** E = ½(t₁ − o₁)² + ½(t₂ − o₂)² = ½(0.01 − 0.7514)² + ½(0.99 − 0.7729)² = 0.2748 + 0.02356 = 0.2984 */
    private Formula sampleLoss(Caption caption, double result) {
        int last = focus.layerCount() - 1;
        int outputs = focus.layer(last).size();
        List<List<MathToken>> symbolTerms = new ArrayList<>();
        List<List<MathToken>> numberTerms = new ArrayList<>();
        List<List<MathToken>> termValues = new ArrayList<>();
        for (int k = 0; k < outputs; k++) {
            symbolTerms.add(form.term(of(symbols.target(k)), of(symbols.activation(last, k))));
            numberTerms.add(form.term(of(value(focus.target(k))), of(value(focus.activation(last, k)))));
            termValues.add(of(value(termValue(k, focus.sample()))));
        }
        List<List<MathToken>> sides = new ArrayList<>();
        sides.add(of(symbols.lossSymbol()));
        sides.add(form.combine(symbolTerms));
        sides.add(form.combine(numberTerms));
        if (outputs > 1) {
            sides.add(sum(termValues));
        }
        sides.add(of(value(result)));
        return Formula.equation(caption, sides);
    }

    /** E = (1/B)·Σₛ Eₛ = (1/3)·(0.2984 + 0.1 + 0.25) = 0.2161 */
    private Formula mean() {
        int batch = focus.batchSize();
        List<List<MathToken>> losses = new ArrayList<>();
        for (int s = 0; s < batch; s++) {
            losses.add(of(value(sampleValue(s))));
        }
        return Formula.equation(Caption.MEAN_LOSS, List.of(
                of(symbols.lossSymbol()),
                concat(Tokens.batchMeanSymbol(), of(new Symbol(symbols.loss(), "s", ""))),
                concat(Tokens.meanFactor(batch), parenthesised(Tokens.batchSum(losses))),
                of(value(focus.trace().loss()))));
    }

    private double sampleValue(int sample) {
        double sum = 0;
        for (int k = 0; k < focus.layer(focus.layerCount() - 1).size(); k++) {
            sum += termValue(k, sample);
        }
        return sum;
    }

    /**
     * What output k adds to sample s's loss, from the trace's z, o and t. Cross-entropies use z, as
     * the engine does, so a saturated output gives a large finite number rather than ln 0.
     */
    private double termValue(int k, int sample) {
        LayerTrace output = focus.layer(focus.layerCount() - 1);
        double t = focus.trace().targets().get(k, sample);
        double z = output.z().get(k, sample);
        return switch (form) {
            case SQUARED_ERROR -> {
                double diff = t - output.a().get(k, sample);
                yield 0.5 * diff * diff;
            }
            // −t·ln σ(z) − (1−t)·ln(1−σ(z)) = max(z,0) − t·z + ln(1 + e^−|z|)
            case BINARY_CROSS_ENTROPY -> Math.max(z, 0) - t * z + Math.log1p(Math.exp(-Math.abs(z)));
            // −t·ln softmax(z)ₖ = t·(ln Σⱼ e^(zⱼ) − zₖ)
            case SOFTMAX_CROSS_ENTROPY -> t * (logSumExp(output.z(), sample) - z);
        };
    }

    private static double logSumExp(Matrix z, int sample) {
        double max = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < z.rows(); r++) {
            max = Math.max(max, z.get(r, sample));
        }
        double sum = 0;
        for (int r = 0; r < z.rows(); r++) {
            sum += Math.exp(z.get(r, sample) - max);
        }
        return max + Math.log(sum);
    }

    /** The shape of one output's term, the same for symbols and numbers. */
    enum LossForm {
        /** ½(t − o)², terms added. */
        SQUARED_ERROR("squared-error") {
            @Override
            List<MathToken> term(List<MathToken> t, List<MathToken> o) {
                return of(Operator.HALF, new Power(concat(t, of(Operator.MINUS), o), of(value(2))));
            }
        },
        /** −[t·ln(o) + (1 − t)·ln(1 − o)], the bracket subtracted. */
        BINARY_CROSS_ENTROPY("binary-cross-entropy") {
            @Override
            List<MathToken> term(List<MathToken> t, List<MathToken> o) {
                return concat(of(Operator.OPEN_BRACKET), t, of(Operator.TIMES), applied("ln", o), of(Operator.PLUS),
                        parenthesised(concat(of(value(1), Operator.MINUS), t)), of(Operator.TIMES),
                        applied("ln", concat(of(value(1), Operator.MINUS), o)), of(Operator.CLOSE_BRACKET));
            }
        },
        /** −t·ln(o), each product subtracted. */
        SOFTMAX_CROSS_ENTROPY("softmax-cross-entropy") {
            @Override
            List<MathToken> term(List<MathToken> t, List<MathToken> o) {
                return concat(t, of(Operator.TIMES), applied("ln", o));
            }
        };

        private final String id;

        LossForm(String id) {
            this.id = id;
        }

        static LossForm forId(String id) {
            for (LossForm form : values()) {
                if (form.id.equals(id)) {
                    return form;
                }
            }
            throw new IllegalArgumentException("the trace names an unknown loss function '" + id + "'");
        }

        abstract List<MathToken> term(List<MathToken> t, List<MathToken> o);

        /** Squared error adds its terms; the cross-entropies negate theirs: −a − b. */
        List<MathToken> combine(List<List<MathToken>> terms) {
            return this == SQUARED_ERROR ? sum(terms) : concat(of(Operator.NEGATE), Tokens.joined(terms, Operator.MINUS));
        }

        /** Cross-entropy pairs (sigmoid + BCE, softmax + softmax-CE) simplify their output δ to o − t. */
        boolean cancelsOutputSlope() {
            return this != SQUARED_ERROR;
        }
    }
}
