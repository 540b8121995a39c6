package org.backproplab.trace;

import static org.backproplab.trace.Tokens.batchMeanSymbol;
import static org.backproplab.trace.Tokens.batchSum;
import static org.backproplab.trace.Tokens.concat;
import static org.backproplab.trace.Tokens.matrix;
import static org.backproplab.trace.Tokens.meanFactor;
import static org.backproplab.trace.Tokens.meanFactorSymbol;
import static org.backproplab.trace.Tokens.of;
import static org.backproplab.trace.Tokens.parenthesised;
import static org.backproplab.trace.Tokens.times;
import static org.backproplab.trace.Tokens.value;

import java.util.ArrayList;
import java.util.List;
import org.backproplab.trace.MathToken.Operator;
import org.backproplab.trace.MathToken.Symbol;

/**
 * ∂E/∂w = δ·a and ∂E/∂b = δ. The trace's gradients are batch means, so a batch of more than one
 * sample shows (1/B)·Σₛ over every sample (not only the focused one); the result is always the
 * trace's gradient. With a penalty, ∂J/∂w = ∂E/∂w + ∂R/∂w follows.
 */
final class GradientFormulas {

    private final Focus focus;
    private final Symbols symbols;

    GradientFormulas(Focus focus) {
        this.focus = focus;
        this.symbols = focus.symbols();
    }

    /** ∂E/∂w₁₁⁽²⁾ = δ₁⁽²⁾·a₁⁽¹⁾ = 0.1385·0.5933 = 0.08217, then ∂J/∂w if a penalty is on. */
    List<Formula> weight(int layer, int j, int i) {
        focus.checkEdge(layer, j, i);
        LayerTrace trace = focus.layer(layer);
        Symbol w = symbols.weight(layer, j, i);
        List<MathToken> product = times(of(symbols.delta(layer, j)), of(symbols.activation(layer - 1, i)));
        List<List<MathToken>> sides = new ArrayList<>();
        sides.add(of(symbols.gradient(w)));
        if (focus.batchSize() == 1) {
            sides.add(product);
            sides.add(times(of(value(focus.delta(layer, j))), of(value(focus.activation(layer - 1, i)))));
        } else {
            Matrix below = focus.activations(layer - 1);
            List<List<MathToken>> terms = new ArrayList<>();
            for (int s = 0; s < focus.batchSize(); s++) {
                terms.add(times(of(value(trace.delta().get(j, s))), of(value(below.get(i, s)))));
            }
            sides.add(concat(batchMeanSymbol(), product));
            sides.add(concat(meanFactor(focus.batchSize()), parenthesised(batchSum(terms))));
        }
        double gradient = trace.weightGradient().get(j, i);
        sides.add(of(value(gradient)));
        List<Formula> formulas = new ArrayList<>(List.of(Formula.equation(Caption.WEIGHT_GRADIENT, sides)));
        if (focus.penalised()) {
            double penalty = trace.penaltyGradient().get(j, i);
            formulas.add(Formula.equation(Caption.REGULARIZED_GRADIENT, List.of(
                    of(Symbols.partial(Symbols.TOTAL, w)),
                    of(symbols.gradient(w), Operator.PLUS, Symbols.partial(Symbols.PENALTY, w)),
                    of(value(gradient), Operator.PLUS, value(penalty)),
                    of(value(gradient + penalty)))));
        }
        return formulas;
    }

    /** ∂E/∂b₁⁽²⁾ = δ₁⁽²⁾ = 0.1385 */
    Formula bias(int layer, int j) {
        focus.checkNeuron(layer, j);
        LayerTrace trace = focus.layer(layer);
        List<List<MathToken>> sides = new ArrayList<>();
        sides.add(of(symbols.gradient(symbols.bias(layer, j))));
        if (focus.batchSize() == 1) {
            sides.add(of(symbols.delta(layer, j)));
        } else {
            List<List<MathToken>> terms = new ArrayList<>();
            for (int s = 0; s < focus.batchSize(); s++) {
                terms.add(of(value(trace.delta().get(j, s))));
            }
            sides.add(concat(batchMeanSymbol(), of(symbols.delta(layer, j))));
            sides.add(concat(meanFactor(focus.batchSize()), parenthesised(batchSum(terms))));
        }
        sides.add(of(value(trace.biasGradient().get(j, 0))));
        return Formula.equation(Caption.BIAS_GRADIENT, sides);
    }

    /** ∂E/∂W⁽ˡ⁾ = δ⁽ˡ⁾·a⁽ˡ⁻¹⁾ᵀ and ∂E/∂b⁽ˡ⁾ = δ⁽ˡ⁾ with the matrices; (1/B)·Δ·Aᵀ for a batch. */
    List<Formula> layerMatrix(int layer) {
        LayerTrace trace = focus.layer(layer);
        Matrix below = focus.activations(layer - 1);
        List<Formula> formulas = new ArrayList<>();
        Symbol weights = Symbols.weights(layer);
        Symbol biases = Symbols.biases(layer);
        if (focus.batchSize() == 1) {
            formulas.add(Formula.equation(Caption.WEIGHT_GRADIENT, List.of(
                    of(symbols.gradient(weights)),
                    of(Symbols.deltaVector(layer), Operator.TIMES, symbols.activationVector(layer - 1, false, true)),
                    of(matrix(trace.delta()), Operator.TIMES, matrix(Matrices.transposed(below))),
                    of(matrix(trace.weightGradient())))));
            formulas.add(Formula.equation(Caption.BIAS_GRADIENT, List.of(
                    of(symbols.gradient(biases)), of(Symbols.deltaVector(layer)), of(matrix(trace.biasGradient())))));
        } else {
            int batch = focus.batchSize();
            formulas.add(Formula.equation(Caption.WEIGHT_GRADIENT, List.of(
                    of(symbols.gradient(weights)),
                    concat(meanFactorSymbol(), of(Symbols.deltaBatch(layer), Operator.TIMES,
                            symbols.activationVector(layer - 1, true, true))),
                    concat(meanFactor(batch), of(matrix(trace.delta()), Operator.TIMES, matrix(Matrices.transposed(below)))),
                    of(matrix(trace.weightGradient())))));
            List<List<MathToken>> columns = new ArrayList<>();
            for (int s = 0; s < batch; s++) {
                columns.add(of(matrix(Matrices.column(trace.delta(), s))));
            }
            formulas.add(Formula.equation(Caption.BIAS_GRADIENT, List.of(
                    of(symbols.gradient(biases)),
                    concat(batchMeanSymbol(), of(new Symbol("δ", "s", Symbols.layerTag(layer)))),
                    concat(meanFactor(batch), parenthesised(batchSum(columns))),
                    of(matrix(trace.biasGradient())))));
        }
        if (focus.penalised()) {
            formulas.add(Formula.equation(Caption.REGULARIZED_GRADIENT, List.of(
                    of(Symbols.partial(Symbols.TOTAL, weights)),
                    of(symbols.gradient(weights), Operator.PLUS, Symbols.partial(Symbols.PENALTY, weights)),
                    of(matrix(trace.weightGradient()), Operator.PLUS, matrix(trace.penaltyGradient())),
                    of(matrix(Matrices.combined(trace.weightGradient(), trace.penaltyGradient(), Double::sum))))));
        }
        return formulas;
    }
}
