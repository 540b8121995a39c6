package org.backproplab.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class NumberTextTest {

    private final NumberText numbers = new NumberText(Locale.ENGLISH);

    @Test
    void negativeNumbersUseARealMinusSign() {
        assertEquals("−0.27", numbers.fixed(-0.2749, 2));
        assertEquals("1.50", numbers.fixed(1.5, 2));
    }

    @Test
    void aValueThatRoundsToZeroHasNoSign() {
        assertEquals("0.00", numbers.fixed(-0.001, 2));
    }

    @Test
    void lossesKeepThreeSignificantDigitsAsTheyShrink() {
        assertEquals("0.965", numbers.significant(0.96512));
        assertEquals("0.000213", numbers.significant(0.0002134));
        assertEquals("12.3", numbers.significant(12.34));
        assertEquals("0", numbers.significant(0));
    }

    @Test
    void missingValuesAreADashNotNaN() {
        assertEquals("—", numbers.fixed(Double.NaN, 3));
        assertEquals("—", numbers.percent(Double.NaN));
        assertEquals("75%", numbers.percent(0.75));
    }

    @Test
    void ticksShowOnlyTheDecimalsTheStepNeeds() {
        assertEquals("−4", numbers.tick(-4, 2));
        assertEquals("−1.5", numbers.tick(-1.5, 0.5));
        assertEquals("0", numbers.tick(0, 1));
    }

    @Test
    void tinyValuesReadAsPowersOfTen() {
        assertEquals("0.0341", numbers.compact(0.03412));
        assertEquals("5.93 × 10⁻⁹", numbers.compact(5.9312e-9));
        assertEquals("−1.00 × 10⁻⁴", numbers.compact(-9.9999e-5), "rounding up moves to the next power");
        assertEquals("0", numbers.compact(0));
    }

    @Test
    void typedValuesReadBackAsTyped() {
        assertEquals("0.003", numbers.plain(0.003));
        assertEquals("10", numbers.plain(10));
        assertEquals("−1.25", numbers.plain(-1.25));
        assertEquals("0.00001", numbers.plain(1e-5));
    }
}
