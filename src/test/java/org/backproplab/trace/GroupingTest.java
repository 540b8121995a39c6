package org.backproplab.trace;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.backproplab.trace.MathToken.Operator;
import org.backproplab.trace.MathToken.Symbol;
import org.backproplab.trace.MathToken.Value;
import org.junit.jupiter.api.Test;

/** The bracket rules every notation shares: text, LaTeX and the typeset formulas on screen. */
class GroupingTest {

    @Test
    void aNegativeNumberIsBracketedOnlyAfterABinaryOperator() {
        Value negative = new Value(-0.0381);
        assertTrue(Grouping.parenthesised(negative, Operator.TIMES, 4));
        assertTrue(Grouping.parenthesised(negative, Operator.MINUS, 4));
        assertFalse(Grouping.parenthesised(negative, null, 4), "at the start");
        assertFalse(Grouping.parenthesised(negative, Operator.OPEN, 4), "right after an opening bracket");
        assertFalse(Grouping.parenthesised(new Value(0.0381), Operator.TIMES, 4));
    }

    @Test
    void notANumberHasNoSignToBracket() {
        assertFalse(Grouping.parenthesised(new Value(Double.NaN), Operator.TIMES, 4));
    }

    @Test
    void powerBasesAreBracketedUnlessOneBareAtom() {
        assertFalse(Grouping.powerBaseParenthesised(List.of(new Symbol("e")), 4));
        assertFalse(Grouping.powerBaseParenthesised(List.of(new Value(0.5)), 4));
        assertTrue(Grouping.powerBaseParenthesised(List.of(new Value(-0.5)), 4), "(−0.5)²");
        assertTrue(Grouping.powerBaseParenthesised(List.of(new Value(1.5e-7)), 4), "(1.5×10⁻⁷)²");
        assertTrue(Grouping.powerBaseParenthesised(
                List.of(new Symbol("t"), Operator.MINUS, new Symbol("o")), 4), "(t − o)²");
        assertTrue(Grouping.powerBaseParenthesised(List.of(new Symbol("a", "1", "(1)")), 4),
                "a superscripted symbol, so (a₁⁽¹⁾)² is not a₁ to the power (1)²");
    }
}
