package org.backproplab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class WindowBenchArgumentsTest {

    @Test
    void secondsAndAnOptionalLesson() {
        WindowBench.Arguments defaults = WindowBench.Arguments.parse(List.of("2.5"));
        assertEquals(2.5, defaults.seconds());
        assertEquals("XOR with a 2-3-1 sigmoid net", defaults.lesson().lesson().title());

        WindowBench.Arguments moons = WindowBench.Arguments.parse(List.of("10", "assets/lessons/moons.json"));
        assertEquals("Two moons with 2-10-1", moons.lesson().lesson().title());
    }

    @Test
    void badArgumentsAreExplainedNotGuessed() {
        assertMessage(List.of(), "usage: --bench-window SECONDS [lesson.json]");
        assertMessage(List.of("ten"), "SECONDS must be a number, got \"ten\"");
        assertMessage(List.of("0"), "SECONDS must be above 0");
        assertMessage(List.of("10", "no-such-lesson.json"), "no-such-lesson.json");
    }

    private static void assertMessage(List<String> arguments, String expected) {
        String message = assertThrows(IllegalArgumentException.class, () -> WindowBench.Arguments.parse(arguments)).getMessage();
        assertTrue(message.contains(expected), message);
    }
}
