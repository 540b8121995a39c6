package org.backproplab.trace;

import org.backproplab.trace.MathToken.Symbol;

/**
 * What the network's outputs and their targets are called wherever the app names them: o₁, o₂… for
 * the output layer's activations and t₁, t₂… for the targets, as in Mazur's worked example that the
 * formulas follow. The formulas, the graph's labels and the step-through overlays all take the names
 * from here, so a student never meets one letter on the graph and another in the working.
 */
public final class OutputNames {

    /** The letter of an output activation, as in o − t. */
    public static final String OUTPUT = "o";
    /** The letter of a target. */
    public static final String TARGET = "t";

    private OutputNames() {
    }

    /** Output neuron {@code neuron} (counting from 0) as text: o₁, o₂, …; the same with one output. */
    public static String output(int neuron) {
        return Notation.PLAIN.symbol(outputSymbol(neuron));
    }

    static Symbol outputSymbol(int neuron) {
        return new Symbol(OUTPUT, Symbols.index(neuron), "");
    }

    static Symbol targetSymbol(int neuron) {
        return new Symbol(TARGET, Symbols.index(neuron), "");
    }
}
