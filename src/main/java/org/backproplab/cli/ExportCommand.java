package org.backproplab.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.backproplab.lesson.JupyterNotebook;
import org.backproplab.lesson.LessonException;
import org.backproplab.lesson.PythonScript;
import org.backproplab.lesson.RecordedRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The lesson's first training steps as a program a student runs at home: a NumPy script or a
 * Jupyter notebook that repeats every number of the app's run and checks that it did.
 */
@Command(name = "export",
        description = "Write the lesson's first N training steps as a NumPy program (a Python script or a Jupyter "
                + "notebook) that repeats the app's numbers and checks them.")
final class ExportCommand implements Callable<Integer> {

    /** What to write. */
    enum Format {
        python, notebook
    }

    @Spec
    private CommandSpec spec;

    @Mixin
    private LessonArgument lesson;

    @Option(names = "--format", required = true, paramLabel = "FORMAT",
            description = "python (a script) or notebook (Jupyter, nbformat 4).")
    private Format format;

    @Option(names = "--steps", defaultValue = "1", paramLabel = "N",
            description = "Training steps (mini-batches) to take (default: ${DEFAULT-VALUE}).")
    private int steps;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The file to write.")
    private Path out;

    @Mixin
    private LanguageOption language;

    @Override
    public Integer call() throws LessonException {
        if (steps < 1 || steps > MAX_STEPS) {
            throw new ParameterException(spec.commandLine(), "--steps must be from 1 to " + MAX_STEPS + ", got " + steps);
        }
        Locale locale = language.locale();
        RecordedRun run = RecordedRun.of(lesson.load(), steps);
        try {
            switch (format) {
                case python -> PythonScript.write(run, out);
                case notebook -> JupyterNotebook.write(run, locale, out);
            }
        } catch (IOException e) {
            throw new LessonException(out + ": " + e.getMessage(), e);
        }
        spec.commandLine().getOut().println("wrote " + out);
        return 0;
    }

    /** The program embeds every step's numbers: beyond this, files grow past what anyone reads. */
    static final int MAX_STEPS = 1000;
}
