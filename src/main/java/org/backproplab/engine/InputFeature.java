package org.backproplab.engine;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.DoubleBinaryOperator;

/** A quantity computed from a point (x₁, x₂) and fed to the network as one input, as in TensorFlow Playground. */
public enum InputFeature {
    X1("x1", (x1, x2) -> x1),
    X2("x2", (x1, x2) -> x2),
    X1_SQUARED("x1^2", (x1, x2) -> x1 * x1),
    X2_SQUARED("x2^2", (x1, x2) -> x2 * x2),
    X1_TIMES_X2("x1*x2", (x1, x2) -> x1 * x2),
    SIN_X1("sin(x1)", (x1, x2) -> Math.sin(x1)),
    SIN_X2("sin(x2)", (x1, x2) -> Math.sin(x2));

    private final String id;
    private final DoubleBinaryOperator formula;

    InputFeature(String id, DoubleBinaryOperator formula) {
        this.id = id;
        this.formula = formula;
    }

    /** The name used in lesson files. */
    public String id() {
        return id;
    }

    public static Optional<InputFeature> fromId(String id) {
        String wanted = id.replace(" ", "");
        return Arrays.stream(values()).filter(f -> f.id.equals(wanted)).findFirst();
    }

    public double apply(double x1, double x2) {
        return formula.applyAsDouble(x1, x2);
    }
}
