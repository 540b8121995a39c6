package org.backproplab.ui.shell;

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
    void trainsAsFastAsPossibleUnlessASpeedIsGiven() {
        assertEquals(0, WindowBench.Arguments.parse(List.of("5")).speed());
        WindowBench.Arguments paced = WindowBench.Arguments.parse(List.of("5", "--speed", "1000", "assets/lessons/moons.json"));
        assertEquals(1000, paced.speed());
        assertEquals(5, paced.seconds());
        assertEquals("Two moons with 2-10-1", paced.lesson().lesson().title());
    }

    @Test
    void badArgumentsAreExplainedNotGuessed() {
        assertMessage(List.of(), "usage: --bench-window SECONDS [--speed EPOCHS_PER_SECOND] [lesson.json]");
        assertMessage(List.of("ten"), "SECONDS must be a number, got \"ten\"");
        assertMessage(List.of("0"), "SECONDS must be above 0");
        assertMessage(List.of("10", "no-such-lesson.json"), "no-such-lesson.json");
        assertMessage(List.of("10", "--speed"), "--speed needs a number");
        assertMessage(List.of("10", "--speed", "-5"), "--speed must be 0 (fastest) or a positive number");
        assertMessage(List.of("10", "--speed", "fast"), "got \"fast\"");
    }

    private static void assertMessage(List<String> arguments, String expected) {
        String message = assertThrows(IllegalArgumentException.class, () -> WindowBench.Arguments.parse(arguments)).getMessage();
        assertTrue(message.contains(expected), message);
    }
}
