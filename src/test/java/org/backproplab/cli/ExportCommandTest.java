package org.backproplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportCommandTest {

    @TempDir
    Path folder;

    @Test
    void writesAScriptThatTrainsTheAskedStepsInTheAppsBatches() throws Exception {
        Path out = folder.resolve("xor.py");
        CliRun run = CliRun.of("export", "xor", "--format", "python", "--steps", "4", "--out", out.toString());

        assertEquals(0, run.exitCode(), run.err());
        String script = Files.readString(out);
        assertTrue(script.contains("import numpy as np"));
        assertTrue(script.contains("for step, batch in enumerate(batches, start=1):"));
        // Four embedded steps of the app's trace to check against, one JSON line each.
        assertEquals(4, script.lines().filter(line -> line.startsWith("{\"step\":")).count());
    }

    @Test
    void writesANotebookInChinese() throws Exception {
        Path out = folder.resolve("mazur.ipynb");
        CliRun run = CliRun.of("export", "mazur-2-2-2", "--format", "notebook", "--language", "zh-CN",
                "--out", out.toString());

        assertEquals(0, run.exitCode(), run.err());
        String notebook = Files.readString(out);
        assertEquals(4, new ObjectMapper().readTree(notebook).get("nbformat").asInt());
        assertTrue(notebook.contains("前向传播"));
    }

    @Test
    void refusesBadOptionsInOneLineAndWritesNothing() {
        Path out = folder.resolve("never.py");
        CliRun steps = CliRun.of("export", "xor", "--format", "python", "--steps", "0", "--out", out.toString());
        CliRun language = CliRun.of("export", "xor", "--format", "notebook", "--language", "fr", "--out", out.toString());
        CliRun format = CliRun.of("export", "xor", "--format", "matlab", "--out", out.toString());

        assertEquals(Cli.BAD_LESSON, steps.exitCode());
        assertTrue(steps.err().contains("--steps must be from 1 to"), steps.err());
        assertEquals(Cli.BAD_LESSON, language.exitCode());
        assertEquals(List.of("--language must be en or zh-CN, got fr"), language.err().lines().toList(),
                "one line, as the exercise command says it");
        assertEquals(Cli.BAD_LESSON, format.exitCode());
        assertFalse(Files.exists(out));
    }

    @Test
    void aFolderThatIsNotThereIsOneLineNotACrash() {
        Path out = folder.resolve("missing").resolve("xor.py");
        CliRun run = CliRun.of("export", "xor", "--format", "python", "--out", out.toString());

        assertEquals(Cli.BAD_LESSON, run.exitCode());
        assertEquals(1, run.err().strip().lines().count(), run.err());
    }
}
