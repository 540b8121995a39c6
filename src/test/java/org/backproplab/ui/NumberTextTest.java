package org.backproplab.ui;

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
}
