package org.backproplab.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class NumberInputTest {

    private final NumberInput english = new NumberInput(Locale.ENGLISH);

    @Test
    void typedNumbersAreReadTheWayTheyAreWritten() {
        assertEquals(OptionalDouble.of(0.03), english.parse("0.03"));
        assertEquals(OptionalDouble.of(-1.5), english.parse(" −1.5 "), "a real minus sign, as the app writes it");
        assertEquals(OptionalDouble.of(-1.5), english.parse("-1.5"));
        assertEquals(OptionalDouble.of(0.0001), english.parse("1e-4"));
        assertEquals(OptionalDouble.of(0.03), new NumberInput(Locale.GERMANY).parse("0,03"), "the language's own comma");
    }

    @Test
    void anythingElseIsNotANumberRatherThanAGuess() {
        for (String typed : new String[] {"", "  ", "abc", "0.03x", "1.2.3", "NaN", "Infinity"}) {
            assertTrue(english.parse(typed).isEmpty(), "\"" + typed + "\" is not a number");
        }
    }
}
