package org.backproplab.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.backproplab.lesson.Exercise;
import org.backproplab.lesson.ExerciseFiles;
import org.backproplab.lesson.ExerciseSet;
import org.backproplab.lesson.LessonException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Exercise sheets for a class: each student gets the lesson's network with other starting weights,
 * works one training step by hand, and the teacher keeps the answer keys and a JSON file to grade by.
 */
@Command(name = "exercise",
        description = "Write N exercise sheets (sheet-K.md), their answer keys (answers-K.md) and exercises.json "
                + "for one training step of the lesson, each variant with its own starting weights.")
final class ExerciseCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private LessonArgument lesson;

    @Option(names = "--variants", required = true, paramLabel = "N", description = "How many variants (1 to "
            + ExerciseSet.MAX_VARIANTS + ").")
    private int variants;

    @Option(names = "--seed", required = true, paramLabel = "S",
            description = "The seed the weights are drawn from: the same seed gives the same sheets.")
    private long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder to write into (created if missing).")
    private Path out;

    @Mixin
    private LanguageOption language;

    @Option(names = "--sample", defaultValue = "0", paramLabel = "I",
            description = "The training sample the step trains on, counting from 0 as trace --sample does (default: ${DEFAULT-VALUE}).")
    private int sample;

    @Override
    public Integer call() throws LessonException {
        Locale locale = language.locale();
        List<Exercise> written;
        try {
            written = ExerciseFiles.write(lesson.load(), variants, seed, sample, locale, out);
        } catch (IllegalArgumentException e) {
            // The number of variants or the sample: the exercise says which, and what would do.
            throw new BadArgument(e.getMessage());
        } catch (IOException e) {
            throw new BadArgument("cannot write the exercise: " + e.getMessage());
        }
        spec.commandLine().getOut().printf("Wrote %d exercise %s, %s and %s to %s%n", written.size(),
                written.size() == 1 ? "sheet" : "sheets", written.size() == 1 ? "its answers" : "their answers",
                ExerciseFiles.JSON_FILE, out);
        return 0;
    }
}
