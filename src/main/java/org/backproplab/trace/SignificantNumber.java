package org.backproplab.trace;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * A number rounded to a chosen count of significant digits, the way a teacher writes it: trailing
 * zeros dropped (0.20 → 0.2), half rounded up, and scientific form only for tiny or huge magnitudes
 * (1.23×10⁻⁵), where a long run of zeros would hide the digits that matter. Always '.' as decimal
 * point: this layer is locale-independent and the UI may localise.
 */
public record SignificantNumber(boolean negative, String mantissa, int exponent, boolean scientific, Special special) {

    public static final int MIN_DIGITS = 1;
    public static final int MAX_DIGITS = 10;

    /** Values beneath this magnitude switch to scientific form: 0.0001 still reads fine, 0.00001 does not. */
    private static final int SMALLEST_PLAIN_EXPONENT = -4;
    /** Values of a million and more switch to scientific form. */
    private static final int LARGEST_PLAIN_EXPONENT = 5;

    /** A diverged network produces NaN and infinities; they must still render. */
    public enum Special {
        NONE, NAN, INFINITE
    }

    /**
     * Rounds {@code value} to {@code digits} significant digits.
     *
     * @throws IllegalArgumentException if digits is outside 1–10
     */
    public static SignificantNumber of(double value, int digits) {
        requireValidDigits(digits);
        if (Double.isNaN(value)) {
            return new SignificantNumber(false, "", 0, false, Special.NAN);
        }
        if (Double.isInfinite(value)) {
            return new SignificantNumber(value < 0, "", 0, false, Special.INFINITE);
        }
        if (value == 0) {
            return new SignificantNumber(false, "0", 0, false, Special.NONE);
        }
        // valueOf uses the shortest decimal that identifies the double, so 0.1385 rounds like the
        // 0.1385 a student sees, not like its binary neighbour 0.13849999….
        BigDecimal rounded = BigDecimal.valueOf(Math.abs(value)).round(new MathContext(digits, RoundingMode.HALF_UP));
        int exponent = rounded.precision() - rounded.scale() - 1;
        boolean scientific = exponent < SMALLEST_PLAIN_EXPONENT || exponent > LARGEST_PLAIN_EXPONENT;
        BigDecimal shown = scientific ? rounded.movePointLeft(exponent) : rounded;
        return new SignificantNumber(value < 0, shown.stripTrailingZeros().toPlainString(), exponent, scientific, Special.NONE);
    }

    /**
     * Returns {@code digits} if it is a count this formatter supports.
     *
     * @throws IllegalArgumentException naming the allowed range otherwise
     */
    public static int requireValidDigits(int digits) {
        if (digits < MIN_DIGITS || digits > MAX_DIGITS) {
            throw new IllegalArgumentException(
                    "significant digits must be between " + MIN_DIGITS + " and " + MAX_DIGITS + ", got " + digits);
        }
        return digits;
    }

    /** Unicode text: "0.3775", "−0.0381", "1.23×10⁻⁵". */
    public static String plain(double value, int digits) {
        return of(value, digits).toPlainText();
    }

    /** LaTeX math: "0.3775", "-0.0381", "1.23 \times 10^{-5}". */
    public static String latex(double value, int digits) {
        return of(value, digits).toLatex();
    }

    public String toPlainText() {
        String sign = negative ? "−" : "";
        return switch (special) {
            case NAN -> "NaN";
            case INFINITE -> sign + "∞";
            case NONE -> scientific
                    ? sign + mantissa + "×10" + Scripts.superscript(Integer.toString(exponent).replace('-', '−'))
                    : sign + mantissa;
        };
    }

    public String toLatex() {
        String sign = negative ? "-" : "";
        return switch (special) {
            case NAN -> "\\mathrm{NaN}";
            case INFINITE -> sign + "\\infty";
            case NONE -> scientific ? sign + mantissa + " \\times 10^{" + exponent + "}" : sign + mantissa;
        };
    }
}
