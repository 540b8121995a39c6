package org.backproplab.training;

import org.backproplab.engine.InputFeature;

/**
 * How an input feature is written on screen and in formulas: the mathematical notation a teacher
 * writes on the board (x₁², sin(x₂)), not the ASCII id a lesson file uses. Notation is the same in
 * every language, so it lives here rather than in a resource bundle.
 */
public final class FeatureLabel {

    private FeatureLabel() {
    }

    public static String of(InputFeature feature) {
        return switch (feature) {
            case X1 -> "x₁";
            case X2 -> "x₂";
            case X1_SQUARED -> "x₁²";
            case X2_SQUARED -> "x₂²";
            case X1_TIMES_X2 -> "x₁x₂";
            case SIN_X1 -> "sin(x₁)";
            case SIN_X2 -> "sin(x₂)";
        };
    }
}
