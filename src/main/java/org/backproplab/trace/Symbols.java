package org.backproplab.trace;

import java.util.List;
import java.util.Locale;
import org.backproplab.trace.MathToken.Fraction;
import org.backproplab.trace.MathToken.Symbol;

/**
 * The names students see, with 1-based indices: layer superscript (1) is the first layer after the
 * inputs, neuron subscript 1 the first neuron of its layer. Inputs are x₁, x₂…; the output layer's
 * activations are o₁, o₂… (what the loss compares with the targets t₁, t₂…, both named by
 * {@link OutputNames}, which the UI shares); hidden activations are aₙ⁽ˡ⁾. A weight wⱼᵢ⁽ˡ⁾ goes from neuron (or input) i of the layer below to neuron j; its indices
 * get a comma once either has two digits (w₁₂,₃).
 *
 * @param layerCount how many layers the network has, to know which is the output layer
 * @param loss       the loss symbol: E for squared error (as in Mazur's example), L for cross-entropy
 */
record Symbols(int layerCount, String loss) {

    static Symbols of(StepTrace trace) {
        return new Symbols(trace.layers().size(), trace.lossFunction().equals("squared-error") ? "E" : "L");
    }

    /** J = E + R, the loss the optimizer minimises when a penalty is on. */
    static final String TOTAL = "J";
    static final String PENALTY = "R";

    boolean isOutput(int layer) {
        return layer == layerCount - 1;
    }

    static String layerTag(int layer) {
        return "(" + (layer + 1) + ")";
    }

    static String index(int n) {
        return Integer.toString(n + 1);
    }

    static String pair(int j, int i) {
        return j < 9 && i < 9 ? index(j) + index(i) : index(j) + "," + index(i);
    }

    Symbol weight(int layer, int neuron, int input) {
        return weightLike("w", layer, neuron, input);
    }

    /** A per-weight quantity named like the weight: g, v, m̂, Δw… */
    Symbol weightLike(String base, int layer, int neuron, int input) {
        return new Symbol(base, pair(neuron, input), layerTag(layer));
    }

    Symbol bias(int layer, int neuron) {
        return neuronLike("b", layer, neuron);
    }

    Symbol neuronLike(String base, int layer, int neuron) {
        return new Symbol(base, index(neuron), layerTag(layer));
    }

    Symbol z(int layer, int neuron) {
        return neuronLike("z", layer, neuron);
    }

    Symbol delta(int layer, int neuron) {
        return neuronLike("δ", layer, neuron);
    }

    /** The activation of neuron n of layer l; layer −1 means the inputs. */
    Symbol activation(int layer, int neuron) {
        if (layer < 0) {
            return new Symbol("x", index(neuron), "");
        }
        return isOutput(layer) ? OutputNames.outputSymbol(neuron) : neuronLike("a", layer, neuron);
    }

    Symbol target(int neuron) {
        return OutputNames.targetSymbol(neuron);
    }

    Symbol lossSymbol() {
        return new Symbol(loss);
    }

    /** ∂E/∂θ (or ∂J/∂θ, ∂R/∂θ) for the symbol θ. */
    static Fraction partial(String of, Symbol by) {
        return new Fraction(List.of(new Symbol("∂" + of)), List.of(new Symbol("∂" + by.base(), by.subscript(), by.superscript())));
    }

    Fraction gradient(Symbol by) {
        return partial(loss, by);
    }

    // Whole layers, for the matrix form. A capital letter marks a batch (one column per sample).

    static Symbol weights(int layer) {
        return new Symbol("W", "", layerTag(layer));
    }

    static Symbol transposedWeights(int layer) {
        return new Symbol("W", "", layerTag(layer) + "T");
    }

    static Symbol biases(int layer) {
        return new Symbol("b", "", layerTag(layer));
    }

    static Symbol zVector(int layer) {
        return new Symbol("z", "", layerTag(layer));
    }

    static Symbol deltaVector(int layer) {
        return new Symbol("δ", "", layerTag(layer));
    }

    static Symbol deltaBatch(int layer) {
        return new Symbol("Δ", "", layerTag(layer));
    }

    static Symbol targetVector() {
        return new Symbol(OutputNames.TARGET);
    }

    /** a⁽ˡ⁾ (x for the inputs, o for the output layer), transposed if asked, a batch if asked. */
    Symbol activationVector(int layer, boolean batch, boolean transposed) {
        String t = transposed ? "T" : "";
        if (layer < 0) {
            return new Symbol(batch ? "X" : "x", "", t);
        }
        String base = isOutput(layer) ? OutputNames.OUTPUT : "a";
        String tag = isOutput(layer) ? "" : layerTag(layer);
        return new Symbol(batch ? base.toUpperCase(Locale.ROOT) : base, "", tag + t);
    }
}
