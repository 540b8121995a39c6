package org.backproplab.lesson;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.backproplab.data.TextFile;

/**
 * A lesson's first training steps as a Python program that needs only NumPy: it trains on the
 * same points, from the same weights, in the same mini-batches as the app, prints each step as a
 * JSON line in the {@code trace} command's format, and at the end checks its numbers against the
 * app's (embedded in the file), exiting with 1 if they differ.
 */
public final class PythonScript {

    private PythonScript() {
    }

    public static String text(RecordedRun run) {
        ProgramParts parts = new ProgramParts(run);
        List<String> lines = new ArrayList<>();
        lines.add("\"\"\"" + docstringSafe(run.lesson().title()) + ": " + parts.steps() + " training step" + (parts.steps() == 1 ? "" : "s")
                + " of Backprop Lab's lesson, in NumPy.");
        lines.add("");
        lines.add("Run it with python3 (NumPy needed). Each step prints one JSON line, as Backprop Lab's trace command");
        lines.add("does; the last line (on stderr) says whether every number matches the app's.");
        lines.add("\"\"\"");
        lines.addAll(parts.definitions());
        lines.add("");
        lines.add("");
        lines.addAll(parts.data());
        lines.add("");
        lines.addAll(parts.network());
        lines.add("");
        lines.addAll(parts.stepLoop("for step, batch in enumerate(batches, start=1):"));
        lines.add("");
        lines.addAll(parts.check());
        return String.join("\n", lines) + "\n";
    }

    /** A lesson's own words inside the docstring: a backslash or a quote in a title must not end it early. */
    private static String docstringSafe(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /** Saves the script to {@code file}, replacing it atomically; the exception's message is one line. */
    public static void write(RecordedRun run, Path file) throws IOException {
        TextFile.save(file, text(run));
    }
}
