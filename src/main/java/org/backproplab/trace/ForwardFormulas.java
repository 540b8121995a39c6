package org.backproplab.trace;

import static org.backproplab.trace.Tokens.matrix;
import static org.backproplab.trace.Tokens.of;
import static org.backproplab.trace.Tokens.sum;
import static org.backproplab.trace.Tokens.times;
import static org.backproplab.trace.Tokens.value;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.backproplab.trace.MathToken.Fraction;
import org.backproplab.trace.MathToken.Operator;
import org.backproplab.trace.MathToken.Power;
import org.backproplab.trace.MathToken.Symbol;

/** z = Σ w·a + b and a = f(z), per neuron and as matrices, for the focused sample. */
final class ForwardFormulas {

    private final Focus focus;
    private final Symbols symbols;
    private final DropoutFormulas dropout;

    ForwardFormulas(Focus focus) {
        this.focus = focus;
        this.symbols = focus.symbols();
        this.dropout = new DropoutFormulas(focus);
    }

    /** z₁⁽¹⁾ = w₁₁⁽¹⁾·x₁ + w₁₂⁽¹⁾·x₂ + b₁⁽¹⁾ = 0.15·0.05 + 0.2·0.1 + 0.35 = 0.3775 */
    Formula weightedSum(int layer, int neuron) {
        focus.checkNeuron(layer, neuron);
        LayerTrace trace = focus.layer(layer);
        List<List<MathToken>> symbolTerms = new ArrayList<>();
        List<List<MathToken>> numberTerms = new ArrayList<>();
        for (int i = 0; i < trace.inputSize(); i++) {
            symbolTerms.add(of(symbols.weight(layer, neuron, i), Operator.TIMES, symbols.activation(layer - 1, i)));
            numberTerms.add(of(value(trace.weightsBefore().get(neuron, i)), Operator.TIMES, value(focus.activation(layer - 1, i))));
        }
        symbolTerms.add(of(symbols.bias(layer, neuron)));
        numberTerms.add(of(value(trace.biasesBefore().get(neuron, 0))));
        return Formula.equation(Caption.WEIGHTED_SUM, List.of(
                of(symbols.z(layer, neuron)), sum(symbolTerms), sum(numberTerms), of(value(focus.z(layer, neuron)))));
    }

    /** a₁⁽¹⁾ = σ(z₁⁽¹⁾) = 1/(1 + e^(−z₁⁽¹⁾)) = 1/(1 + e^(−0.3775)) = 0.5933 */
    Formula activation(int layer, int neuron) {
        focus.checkNeuron(layer, neuron);
        ActivationForm f = focus.function(layer);
        Symbol a = symbols.activation(layer, neuron);
        if (f == ActivationForm.SOFTMAX) {
            return softmax(layer, neuron);
        }
        Optional<DropoutTrace> dropped = dropout.at(layer);
        if (dropped.isPresent()) {
            return dropout.activation(dropped.get(), f, layer, neuron);
        }
        Symbol z = focus.activationInputSymbol(layer, neuron);
        double zValue = focus.activationInput(layer, neuron);
        List<List<MathToken>> sides = new ArrayList<>();
        sides.add(of(a));
        sides.add(f.applied(of(z)));
        List<MathToken> definition = f.definition(of(z), of(Operator.NEGATE, z));
        if (!definition.isEmpty()) {
            sides.add(definition);
            sides.add(f.definition(of(value(zValue)), of(value(-zValue))));
        } else if (!f.isIdentity()) {
            sides.add(f.applied(of(value(zValue))));
        }
        sides.add(of(value(focus.activation(layer, neuron))));
        return Formula.equation(Caption.ACTIVATION, sides);
    }

    /** o₁ = e^(z₁⁽²⁾)/Σₖ e^(zₖ⁽²⁾) = e^(1.1)/(e^(1.1) + e^(1.2)) = 0.475 */
    private Formula softmax(int layer, int neuron) {
        String tag = Symbols.layerTag(layer);
        List<List<MathToken>> exponentials = new ArrayList<>();
        for (int k = 0; k < focus.layer(layer).size(); k++) {
            exponentials.add(of(exp(value(focus.z(layer, k)))));
        }
        return Formula.equation(Caption.ACTIVATION, List.of(
                of(symbols.activation(layer, neuron)),
                of(new Fraction(of(exp(symbols.z(layer, neuron))), of(new Symbol("Σ", "k", ""), exp(new Symbol("z", "k", tag))))),
                of(new Fraction(of(exp(value(focus.z(layer, neuron)))), sum(exponentials))),
                of(value(focus.activation(layer, neuron)))));
    }

    private static Power exp(MathToken exponent) {
        return new Power(of(Tokens.EULER), of(exponent));
    }

    /** w₁₂⁽¹⁾·x₂ = 0.2·0.1 = 0.02: what one edge adds to its neuron's weighted sum. */
    Formula edgeSignal(int layer, int neuron, int input) {
        focus.checkEdge(layer, neuron, input);
        double w = focus.layer(layer).weightsBefore().get(neuron, input);
        double a = focus.activation(layer - 1, input);
        return Formula.equation(Caption.EDGE_SIGNAL, List.of(
                times(of(symbols.weight(layer, neuron, input)), of(symbols.activation(layer - 1, input))),
                times(of(value(w)), of(value(a))),
                of(value(w * a))));
    }

    /** z⁽¹⁾ = W⁽¹⁾·x + b⁽¹⁾ = [W]·[x] + [b] = [z], then a⁽¹⁾ = σ(z⁽¹⁾) = σ([z]) = [a]. */
    List<Formula> layerMatrix(int layer) {
        LayerTrace trace = focus.layer(layer);
        Symbol z = Symbols.zVector(layer);
        Matrix zValues = focus.column(trace.z());
        Formula weightedSum = Formula.equation(Caption.WEIGHTED_SUM, List.of(
                of(z),
                of(Symbols.weights(layer), Operator.TIMES, symbols.activationVector(layer - 1, false, false),
                        Operator.PLUS, Symbols.biases(layer)),
                of(matrix(trace.weightsBefore()), Operator.TIMES, matrix(focus.column(focus.activations(layer - 1))),
                        Operator.PLUS, matrix(trace.biasesBefore())),
                of(matrix(zValues))));
        if (focus.normalised(layer)) {
            // a = f(y) waits for batch normalisation's own sub-steps.
            return List.of(weightedSum);
        }
        ActivationForm f = focus.function(layer);
        Optional<DropoutTrace> dropped = dropout.at(layer);
        if (dropped.isPresent()) {
            return List.of(weightedSum, dropout.layerActivation(dropped.get(), f, layer));
        }
        List<List<MathToken>> sides = new ArrayList<>();
        sides.add(of(symbols.activationVector(layer, false, false)));
        sides.add(f.applied(of(z)));
        if (!f.isIdentity()) {
            sides.add(f.applied(of(matrix(zValues))));
        }
        sides.add(of(matrix(focus.column(trace.a()))));
        return List.of(weightedSum, Formula.equation(Caption.ACTIVATION, sides));
    }

    /** z then a of one neuron; only z for a normalised one, whose a = f(y) comes after the normalisation. */
    List<Formula> neuron(int layer, int neuron) {
        return focus.normalised(layer) ? List.of(weightedSum(layer, neuron))
                : List.of(weightedSum(layer, neuron), activation(layer, neuron));
    }
}
