package org.backproplab;

import java.util.List;
import org.backproplab.lesson.LessonCatalog;
import org.backproplab.ui.shell.Monkey;
import org.backproplab.ui.shell.WindowBench;

/** What a command line asks Backprop Lab to start: decided before anything starts, so it can be tested without JavaFX. */
enum StartMode {
    /** The window: no arguments, a lesson file, or the name of a shipped lesson alone ({@code backprop-lab moons}). */
    WINDOW,
    /** The window measuring its own speed ({@code --bench-window SECONDS [lesson]}). */
    WINDOW_BENCH,
    /** The window driven by random user input ({@code --monkey SECONDS [--seed S]}). */
    MONKEY,
    /** A headless command such as {@code trace}, {@code train} or {@code bench}, or the usage for a word it does not know. */
    COMMAND_LINE;

    static StartMode of(List<String> arguments) {
        if (arguments.isEmpty()) {
            return WINDOW;
        }
        String first = arguments.getFirst();
        if (first.equals(WindowBench.OPTION)) {
            return WINDOW_BENCH;
        }
        if (first.equals(Monkey.OPTION)) {
            return MONKEY;
        }
        // A lone shipped name is what a student types after seeing "xor, moons, ..." in the CLI's help.
        boolean shippedName = arguments.size() == 1 && LessonCatalog.find(first).isPresent();
        return first.endsWith(".json") || shippedName ? WINDOW : COMMAND_LINE;
    }
}
