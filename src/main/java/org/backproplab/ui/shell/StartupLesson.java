package org.backproplab.ui.shell;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.backproplab.lesson.Comparison;
import org.backproplab.lesson.Lesson;
import org.backproplab.lesson.LessonCatalog;
import org.backproplab.lesson.LessonException;
import org.backproplab.lesson.LessonFile;

/**
 * The lesson the window opens on: the shipped lesson or the file named on the command line if it
 * loads, otherwise the default lesson together with the reason it did not load, so the window can
 * say why.
 *
 * @param lesson  the lesson to show
 * @param file    the file the lesson was read from, which Save writes back to if it is the user's; none
 *                for a shipped lesson named on the command line, which Save asks a new name for
 * @param problem why the requested file was not used, if one was requested and failed
 * @param comparison the comparison the requested lesson opens (its {@code "compare"} block), if it has one
 */
record StartupLesson(Lesson lesson, Optional<Path> file, Optional<LessonException> problem, Optional<Comparison> comparison) {

    StartupLesson(Lesson lesson, Optional<Path> file, Optional<LessonException> problem) {
        this(lesson, file, problem, Optional.empty());
    }

    private static StartupLesson of(LessonFile.Opened opened, Optional<Path> file) {
        return new StartupLesson(opened.lesson(), file, Optional.empty(), opened.comparison());
    }

    /** XOR: the problem a single neuron cannot solve, the classic first lesson. */
    static final String DEFAULT_LESSON = "/assets/lessons/xor.json";

    /** @param arguments the command line; the first argument, if any, is a shipped lesson's name or a lesson file */
    static StartupLesson choose(List<String> arguments) {
        if (arguments.isEmpty()) {
            return new StartupLesson(defaultLesson(), Optional.empty(), Optional.empty());
        }
        String requested = arguments.getFirst();
        try {
            Optional<LessonCatalog.Entry> shipped = LessonCatalog.find(requested);
            if (shipped.isPresent()) {
                return of(LessonFile.readWholeResource(shipped.get().resource()), Optional.empty());
            }
            Path file = path(requested);
            return of(LessonFile.readWhole(file), Optional.of(file));
        } catch (LessonException e) {
            return new StartupLesson(defaultLesson(), Optional.empty(), Optional.of(e));
        }
    }

    private static Path path(String argument) throws LessonException {
        try {
            return Path.of(argument);
        } catch (InvalidPathException e) {
            throw new LessonException(argument + ": not a valid file name (" + e.getReason() + ")", e);
        }
    }

    private static Lesson defaultLesson() {
        try {
            return LessonFile.readResource(DEFAULT_LESSON);
        } catch (LessonException e) {
            // The default lesson ships inside the application: if it cannot load, the build is broken.
            throw new IllegalStateException("the built-in lesson " + DEFAULT_LESSON + " is broken: " + e.getMessage(), e);
        }
    }
}
