package org.backproplab.trace;

/**
 * One weight's or bias's name as the formulas write it, w₁₂⁽¹⁾ or b₁⁽²⁾, for views that list
 * parameters one by one (the gradient check) and must match the step-through's notation.
 */
public final class ParameterNames {

    /** Only the layer and neuron indices enter a parameter's name; layer count and loss symbol do not. */
    private static final Symbols SYMBOLS = new Symbols(1, "E");

    private ParameterNames() {
    }

    /** wⱼᵢ⁽ˡ⁾ of the weight from input (or neuron) {@code input} of the layer below to {@code neuron}; indices from 0. */
    public static String weight(int layer, int neuron, int input) {
        return Notation.PLAIN.symbol(SYMBOLS.weight(layer, neuron, input));
    }

    /** γⱼ⁽ˡ⁾ of batch normalisation; indices from 0. */
    public static String gamma(int layer, int neuron) {
        return Notation.PLAIN.symbol(SYMBOLS.neuronLike("γ", layer, neuron));
    }

    /** βⱼ⁽ˡ⁾ of batch normalisation; indices from 0. */
    public static String beta(int layer, int neuron) {
        return Notation.PLAIN.symbol(SYMBOLS.neuronLike("β", layer, neuron));
    }

    /** bⱼ⁽ˡ⁾; indices from 0. */
    public static String bias(int layer, int neuron) {
        return Notation.PLAIN.symbol(SYMBOLS.bias(layer, neuron));
    }
}
