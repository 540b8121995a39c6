package org.backproplab.cli;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import org.backproplab.lesson.Lesson;
import org.backproplab.lesson.LessonCatalog;
import org.backproplab.lesson.LessonException;
import org.backproplab.lesson.LessonFile;
import picocli.CommandLine.Parameters;

/**
 * The LESSON every lesson command starts from: a lesson file, or the short name of a lesson that
 * ships with Backprop Lab (see {@link LessonCatalog}), so that a class can
 * run the shipped examples without knowing where they live.
 */
final class LessonArgument {

    /** Shipped lesson names are plain words; anything else (a slash, a dot) is a file path. */
    private static final String SHIPPED_NAME = "[a-z0-9][a-z0-9-]*";

    @Parameters(index = "0", paramLabel = "LESSON",
            description = "A lesson file, or the name of a shipped lesson such as xor, moons or mazur-2-2-2.")
    private String lesson;

    /** The lesson, read and validated. */
    Lesson load() throws LessonException {
        return resolve(lesson);
    }

    static Lesson resolve(String argument) throws LessonException {
        Optional<LessonCatalog.Entry> shipped = LessonCatalog.find(argument);
        if (shipped.isPresent()) {
            return LessonFile.readResource(shipped.get().resource());
        }
        if (argument.matches(SHIPPED_NAME) && !Files.exists(Path.of(argument))) {
            throw new LessonException(argument + ": no such lesson file, and no lesson of that name ships with Backprop Lab ("
                    + String.join(", ", LessonCatalog.shipped().stream().map(LessonCatalog.Entry::name).toList()) + ")");
        }
        try {
            return LessonFile.read(Path.of(argument));
        } catch (InvalidPathException e) {
            throw new LessonException(argument + ": not a valid file name (" + e.getReason() + ")", e);
        }
    }
}
