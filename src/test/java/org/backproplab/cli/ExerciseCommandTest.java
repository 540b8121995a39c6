package org.backproplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code exercise}: the files a teacher hands out and keeps, and one-line refusals of what it cannot do. */
class ExerciseCommandTest {

    @TempDir
    Path dir;

    @Test
    void writesASheetAndAnAnswerKeyPerVariantAndOneJsonFile() throws Exception {
        Path out = dir.resolve("class 3b");
        CliRun run = CliRun.of("exercise", "mazur-2-2-2", "--variants", "3", "--seed", "42", "--out", out.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(List.of("Wrote 3 exercise sheets, their answers and exercises.json to " + out), run.outLines());
        for (String file : List.of("sheet-1.md", "sheet-2.md", "sheet-3.md", "answers-1.md", "answers-2.md", "answers-3.md",
                "exercises.json")) {
            assertTrue(Files.isRegularFile(out.resolve(file)), file);
        }
        assertFalse(Files.exists(out.resolve("sheet-4.md")));
        assertTrue(Files.readString(out.resolve("sheet-2.md")).startsWith("# Mazur's step-by-step example, 2-2-2"));
    }

    @Test
    void theLanguageOptionWritesChineseSheetsAndTheSampleOptionPicksTheSample() throws Exception {
        Path out = dir.resolve("zh");
        CliRun run = CliRun.of("exercise", "xor", "--variants", "1", "--seed", "1", "--out", out.toString(),
                "--language", "zh-CN", "--sample", "3");

        assertEquals(0, run.exitCode(), run.err());
        String sheet = Files.readString(out.resolve("sheet-1.md"));
        assertTrue(sheet.contains("## 1. 前向传播"), sheet);
        assertTrue(sheet.contains("4 个训练样本中的第 3 个"), sheet);
    }

    @Test
    void badArgumentsAreRefusedInOneLineWithTheUsageExitCode() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "text");
        String out = dir.resolve("out").toString();
        List<List<String>> refused = List.of(
                List.of("exercise", "xor", "--variants", "0", "--seed", "1", "--out", out),
                List.of("exercise", "xor", "--variants", "-2", "--seed", "1", "--out", out),
                List.of("exercise", "no-such-lesson", "--variants", "2", "--seed", "1", "--out", out),
                List.of("exercise", "xor", "--variants", "2", "--seed", "1", "--out", out, "--sample", "4"),
                List.of("exercise", "xor", "--variants", "2", "--seed", "1", "--out", out, "--language", "fr"),
                List.of("exercise", "xor", "--variants", "2", "--seed", "1", "--out", file.resolve("sheets").toString()));
        List<String> expected = List.of("the number of variants must be from 1 to 200, got 0", "the number of variants must be from 1 to 200, got -2",
                "no-such-lesson: no such lesson", "the sample must be from 0 to 3 (the lesson has 4 training samples), got 4", "--language must be en or zh-CN", "cannot write the exercise: cannot create the folder");
        for (int r = 0; r < refused.size(); r++) {
            CliRun run = CliRun.of(refused.get(r).toArray(String[]::new));

            assertEquals(Cli.BAD_LESSON, run.exitCode(), run.err());
            assertEquals(1, run.err().lines().count(), run.err());
            assertTrue(run.err().startsWith(expected.get(r)), run.err());
            assertTrue(run.out().isEmpty(), run.out());
        }
        assertFalse(Files.exists(dir.resolve("out")), "nothing was written");
    }
}
