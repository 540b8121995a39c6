package org.backproplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.backproplab.lesson.LessonFile;
import org.backproplab.lesson.PlaygroundImport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code from-playground URL --out FILE}: a playground link written as a lesson file. */
class FromPlaygroundCommandTest {

    private static final String SPIRAL = "https://playground.tensorflow.org/#activation=tanh&batchSize=10&dataset=spiral"
            + "&learningRate=0.03&networkShape=4,2&seed=0.12345&percTrainData=50";

    @Test
    void writesTheLessonTheLinkImportsTo(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("spiral.json");

        CliRun run = CliRun.of("from-playground", SPIRAL, "--out", out.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("wrote " + out, run.out().strip());
        assertEquals(PlaygroundImport.lesson(SPIRAL).lesson(), LessonFile.read(out));
        assertTrue(run.err().isEmpty(), "nothing differs from the page here: " + run.err());
    }

    @Test
    void saysWhereTheReplayWillPartFromThePage(@TempDir Path dir) {
        CliRun run = CliRun.of("from-playground", SPIRAL.replace("batchSize=10", "batchSize=30"), "--out",
                dir.resolve("xor.json").toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("carries the last 10 points' gradients"), run.err());
    }

    @Test
    void aLinkThatCannotBeReplayedIsOneLineAndWritesNothing(@TempDir Path dir) {
        Path out = dir.resolve("none.json");

        CliRun run = CliRun.of("from-playground", "https://playground.tensorflow.org/#dataset=spiral", "--out",
                out.toString());

        assertEquals(Cli.BAD_LESSON, run.exitCode());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("playground link: it has no seed="), run.err());
        assertFalse(Files.exists(out));
    }
}
