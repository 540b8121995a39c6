package org.backproplab.cli;

import java.io.PrintWriter;
import org.backproplab.lesson.LessonException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The headless commands, runnable with no display. */
@Command(name = "backprop-lab",
        description = "Backprop Lab without a window: trace, train and benchmark lessons, map their loss landscape, export them as NumPy programs, write exercise sheets, and turn TensorFlow Playground links into lessons.",
        subcommands = {TraceCommand.class, TrainCommand.class, LandscapeCommand.class, ExportCommand.class, ExerciseCommand.class,
                BenchCommand.class, FromPlaygroundCommand.class})
public final class Cli {

    /**
     * Exit code for a lesson that cannot be read or saved, or an argument a command cannot work
     * with; the same as picocli's usage errors.
     */
    public static final int BAD_LESSON = CommandLine.ExitCode.USAGE;

    /** Inherited by every command, so that {@code trace --help} works too. */
    @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT,
            description = "Show this help message and exit.")
    private boolean help;

    private Cli() {
    }

    /** Runs one command on the console and returns its exit code. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs one command, writing results to {@code out} and problems to {@code err}. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new Cli())
                .setOut(out)
                .setErr(err)
                .setExecutionExceptionHandler((exception, command, parsed) -> {
                    if (exception instanceof LessonException || exception instanceof BadArgument) {
                        // A teacher's mistake in a lesson or an argument is not a crash: one line, no stack trace.
                        command.getErr().println(oneLine(exception.getMessage()));
                        return BAD_LESSON;
                    }
                    throw exception;
                });
        try {
            return commandLine.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static String oneLine(String message) {
        return message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
