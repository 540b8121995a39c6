package org.backproplab.ui.common;

import java.text.NumberFormat;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Numbers as a teacher writes them: a fixed number of decimals, the language's separators, and a
 * real minus sign (−, not the hyphen -) so negative values read clearly from the back of the room.
 */
public final class NumberText {

    private static final String MISSING = "—";
    private static final Pattern NEGATIVE_ZERO = Pattern.compile("-0([.,]0*)?");

    private final Locale locale;
    /**
     * Formats by number of decimals, and the percent format, made once: the graph, status line and
     * chart write dozens of numbers a frame while training, and a new NumberFormat (and a compiled
     * pattern) per number showed in the FX thread's allocation profile. Guarded by {@code this}, as
     * a NumberFormat is not safe to share between threads.
     */
    private final Map<Integer, NumberFormat> fixedFormats = new HashMap<>();
    private NumberFormat percentFormat;

    public NumberText(Locale locale) {
        this.locale = locale;
    }

    /** {@code value} with exactly {@code decimals} decimals; a dash for a value that is not a number. */
    public String fixed(double value, int decimals) {
        if (!Double.isFinite(value)) {
            return Double.isNaN(value) ? MISSING : (value > 0 ? "∞" : "−∞");
        }
        String text;
        synchronized (this) {
            NumberFormat format = fixedFormats.computeIfAbsent(decimals, places -> {
                NumberFormat made = NumberFormat.getNumberInstance(locale);
                made.setMinimumFractionDigits(places);
                made.setMaximumFractionDigits(places);
                return made;
            });
            text = format.format(value == 0 ? 0.0 : value);
        }
        // Rounding to zero must not leave "−0.00" behind.
        return NEGATIVE_ZERO.matcher(text).matches() ? text.substring(1) : text.replace('-', '−');
    }

    /**
     * {@code value} to three significant digits, so a loss keeps its meaning as it shrinks
     * (0.965, 0.0341, 0.000213) instead of collapsing to 0.000.
     */
    public String significant(double value) {
        if (!Double.isFinite(value) || value == 0) {
            return fixed(value, 0);
        }
        int decimals = Math.max(0, 2 - (int) Math.floor(Math.log10(Math.abs(value))));
        return fixed(value, decimals);
    }

    /**
     * A value a user picked or typed, with the decimals it has (up to eight) and no grouping, so
     * it reads back the same: 0.003, 1, 10, −1.25.
     */
    public String plain(double value) {
        if (!Double.isFinite(value)) {
            return fixed(value, 0);
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(8);
        format.setGroupingUsed(false);
        String text = format.format(value == 0 ? 0.0 : value);
        return text.equals("-0") ? "0" : text.replace('-', '−');
    }

    /**
     * {@code value} to three significant digits, switching to powers of ten below 0.001 so that a
     * tiny gradient or loss stays short and readable: 0.0341, 5.93 × 10⁻⁹.
     */
    public String compact(double value) {
        if (!Double.isFinite(value) || value == 0 || Math.abs(value) >= 0.001) {
            return significant(value);
        }
        int exponent = (int) Math.floor(Math.log10(Math.abs(value)));
        double mantissa = value / Math.pow(10, exponent);
        if (Math.abs(Math.round(mantissa * 100) / 100.0) >= 10) {
            mantissa /= 10;
            exponent++;
        }
        return fixed(mantissa, 2) + " × " + powerOfTen(exponent);
    }

    /** 10 to a whole power, the power a superscript: 10⁻⁶, 10⁰, 10² (a log axis's decades). */
    public String powerOfTen(int exponent) {
        StringBuilder text = new StringBuilder("10");
        for (char c : Integer.toString(exponent).toCharArray()) {
            text.append(c == '-' ? '⁻' : "⁰¹²³⁴⁵⁶⁷⁸⁹".charAt(c - '0'));
        }
        return text.toString();
    }

    /** A fraction in [0, 1] as a whole percentage. */
    public String percent(double fraction) {
        if (!Double.isFinite(fraction)) {
            return MISSING;
        }
        synchronized (this) {
            if (percentFormat == null) {
                percentFormat = NumberFormat.getPercentInstance(locale);
            }
            return percentFormat.format(fraction);
        }
    }

    /** An axis tick: as many decimals as the tick step needs, none for whole numbers. */
    public String tick(double value, double step) {
        int decimals = Math.max(0, (int) Math.ceil(-Math.log10(step) - 1e-9));
        return fixed(value, decimals);
    }
}
