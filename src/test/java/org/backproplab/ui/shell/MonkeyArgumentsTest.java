package org.backproplab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MonkeyArgumentsTest {

    @Test
    void secondsAndASeedInEitherOrder() {
        Monkey.Arguments given = Monkey.Arguments.parse(List.of("600", "--seed", "17"));
        assertEquals(600, given.seconds());
        assertEquals(17, given.seed());
        assertEquals(given, Monkey.Arguments.parse(List.of("--seed", "17", "600")));
        assertEquals(-3, Monkey.Arguments.parse(List.of("1", "--seed", "-3")).seed());
    }

    @Test
    void badArgumentsAreExplainedNotGuessed() {
        assertMessage(List.of(), "usage: --monkey SECONDS [--seed S]");
        assertMessage(List.of("ten"), "SECONDS must be a number, got \"ten\"");
        assertMessage(List.of("-1"), "SECONDS must be above 0");
        assertMessage(List.of("10", "--seed"), "--seed needs a whole number");
        assertMessage(List.of("10", "--seed", "1.5"), "--seed must be a whole number, got \"1.5\"");
        assertMessage(List.of("10", "moons.json"), "usage: --monkey SECONDS [--seed S]");
    }

    private static void assertMessage(List<String> arguments, String expected) {
        String message = assertThrows(IllegalArgumentException.class, () -> Monkey.Arguments.parse(arguments)).getMessage();
        assertTrue(message.contains(expected), message);
    }
}
