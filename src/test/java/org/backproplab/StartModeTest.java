package org.backproplab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.backproplab.lesson.LessonCatalog;
import org.junit.jupiter.api.Test;

/** What each command line starts, decided without starting JavaFX. */
class StartModeTest {

    @Test
    void nothingOrALessonFileOpensTheWindow() {
        assertEquals(StartMode.WINDOW, StartMode.of(List.of()));
        assertEquals(StartMode.WINDOW, StartMode.of(List.of("lessons/my-own.json")));
    }

    @Test
    void everyShippedLessonsNameAloneOpensTheWindowOnIt() {
        for (LessonCatalog.Entry entry : LessonCatalog.shipped()) {
            assertEquals(StartMode.WINDOW, StartMode.of(List.of(entry.name())), entry.name());
        }
    }

    @Test
    void theCommandsKeepTheirMeaningAndUnknownWordsGetTheUsage() {
        for (List<String> command : List.of(List.of("trace", "xor"), List.of("train", "moons", "--epochs", "5"),
                List.of("bench", "spiral"), List.of("--help"), List.of("mooons"), List.of("moons", "extra"))) {
            assertEquals(StartMode.COMMAND_LINE, StartMode.of(command), command.toString());
        }
    }

    @Test
    void theWindowBenchIsItsOwnMode() {
        assertEquals(StartMode.WINDOW_BENCH, StartMode.of(List.of("--bench-window", "10", "moons")));
    }

    @Test
    void theRandomInputSoakIsItsOwnMode() {
        assertEquals(StartMode.MONKEY, StartMode.of(List.of("--monkey", "600", "--seed", "17")));
    }
}
