package org.backproplab.trace;

import java.util.regex.Pattern;

/**
 * What a student typed where a number was asked: a finite number, or why it is not one. Decimal
 * point or comma, the minus of the formulas (−) or of the keyboard, and e-notation (1.2e-5) are all
 * read; NaN, infinities and anything else are not numbers a pass computes, so they are refused.
 */
public sealed interface TypedNumber {

    /** Digits, an optional point and an optional exponent; no NaN, Infinity, hex or type suffix as Java would take. */
    Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    /** A finite number. */
    record Number(double value) implements TypedNumber {
    }

    /** Not an answer, and why. */
    record Unreadable(Problem problem) implements TypedNumber {
    }

    enum Problem {
        /** Nothing typed. */
        EMPTY,
        /** Letters, two points, NaN… */
        NOT_A_NUMBER,
        /** Beyond the largest double, e.g. 1e400. */
        TOO_LARGE
    }

    /** Reads what was typed; never throws. */
    static TypedNumber parse(String typed) {
        String text = typed == null ? "" : typed.strip().replace('−', '-').replace('–', '-').replace(" ", "");
        if (text.isEmpty()) {
            return new Unreadable(Problem.EMPTY);
        }
        if (text.indexOf('.') < 0 && text.chars().filter(c -> c == ',').count() == 1) {
            text = text.replace(',', '.');
        }
        if (!DECIMAL.matcher(text).matches()) {
            return new Unreadable(Problem.NOT_A_NUMBER);
        }
        double value = Double.parseDouble(text);
        return Double.isInfinite(value) ? new Unreadable(Problem.TOO_LARGE) : new Number(value);
    }
}
