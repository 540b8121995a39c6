package org.backproplab.trace;

import static org.backproplab.trace.Tokens.batchMeanSymbol;
import static org.backproplab.trace.Tokens.batchSum;
import static org.backproplab.trace.Tokens.concat;
import static org.backproplab.trace.Tokens.meanFactor;
import static org.backproplab.trace.Tokens.of;
import static org.backproplab.trace.Tokens.parenthesised;
import static org.backproplab.trace.Tokens.times;
import static org.backproplab.trace.Tokens.value;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.backproplab.trace.MathToken.Fraction;
import org.backproplab.trace.MathToken.Operator;
import org.backproplab.trace.MathToken.Root;
import org.backproplab.trace.MathToken.Symbol;

/**
 * Batch normalisation's working for one neuron of a normalised layer, with the batch's numbers:
 * μ and σ² over the batch and x̂ of the focused sample; y = γ·x̂ + β and a = f(y); backward, ∂E/∂γ,
 * ∂E/∂β and δ = γ/√(σ² + ε)·(δʸ − mean δʸ − x̂·mean(δʸ·x̂)) with δʸ = n·∂E/∂y; and the update of γ
 * and β. Means over the batch are written (1/B)·Σₛ, as the gradients are.
 */
final class BatchNormFormulas {

    private final Focus focus;
    private final Symbols symbols;

    BatchNormFormulas(Focus focus) {
        this.focus = focus;
        this.symbols = focus.symbols();
    }

    private BatchNormTrace traceOf(int layer) {
        return focus.layer(layer).batchNorm().orElseThrow(
                () -> new IllegalArgumentException("layer " + (layer + 1) + " does not normalise its batch"));
    }

    static Symbol mean(int layer, int neuron) {
        return new Symbol("μ", Symbols.index(neuron), Symbols.layerTag(layer));
    }

    static Symbol variance(int layer, int neuron) {
        return new Symbol("σ²", Symbols.index(neuron), Symbols.layerTag(layer));
    }

    static Symbol normalized(int layer, int neuron) {
        return new Symbol("x̂", Symbols.index(neuron), Symbols.layerTag(layer));
    }

    /** y, what the activation of a normalised neuron reads. */
    static Symbol output(int layer, int neuron) {
        return new Symbol("y", Symbols.index(neuron), Symbols.layerTag(layer));
    }

    /** δʸ = n·∂E/∂y. */
    static Symbol outputDelta(int layer, int neuron) {
        return new Symbol("δʸ", Symbols.index(neuron), Symbols.layerTag(layer));
    }

    static Symbol gamma(int layer, int neuron) {
        return new Symbol("γ", Symbols.index(neuron), Symbols.layerTag(layer));
    }

    static Symbol beta(int layer, int neuron) {
        return new Symbol("β", Symbols.index(neuron), Symbols.layerTag(layer));
    }

    /** μ, σ² and x̂ of one neuron. */
    List<Formula> normalise(int layer, int n) {
        BatchNormTrace bn = traceOf(layer);
        Matrix z = focus.layer(layer).z();
        Symbol zSymbol = symbols.z(layer, n);
        double mean = bn.mean().get(n, 0);
        double variance = bn.variance().get(n, 0);
        Formula meanFormula = Formula.equation(Caption.BATCH_MEAN, List.of(
                of(mean(layer, n)),
                concat(batchMeanSymbol(), of(zSymbol)),
                concat(meanFactor(focus.batchSize()), parenthesised(batchSum(perSample(s -> of(value(z.get(n, s))))))),
                of(value(mean))));
        Formula varianceFormula = Formula.equation(Caption.BATCH_VARIANCE, List.of(
                of(variance(layer, n)),
                concat(batchMeanSymbol(), of(Operator.OPEN, zSymbol, Operator.MINUS, mean(layer, n), Operator.CLOSE,
                        Operator.TIMES, Operator.OPEN, zSymbol, Operator.MINUS, mean(layer, n), Operator.CLOSE)),
                concat(meanFactor(focus.batchSize()), parenthesised(batchSum(perSample(s -> {
                    double deviation = z.get(n, s) - mean;
                    return of(value(deviation), Operator.TIMES, value(deviation));
                })))),
                of(value(variance))));
        Formula normalizedFormula = Formula.equation(Caption.NORMALIZED, List.of(
                of(normalized(layer, n)),
                of(new Fraction(of(zSymbol, Operator.MINUS, mean(layer, n)),
                        of(new Root(of(variance(layer, n), Operator.PLUS, new Symbol("ε")))))),
                of(new Fraction(of(value(focus.z(layer, n)), Operator.MINUS, value(mean)),
                        of(new Root(of(value(variance), Operator.PLUS, value(bn.epsilon())))))),
                of(value(focus.column(bn.normalized()).get(n, 0)))));
        return List.of(meanFormula, varianceFormula, normalizedFormula);
    }

