package org.backproplab.trace;

import java.util.List;
import org.backproplab.trace.MathToken.MatrixValue;
import org.backproplab.trace.MathToken.Operator;
import org.backproplab.trace.MathToken.Root;
import org.backproplab.trace.MathToken.Symbol;
import org.backproplab.trace.MathToken.Value;

/**
 * Where a reader needs parentheses that the tokens do not spell out. One set of rules for every
 * way formulas are written (text, LaTeX, typeset on screen), so they never disagree about
 * whether 0.5·−0.04 gets its brackets.
 */
public final class Grouping {

    private Grouping() {
    }

    /** A negative number right after a binary operator: 0.5·(−0.04), but −0.5 at the start stays bare. */
    public static boolean parenthesised(Value value, MathToken previous, int digits) {
        return previous instanceof Operator op && op.parenthesisesNegatives() && isNegative(value, digits);
    }

    /**
     * Whether the tokens read as one unit when raised to a power or written as a fraction part:
     * one symbol, matrix or root, or one number that prints without a sign or a ×10ⁿ.
     */
    public static boolean isAtom(List<MathToken> tokens, int digits) {
        if (tokens.size() != 1) {
            return false;
        }
        return switch (tokens.getFirst()) {
            case Symbol _ -> true;
            case Value value -> !isNegative(value, digits) && !SignificantNumber.of(value.value(), digits).scientific();
            case MatrixValue _ -> true;
            case Root _ -> true;
            default -> false;
        };
    }

    /**
     * Whether a power's base needs brackets: anything but an atom, and also a symbol that already
     * carries a superscript, so (a₁⁽¹⁾)² never reads as a₁ to the power (1)².
     */
    public static boolean powerBaseParenthesised(List<MathToken> base, int digits) {
        return !isAtom(base, digits) || base.getFirst() instanceof Symbol symbol && !symbol.superscript().isEmpty();
    }

    /** Negative as written with this many digits (NaN has no sign to show). */
    static boolean isNegative(Value value, int digits) {
        SignificantNumber number = SignificantNumber.of(value.value(), digits);
        return number.negative() && number.special() != SignificantNumber.Special.NAN;
    }
}
