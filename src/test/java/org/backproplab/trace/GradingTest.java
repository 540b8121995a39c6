package org.backproplab.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A typed answer is right when it agrees with the trace to the digits shown, ±1 in the last. */
class GradingTest {

    @Test
    void agreesToTheShownDigitsGiveOrTakeOneInTheLast() {
        // 0.3775 at four digits: 0.3774 to 0.3776 are right, 0.3773 and 0.38 are not.
        assertTrue(Grading.agrees(0.3775, 0.3775, 4));
        assertTrue(Grading.agrees(0.3776, 0.3775, 4));
        assertTrue(Grading.agrees(0.3774, 0.3775, 4));
        assertTrue(Grading.agrees(0.37751, 0.3775, 4));
        assertFalse(Grading.agrees(0.3773, 0.3775, 4));
        assertFalse(Grading.agrees(0.38, 0.3775, 4));
        // The same numbers at two digits: 0.3775 is shown as 0.38, so 0.37 to 0.39 are right.
        assertTrue(Grading.agrees(0.38, 0.3775, 2));
        assertTrue(Grading.agrees(0.37, 0.3775, 2));
        assertFalse(Grading.agrees(0.36, 0.3775, 2));
        // Mazur's out_o1 at six digits and at one.
        assertTrue(Grading.agrees(0.751365, 0.75136507, 6));
        assertFalse(Grading.agrees(0.7514, 0.75136507, 6));
        assertTrue(Grading.agrees(0.8, 0.75136507, 1));
        assertFalse(Grading.agrees(0.6, 0.75136507, 1));
    }

    @Test
    void negativeNumbersAreGradedLikePositiveOnes() {
        assertTrue(Grading.agrees(-0.0381, -0.038098, 3));
        assertTrue(Grading.agrees(-0.0380, -0.038098, 3));
        assertFalse(Grading.agrees(0.0381, -0.038098, 3));
        assertFalse(Grading.agrees(-0.0378, -0.038098, 3));
    }

    @Test
    void aTruthOfZeroAcceptsOnlyZero() {
        assertTrue(Grading.agrees(0, 0, 4));
        assertTrue(Grading.agrees(-0.0, 0, 4));
        assertFalse(Grading.agrees(0.0001, 0, 4));
        assertFalse(Grading.agrees(1e-9, 0, 1));
    }

    @Test
    void numbersNearAPowerOfTenCountTheLastDigitOfWhatIsShown() {
        // 0.0999 at three digits is 0.0999: 0.1 is one unit (0.0001) away, 0.1002 three.
        assertTrue(Grading.agrees(0.1, 0.0999, 3));
        assertTrue(Grading.agrees(0.0998, 0.0999, 3));
        assertFalse(Grading.agrees(0.1002, 0.0999, 3));
        // At one digit it is shown as 0.1, and both 0.1 and 0.0999 agree with it.
        assertTrue(Grading.agrees(0.1, 0.0999, 1));
        assertTrue(Grading.agrees(0.0999, 0.0999, 1));
        // 0.09996 rounds up to 0.100 at three digits: the last shown digit is the thousandth.
        assertTrue(Grading.agrees(0.101, 0.09996, 3));
        assertFalse(Grading.agrees(0.102, 0.09996, 3));
        // A short exact value, 0.5 at four digits, is 0.5000: 0.5001 is right, 0.501 is not.
        assertTrue(Grading.agrees(0.5001, 0.5, 4));
        assertFalse(Grading.agrees(0.501, 0.5, 4));
    }

    @Test
    void largeAndTinyNumbersUseTheirOwnLastDigit() {
        assertTrue(Grading.agrees(1240000, 1234567, 3));
        assertFalse(Grading.agrees(1250000, 1234567, 3));
        assertTrue(Grading.agrees(1.23e-5, 1.2345e-5, 3));
        assertFalse(Grading.agrees(1.25e-5, 1.2345e-5, 3));
    }

    @Test
    void nanAndInfinitiesAgreeWithNothing() {
        assertFalse(Grading.agrees(Double.NaN, Double.NaN, 4));
        assertFalse(Grading.agrees(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 4));
        assertFalse(Grading.agrees(1, Double.NaN, 4));
    }

    @Test
    void typedTextIsReadAsANumberOrRefusedWithItsReason() {
        assertEquals(new TypedNumber.Number(0.3775), TypedNumber.parse(" 0.3775 "));
        assertEquals(new TypedNumber.Number(-0.0381), TypedNumber.parse("−0.0381"));
        assertEquals(new TypedNumber.Number(-0.0381), TypedNumber.parse("-0,0381"));
        assertEquals(new TypedNumber.Number(1.2e-5), TypedNumber.parse("1.2e-5"));
        assertEquals(new TypedNumber.Number(0.5), TypedNumber.parse(".5"));
        assertEquals(new TypedNumber.Unreadable(TypedNumber.Problem.EMPTY), TypedNumber.parse("  "));
        assertEquals(new TypedNumber.Unreadable(TypedNumber.Problem.EMPTY), TypedNumber.parse(null));
        for (String junk : new String[] {"abc", "NaN", "Infinity", "0x1p3", "1d", "1.2.3", "1,2,3", "--1", "e5"}) {
            assertEquals(new TypedNumber.Unreadable(TypedNumber.Problem.NOT_A_NUMBER), TypedNumber.parse(junk), junk);
        }
        assertEquals(new TypedNumber.Unreadable(TypedNumber.Problem.TOO_LARGE), TypedNumber.parse("1e400"));
        assertEquals(new TypedNumber.Unreadable(TypedNumber.Problem.TOO_LARGE), TypedNumber.parse("-1e400"));
    }
}