    /** y = γ·x̂ + β of one neuron (its activation a = f(y) follows, from the forward formulas). */
    Formula scaleAndShift(int layer, int n) {
        BatchNormTrace bn = traceOf(layer);
        return Formula.equation(Caption.SCALE_SHIFT, List.of(
                of(output(layer, n)),
                of(gamma(layer, n), Operator.TIMES, normalized(layer, n), Operator.PLUS, beta(layer, n)),
                of(value(bn.gamma().get(n, 0)), Operator.TIMES, value(focus.column(bn.normalized()).get(n, 0)),
                        Operator.PLUS, value(bn.beta().get(n, 0))),
                of(value(focus.column(bn.output()).get(n, 0)))));
    }

    /** ∂E/∂β, ∂E/∂γ, δ through the normalisation, and why b learns nothing, for one neuron. */
    List<Formula> backward(int layer, int n) {
        BatchNormTrace bn = traceOf(layer);
        Matrix dy = bn.outputDelta();
        Matrix xHat = bn.normalized();
        double meanDelta = bn.betaGradient().get(n, 0);
        double meanDeltaTimesNormalized = bn.gammaGradient().get(n, 0);
        Formula betaGradient = Formula.equation(Caption.BETA_GRADIENT, List.of(
                of(symbols.gradient(beta(layer, n))),
                concat(batchMeanSymbol(), of(outputDelta(layer, n))),
                concat(meanFactor(focus.batchSize()), parenthesised(batchSum(perSample(s -> of(value(dy.get(n, s))))))),
                of(value(meanDelta))));
        Formula gammaGradient = Formula.equation(Caption.GAMMA_GRADIENT, List.of(
                of(symbols.gradient(gamma(layer, n))),
                concat(batchMeanSymbol(), of(outputDelta(layer, n), Operator.TIMES, normalized(layer, n))),
                concat(meanFactor(focus.batchSize()), parenthesised(batchSum(perSample(
                        s -> of(value(dy.get(n, s)), Operator.TIMES, value(xHat.get(n, s))))))),
                of(value(meanDeltaTimesNormalized))));
        double gammaValue = bn.gamma().get(n, 0);
        double variance = bn.variance().get(n, 0);
        Formula delta = Formula.equation(Caption.BATCH_NORM_DELTA, List.of(
                of(symbols.delta(layer, n)),
                times(of(new Fraction(of(gamma(layer, n)), of(new Root(of(variance(layer, n), Operator.PLUS, new Symbol("ε")))))),
                        parenthesised(of(outputDelta(layer, n), Operator.MINUS, symbols.gradient(beta(layer, n)), Operator.MINUS,
                                normalized(layer, n), Operator.TIMES, symbols.gradient(gamma(layer, n))))),
                times(of(new Fraction(of(value(gammaValue)), of(new Root(of(value(variance), Operator.PLUS, value(bn.epsilon())))))),
                        parenthesised(of(value(focus.column(dy).get(n, 0)), Operator.MINUS, value(meanDelta), Operator.MINUS,
                                value(focus.column(xHat).get(n, 0)), Operator.TIMES, value(meanDeltaTimesNormalized)))),
                of(value(focus.delta(layer, n)))));
        Matrix deltas = focus.layer(layer).delta();
        Formula biasGradient = Formula.equation(Caption.NORMALISED_BIAS_GRADIENT, List.of(
                of(symbols.gradient(symbols.bias(layer, n))),
                concat(batchMeanSymbol(), of(symbols.delta(layer, n))),
                concat(meanFactor(focus.batchSize()), parenthesised(batchSum(perSample(s -> of(value(deltas.get(n, s))))))),
                of(value(focus.layer(layer).biasGradient().get(n, 0)))));
        return List.of(betaGradient, gammaGradient, delta, biasGradient);
    }

    /** γ ← γ + Δγ and β ← β + Δβ of one neuron: the optimizer's step, taken like the weights'. */
    List<Formula> update(int layer, int n) {
        BatchNormTrace bn = traceOf(layer);
        return List.of(
                step(Caption.GAMMA_UPDATE, gamma(layer, n), bn.gamma().get(n, 0), bn.gammaAfter().get(n, 0)),
                step(Caption.BETA_UPDATE, beta(layer, n), bn.beta().get(n, 0), bn.betaAfter().get(n, 0)));
    }

    private static Formula step(Caption caption, Symbol parameter, double before, double after) {
        Symbol change = new Symbol("Δ" + parameter.base(), parameter.subscript(), parameter.superscript());
        return Formula.assignment(caption, List.of(
                of(parameter),
                of(parameter, Operator.PLUS, change),
                of(value(before), Operator.PLUS, value(after - before)),
                of(value(after))));
    }

    private List<List<MathToken>> perSample(IntFunction<List<MathToken>> term) {
        List<List<MathToken>> terms = new ArrayList<>();
        for (int s = 0; s < focus.batchSize(); s++) {
            terms.add(term.apply(s));
        }
        return terms;
    }
}
