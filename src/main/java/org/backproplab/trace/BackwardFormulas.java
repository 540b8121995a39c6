package org.backproplab.trace;

import static org.backproplab.trace.Tokens.concat;
import static org.backproplab.trace.Tokens.groupedIfSum;
import static org.backproplab.trace.Tokens.matrix;
import static org.backproplab.trace.Tokens.of;
import static org.backproplab.trace.Tokens.parenthesised;
import static org.backproplab.trace.Tokens.sum;
import static org.backproplab.trace.Tokens.times;
import static org.backproplab.trace.Tokens.value;

import java.util.ArrayList;
import java.util.List;
import org.backproplab.trace.LossFormulas.LossForm;
import org.backproplab.trace.MathToken.Operator;
import org.backproplab.trace.MathToken.Symbol;

/**
 * δ = ∂L/∂z for the focused sample: the output error, then (Σ w·δ)·f′(z) back through the hidden
 * layers, per neuron and as matrices. Slopes f′ are shown as the intermediate numbers a student
 * multiplies; δ itself is always the trace's.
 */
final class BackwardFormulas {

    private final Focus focus;
    private final Symbols symbols;
    private final LossForm loss;
    private final DropoutFormulas dropout;

    BackwardFormulas(Focus focus) {
        this.focus = focus;
        this.symbols = focus.symbols();
        this.dropout = new DropoutFormulas(focus);
        this.loss = LossForm.forId(focus.trace().lossFunction());
    }

    Formula neuron(int layer, int neuron) {
        focus.checkNeuron(layer, neuron);
        return focus.isOutput(layer) ? outputDelta(layer, neuron) : hiddenDelta(layer, neuron);
    }

    /**
     * δ₁⁽²⁾ = (o₁ − t₁)·o₁·(1 − o₁) = (0.7514 − 0.01)·0.7514·(1 − 0.7514) = 0.1385; just o − t for
     * the cross-entropy pairs, and the softmax Jacobian product for squared error on softmax.
     */
    private Formula outputDelta(int layer, int n) {
        Symbol o = symbols.activation(layer, n);
        Symbol t = symbols.target(n);
        double oValue = focus.activation(layer, n);
        List<MathToken> error = of(o, Operator.MINUS, t);
        List<MathToken> errorNumbers = of(value(oValue), Operator.MINUS, value(focus.target(n)));
        List<MathToken> result = of(value(focus.delta(layer, n)));
        Symbol delta = symbols.delta(layer, n);
        if (loss.cancelsOutputSlope()) {
            return Formula.equation(Caption.OUTPUT_DELTA, List.of(of(delta), error, errorNumbers, result));
        }
        ActivationForm f = focus.function(layer);
        if (f == ActivationForm.SOFTMAX) {
            return softmaxSquaredErrorDelta(layer, n);
        }
        Symbol z = symbols.z(layer, n);
        double zValue = focus.z(layer, n);
        return Formula.equation(Caption.OUTPUT_DELTA, List.of(
                of(delta),
                times(parenthesised(error), f.slopeSymbols(o, z)),
                times(parenthesised(errorNumbers), f.slopeNumbers(oValue, zValue)),
                result)).when(f.slopeCondition(z, zValue));
    }

    /** δₙ = oₙ·((oₙ − tₙ) − Σₖ oₖ·(oₖ − tₖ)): the softmax Jacobian applied to ∂E/∂o = o − t. */
    private Formula softmaxSquaredErrorDelta(int layer, int n) {
        List<List<MathToken>> weighted = new ArrayList<>();
        for (int k = 0; k < focus.layer(layer).size(); k++) {
            weighted.add(times(of(value(focus.activation(layer, k))),
                    parenthesised(of(value(focus.activation(layer, k)), Operator.MINUS, value(focus.target(k))))));
        }
        Symbol ok = new Symbol(OutputNames.OUTPUT, "k", "");
        List<MathToken> sumSymbols = of(new Symbol("Σ", "k", ""), ok, Operator.TIMES,
                Operator.OPEN, ok, Operator.MINUS, new Symbol(OutputNames.TARGET, "k", ""), Operator.CLOSE);
        return Formula.equation(Caption.OUTPUT_DELTA, List.of(
                of(symbols.delta(layer, n)),
                times(of(symbols.activation(layer, n)), parenthesised(concat(
                        parenthesised(of(symbols.activation(layer, n), Operator.MINUS, symbols.target(n))),
                        of(Operator.MINUS), sumSymbols))),
                times(of(value(focus.activation(layer, n))), parenthesised(concat(
                        parenthesised(of(value(focus.activation(layer, n)), Operator.MINUS, value(focus.target(n)))),
                        of(Operator.MINUS), parenthesised(sum(weighted))))),
                of(value(focus.delta(layer, n)))));
    }

