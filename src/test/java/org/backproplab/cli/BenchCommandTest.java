package org.backproplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchCommandTest {

    @Test
    void shortRunPrintsEveryFigureWithTheMachineItRanOn() {
        CliRun run = CliRun.of("bench", "--seconds", "0.02");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains(Runtime.version().toString()), run.out());
        assertTrue(run.out().contains(Runtime.getRuntime().availableProcessors() + " cores"), run.out());
        List<String> figures = run.outLines().stream()
                .filter(line -> line.startsWith("train ") || line.startsWith("heatmaps ")).toList();
        assertEquals(5, figures.size(), run.out());
        if (ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage() >= 0) {
            assertTrue(run.out().contains("System load average at end"), run.out());
        }
        for (String figure : figures) {
            String[] columns = figure.split("\\s{2,}");
            assertTrue(columns[1].matches("[0-9,.]+") && !columns[1].matches("[0,.]+"),
                    "a positive median in: " + figure);
            assertTrue(columns[4].matches("[0-9,.]+") && !columns[4].matches("[0,.]+"),
                    "a positive CPU-time median beside it in: " + figure);
        }
    }

    @Test
    void nonPositiveDurationIsAUsageError() {
        CliRun run = CliRun.of("bench", "--seconds", "0");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--seconds must be a positive number"), run.err());
    }
}
