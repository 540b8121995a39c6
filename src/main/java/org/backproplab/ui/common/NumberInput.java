package org.backproplab.ui.common;

import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Numbers typed by a user: in the language's own way (0,03 in German) or the programmer's (0.03),
 * with a real minus sign or a hyphen, and in scientific notation (1e-4). Anything else is not a
 * number, and nothing is guessed from the part that was.
 */
public final class NumberInput {

    private final Locale locale;

    public NumberInput(Locale locale) {
        this.locale = locale;
    }

    public OptionalDouble parse(String text) {
        String typed = text.strip().replace('−', '-');
        if (typed.isEmpty()) {
            return OptionalDouble.empty();
        }
        try {
            return finite(Double.parseDouble(typed));
        } catch (NumberFormatException notPlain) {
            NumberFormat format = NumberFormat.getNumberInstance(locale);
            ParsePosition position = new ParsePosition(0);
            Number number = format.parse(typed, position);
            return number == null || position.getIndex() != typed.length() ? OptionalDouble.empty()
                    : finite(number.doubleValue());
        }
    }

    private static OptionalDouble finite(double value) {
        return Double.isFinite(value) ? OptionalDouble.of(value) : OptionalDouble.empty();
    }
}
