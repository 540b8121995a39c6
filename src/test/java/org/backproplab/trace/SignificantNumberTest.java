package org.backproplab.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SignificantNumberTest {

    @Test
    void roundsToTheChosenSignificantDigitsAndDropsTrailingZeros() {
        assertEquals("0.3775", SignificantNumber.plain(0.3775, 4));
        assertEquals("0.38", SignificantNumber.plain(0.3775, 2));
        assertEquals("0.2", SignificantNumber.plain(0.20, 4));
        assertEquals("0.35", SignificantNumber.plain(0.35, 8));
        assertEquals("1", SignificantNumber.plain(1.0, 4));
        assertEquals("1.106", SignificantNumber.plain(1.10590596705977, 4));
        assertEquals("0.082167041", SignificantNumber.plain(0.08216704056423077, 8));
        assertEquals("12350", SignificantNumber.plain(12345.0, 4));
    }

    @Test
    void roundsHalfUpOnTheDecimalAStudentSees() {
        // 0.1385 is stored as 0.13849999…; rounding the shown decimal gives 0.139, as on paper.
        assertEquals("0.139", SignificantNumber.plain(0.1385, 3));
        assertEquals("0.3", SignificantNumber.plain(0.25, 1));
    }

    @Test
    void negativeNumbersUseTheUnicodeMinusInTextAndAHyphenInLatex() {
        assertEquals("−0.0381", SignificantNumber.plain(-0.038098236516556236, 4));
        assertEquals("-0.0381", SignificantNumber.latex(-0.038098236516556236, 4));
    }

    @Test
    void tinyAndHugeNumbersSwitchToScientificForm() {
        assertEquals("1.23×10⁻⁵", SignificantNumber.plain(0.0000123, 4));
        assertEquals("1.23 \\times 10^{-5}", SignificantNumber.latex(0.0000123, 4));
        assertEquals("−4.505×10⁻⁵", SignificantNumber.plain(-0.00004505, 4));
        assertEquals("0.0004386", SignificantNumber.plain(0.0004385677, 4));
        assertEquals("1.23×10⁶", SignificantNumber.plain(1_234_567, 3));
        assertEquals("1×10⁻⁸", SignificantNumber.plain(1e-8, 4));
        assertTrue(SignificantNumber.of(0.0000123, 4).scientific());
    }

    @Test
    void zeroNegativeZeroAndDivergedValuesStillPrint() {
        assertEquals("0", SignificantNumber.plain(0.0, 4));
        assertEquals("0", SignificantNumber.plain(-0.0, 4));
        assertEquals("NaN", SignificantNumber.plain(Double.NaN, 4));
        assertEquals("−∞", SignificantNumber.plain(Double.NEGATIVE_INFINITY, 4));
        assertEquals("\\infty", SignificantNumber.latex(Double.POSITIVE_INFINITY, 4));
    }

    @Test
    void digitCountOutsideOneToTenIsRejectedWithItsRange() {
        IllegalArgumentException tooFew = assertThrows(IllegalArgumentException.class, () -> SignificantNumber.plain(1, 0));
        assertEquals("significant digits must be between 1 and 10, got 0", tooFew.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SignificantNumber.plain(1, 11));
        assertEquals("0.1234567891", SignificantNumber.plain(0.12345678912, 10));
    }
}
