package org.backproplab.engine;


import java.util.Optional;
import java.util.function.DoubleBinaryOperator;

/** A quantity computed from a point (x₁, x₂) and fed to the network as one input, as in TensorFlow Playground. */
public enum InputFeature implements LessonName {
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

    @Override
    public String id() {
        return id;
    }

    public static Optional<InputFeature> fromId(String id) {
        return LessonName.find(values(), id);
    }

    public double apply(double x1, double x2) {
        return formula.applyAsDouble(x1, x2);
    }
}