    /**
     * δ₁⁽¹⁾ = (w₁₁⁽²⁾·δ₁⁽²⁾ + w₂₁⁽²⁾·δ₂⁽²⁾)·a₁⁽¹⁾·(1 − a₁⁽¹⁾) = (0.4·0.1385 + 0.5·(−0.03810))·0.5933·(1 − 0.5933) = 0.008771,
     * with the weights as they were before this step's update.
     */
    private Formula hiddenDelta(int layer, int j) {
        LayerTrace above = focus.layer(layer + 1);
        List<List<MathToken>> symbolTerms = new ArrayList<>();
        List<List<MathToken>> numberTerms = new ArrayList<>();
        for (int k = 0; k < above.size(); k++) {
            symbolTerms.add(of(symbols.weight(layer + 1, k, j), Operator.TIMES, symbols.delta(layer + 1, k)));
            numberTerms.add(of(value(above.weightsBefore().get(k, j)), Operator.TIMES, value(focus.delta(layer + 1, k))));
        }
        ActivationForm f = focus.function(layer);
        // A normalised neuron's activation read y: this is δʸ, and batch normalisation's backward step makes δ of it.
        Symbol z = focus.activationInputSymbol(layer, j);
        double zValue = focus.activationInput(layer, j);
        // Through dropout, δ picks up the mask and 1/(1 − p), and f′ is taken at f(z) before the mask,
        // or at f(y) on a layer that normalises too, since there the activation read y.
        List<MathToken> sent = withFactor(groupedIfSum(symbolTerms), dropout.deltaFactorSymbols(layer, j));
        List<MathToken> sentNumbers = withFactor(groupedIfSum(numberTerms), dropout.deltaFactorNumbers(layer, j));
        Symbol activated = dropout.at(layer).isPresent()
                ? new Symbol(focus.normalised(layer) ? "f(y)" : "f(z)", "", "") : symbols.activation(layer, j);
        return Formula.equation(Caption.HIDDEN_DELTA, List.of(
                of(focus.activationDeltaSymbol(layer, j)),
                times(sent, f.slopeSymbols(activated, z)),
                times(sentNumbers, f.slopeNumbers(dropout.activated(layer, j), zValue)),
                of(value(focus.activationDelta(layer, j))))).when(f.slopeCondition(z, zValue));
    }

    private static List<MathToken> withFactor(List<MathToken> sent, List<MathToken> factor) {
        return factor.isEmpty() ? sent : times(sent, factor);
    }

    /** The whole layer's δ as vectors: (o − t) ⊙ f′(z), o − t, or (Wᵀ·δ) ⊙ f′(z), with ⊙ m·1/(1 − p) through dropout. */
    Formula layerMatrix(int layer) {
        LayerTrace trace = focus.layer(layer);
        Symbol deltaVector = Symbols.deltaVector(layer);
        Matrix delta = focus.column(trace.delta());
        ActivationForm f = focus.function(layer);
        List<MathToken> slopeSymbols = Tokens.applied(f.slopeName(), of(Symbols.zVector(layer)));
        if (focus.normalised(layer)) {
            deltaVector = new Symbol("δʸ", "", Symbols.layerTag(layer));
            delta = focus.column(trace.batchNorm().orElseThrow().outputDelta());
            slopeSymbols = Tokens.applied(f.slopeName(), of(new Symbol("y", "", Symbols.layerTag(layer))));
        }
        if (!focus.isOutput(layer)) {
            LayerTrace above = focus.layer(layer + 1);
            // Through dropout, δ picks up the mask and 1/(1 − p) here too; the slopes are f′ at f(z) before the mask.
            return Formula.equation(Caption.HIDDEN_DELTA, List.of(
                    of(deltaVector),
                    concat(parenthesised(of(Symbols.transposedWeights(layer + 1), Operator.TIMES, Symbols.deltaVector(layer + 1))),
                            dropout.layerDeltaFactorSymbols(layer), of(Operator.HADAMARD), slopeSymbols),
                    concat(of(Operator.OPEN, matrix(Matrices.transposed(above.weightsBefore())), Operator.TIMES,
                            matrix(focus.column(above.delta())), Operator.CLOSE), dropout.layerDeltaFactorNumbers(layer),
                            of(Operator.HADAMARD, matrix(slopes(layer)))),
                    of(matrix(delta))));
        }
        Symbol o = symbols.activationVector(layer, false, false);
        Matrix outputs = focus.column(trace.a());
        Matrix targets = focus.column(focus.trace().targets());
        List<MathToken> error = of(o, Operator.MINUS, Symbols.targetVector());
        List<MathToken> errorNumbers = of(matrix(outputs), Operator.MINUS, matrix(targets));
        if (loss.cancelsOutputSlope()) {
            return Formula.equation(Caption.OUTPUT_DELTA, List.of(of(deltaVector), error, errorNumbers, of(matrix(delta))));
        }
        if (f == ActivationForm.SOFTMAX) {
            double projection = 0;
            for (int k = 0; k < outputs.rows(); k++) {
                projection += outputs.get(k, 0) * (outputs.get(k, 0) - targets.get(k, 0));
            }
            return Formula.equation(Caption.OUTPUT_DELTA, List.of(
                    of(deltaVector),
                    concat(of(o, Operator.HADAMARD), parenthesised(concat(parenthesised(error), of(Operator.MINUS,
                            new Symbol(OutputNames.OUTPUT, "", "T"), Operator.TIMES), parenthesised(error)))),
                    concat(of(matrix(outputs), Operator.HADAMARD),
                            parenthesised(concat(parenthesised(errorNumbers), of(Operator.MINUS, value(projection))))),
                    of(matrix(delta))));
        }
        return Formula.equation(Caption.OUTPUT_DELTA, List.of(
                of(deltaVector),
                concat(parenthesised(error), of(Operator.HADAMARD), slopeSymbols),
                concat(parenthesised(errorNumbers), of(Operator.HADAMARD, matrix(slopes(layer)))),
                of(matrix(delta))));
    }

    /** f′(z) of every neuron of the layer for the focused sample. */
    private Matrix slopes(int layer) {
        ActivationForm f = focus.function(layer);
        double[] out = new double[focus.layer(layer).size()];
        for (int n = 0; n < out.length; n++) {
            out[n] = f.slope(dropout.activated(layer, n), focus.activationInput(layer, n));
        }
        return Matrix.column(out);
    }
}
