package org.backproplab.trace;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * When a number a student worked out counts as the trace's: it agrees to the significant digits
 * shown, give or take one in the last of them, since a student rounding intermediate results by
 * hand lands one off as often as not. The one rule every quiz and check of typed answers uses.
 */
public final class Grading {

    private Grading() {
    }

    /**
     * Whether {@code answer} agrees with {@code truth} shown to {@code digits} significant digits,
     * within one unit of the last digit shown. 0.0999 to three digits is 0.0999, so 0.1 (0.1000) is
     * one unit off and right; to one digit it is 0.1, and so is 0.0999. A truth of exactly 0 is
     * shown as 0 and has no last digit: only 0 agrees with it. NaN and infinities agree with nothing.
     */
    public static boolean agrees(double answer, double truth, int digits) {
        SignificantNumber.requireValidDigits(digits);
        if (!Double.isFinite(answer) || !Double.isFinite(truth)) {
            return false;
        }
        if (truth == 0) {
            return answer == 0;
        }
        // Decimal arithmetic, like SignificantNumber: 0.3775 is compared as the 0.3775 shown.
        BigDecimal shown = BigDecimal.valueOf(truth).round(new MathContext(digits, RoundingMode.HALF_UP));
        BigDecimal lastDigit = BigDecimal.ONE.movePointLeft(shown.scale());
        if (shown.precision() < digits) {
            // A rounding that carried (0.09996 → 0.100) keeps its trailing zeros in the scale already;
            // one that is shorter than asked (an exact 0.5) counts its last digit at the asked place.
            lastDigit = BigDecimal.ONE.movePointLeft(shown.scale() + digits - shown.precision());
        }
        return BigDecimal.valueOf(answer).subtract(shown).abs().compareTo(lastDigit) <= 0;
    }
}
