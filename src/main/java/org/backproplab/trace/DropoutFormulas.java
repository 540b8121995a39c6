package org.backproplab.trace;

import static org.backproplab.trace.Tokens.concat;
import static org.backproplab.trace.Tokens.matrix;
import static org.backproplab.trace.Tokens.of;
import static org.backproplab.trace.Tokens.times;
import static org.backproplab.trace.Tokens.value;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.backproplab.trace.MathToken.Fraction;
import org.backproplab.trace.MathToken.Operator;
import org.backproplab.trace.MathToken.Symbol;

/**
 * Inverted dropout in the formulas, for a layer that dropped outputs in the traced step: forward
 * a = m·f(z)·1/(1 − p), with m the neuron's mask (1 kept, 0 dropped), and the factor m/(1 − p)
 * that δ picks up on the way back. f′ is taken at f(z) before the mask, never at the scaled a.
 */
final class DropoutFormulas {

    private final Focus focus;
    private final Symbols symbols;

    DropoutFormulas(Focus focus) {
        this.focus = focus;
        this.symbols = focus.symbols();
    }

    Optional<DropoutTrace> at(int layer) {
        return layer < 0 ? Optional.empty() : focus.layer(layer).dropout();
    }

    /** f(z) of the neuron before any mask: what the slope f′ is computed from. */
    double activated(int layer, int neuron) {
        return at(layer).map(d -> focus.column(d.activationBeforeDropout()).get(neuron, 0))
                .orElseGet(() -> focus.activation(layer, neuron));
    }

    /** a₁⁽¹⁾ = m₁⁽¹⁾·σ(z₁⁽¹⁾)·1/(1 − p) = 1·σ(0.3775)·1/(1 − 0.3) = 1·0.5933·1/(1 − 0.3) = 0.8476 */
    Formula activation(DropoutTrace dropout, ActivationForm f, int layer, int neuron) {
        Symbol z = focus.activationInputSymbol(layer, neuron);
        double zValue = focus.activationInput(layer, neuron);
        List<List<MathToken>> sides = new ArrayList<>();
        sides.add(of(symbols.activation(layer, neuron)));
        sides.add(scaled(of(mask(layer, neuron)), f.applied(of(z)), of(P)));
        List<MathToken> kept = of(value(focus.column(dropout.mask()).get(neuron, 0)));
        if (!f.isIdentity()) {
            sides.add(scaled(kept, f.applied(of(value(zValue))), of(value(dropout.rate()))));
        }
        sides.add(scaled(kept, of(value(activated(layer, neuron))), of(value(dropout.rate()))));
        sides.add(of(value(focus.activation(layer, neuron))));
        return Formula.equation(Caption.DROPOUT_ACTIVATION, sides);
    }

    /** a⁽¹⁾ = m⁽¹⁾ ⊙ f(z⁽¹⁾)·1/(1 − p) = [m] ⊙ [f(z)]·1/(1 − 0.3) = [a] */
    Formula layerActivation(DropoutTrace dropout, ActivationForm f, int layer) {
        return Formula.equation(Caption.DROPOUT_ACTIVATION, List.of(
                of(symbols.activationVector(layer, false, false)),
                concat(of(masks(layer), Operator.HADAMARD), times(f.applied(of(Symbols.zVector(layer))), of(keptScale(of(P))))),
                concat(of(matrix(focus.column(dropout.mask())), Operator.HADAMARD),
                        times(of(matrix(focus.column(dropout.activationBeforeDropout()))), of(keptScale(of(value(dropout.rate())))))),
                of(matrix(focus.column(focus.layer(layer).a())))));
    }

    /** m₁⁽¹⁾·1/(1 − p), the factor δ picks up where the forward pass masked; empty without dropout. */
    List<MathToken> deltaFactorSymbols(int layer, int neuron) {
        return at(layer).isEmpty() ? List.of() : of(mask(layer, neuron), Operator.TIMES, keptScale(of(P)));
    }

    /** 1·1/(1 − 0.3), or 0·1/(1 − 0.3) for a dropped neuron; empty without dropout. */
    List<MathToken> deltaFactorNumbers(int layer, int neuron) {
        return at(layer).map(d -> of(value(focus.column(d.mask()).get(neuron, 0)), Operator.TIMES,
                keptScale(of(value(d.rate()))))).orElse(List.of());
    }

    /** ⊙ m⁽¹⁾·1/(1 − p), the factor the layer's δ vector picks up where the forward pass masked; empty without dropout. */
    List<MathToken> layerDeltaFactorSymbols(int layer) {
        return at(layer).isEmpty() ? List.of() : concat(of(Operator.HADAMARD), times(of(masks(layer)), of(keptScale(of(P)))));
    }

    /** ⊙ [1; 0]·1/(1 − 0.3) with the layer's mask column; empty without dropout. */
    List<MathToken> layerDeltaFactorNumbers(int layer) {
        return at(layer).map(d -> concat(of(Operator.HADAMARD),
                times(of(matrix(focus.column(d.mask()))), of(keptScale(of(value(d.rate()))))))).orElse(List.of());
    }

    /** The symbol p. */
    private static final Symbol P = new Symbol("p");

    private static Symbol masks(int layer) {
        return new Symbol("m", "", Symbols.layerTag(layer));
    }

    private Symbol mask(int layer, int neuron) {
        return symbols.neuronLike("m", layer, neuron);
    }

    private static List<MathToken> scaled(List<MathToken> mask, List<MathToken> activated, List<MathToken> rate) {
        return times(times(mask, activated), of(keptScale(rate)));
    }

    /** 1/(1 − p) */
    private static Fraction keptScale(List<MathToken> rate) {
        return new Fraction(of(value(1)), concat(of(value(1), Operator.MINUS), rate));
    }
}
