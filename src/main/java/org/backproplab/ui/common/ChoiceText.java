package org.backproplab.ui.common;

import java.util.function.Function;
import javafx.util.StringConverter;

/**
 * How a choice box or combo box writes its choices (ids, enum values) in the user's language.
 * The boxes it serves cannot be typed into, so nothing is ever read back from text.
 */
public final class ChoiceText {

    private ChoiceText() {
    }

    /** Writes a choice as {@code text} says, and nothing for no choice. */
    public static <T> StringConverter<T> of(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T choice) {
                return choice == null ? "" : text.apply(choice);
            }

            @Override
            public T fromString(String typed) {
                return null;
            }
        };
    }
}
