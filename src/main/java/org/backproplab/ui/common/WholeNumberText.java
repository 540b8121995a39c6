package org.backproplab.ui.common;

import java.util.Locale;
import java.util.OptionalDouble;
import javafx.scene.control.Spinner;
import javafx.util.StringConverter;

/**
 * The text of a spinner of whole numbers. JavaFX's own converter throws on anything but digits
 * ("0.1", "1e400") and turns an empty field into no value at all, both out of the spinner's arrow
 * buttons, which read the field first: this one reads numbers as {@link NumberInput} does and
 * keeps the spinner's value for anything that is not a whole number, as if nothing was typed.
 */
public final class WholeNumberText extends StringConverter<Integer> {

    private final NumberInput numbers;
    private final Spinner<Integer> spinner;

    private WholeNumberText(Locale locale, Spinner<Integer> spinner) {
        this.numbers = new NumberInput(locale);
        this.spinner = spinner;
    }

    /** Gives {@code spinner} (its value factory already set) this converter. */
    public static void install(Spinner<Integer> spinner, Locale locale) {
        spinner.getValueFactory().setConverter(new WholeNumberText(locale, spinner));
    }

    @Override
    public String toString(Integer value) {
        return value == null ? "" : value.toString();
    }

    @Override
    public Integer fromString(String text) {
        OptionalDouble typed = numbers.parse(text == null ? "" : text);
        if (typed.isPresent() && typed.getAsDouble() == Math.rint(typed.getAsDouble())
                && Math.abs(typed.getAsDouble()) <= Integer.MAX_VALUE) {
            return (int) typed.getAsDouble();
        }
        return spinner.getValue();
    }
}
