package org.backproplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CliTest {

    @Test
    void unknownOptionPrintsUsage() {
        CliRun run = CliRun.of("bench", "--fast");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("Unknown option: '--fast'"), run.err());
        assertTrue(run.err().contains("Usage: backprop-lab bench"), run.err());
    }

    @Test
    void unknownCommandPrintsUsageListingTheCommands() {
        CliRun run = CliRun.of("fly");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("Usage: backprop-lab"), run.err());
        assertTrue(run.err().contains("bench"), run.err());
    }

    @Test
    void helpListsTheCommands() {
        CliRun run = CliRun.of("--help");

        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("bench"), run.out());
        assertFalse(run.out().isBlank());
    }
}
