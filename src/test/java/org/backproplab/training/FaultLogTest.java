package org.backproplab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaultLogTest {

    @TempDir
    Path home;

    @Test
    void aBugThatRepeatsForeverFillsAtMostTwoSmallFilesAndTheNewestReportIsKept() throws IOException {
        FaultLog log = new FaultLog(Optional.of(home.resolve(".backprop-lab")));
        for (int i = 0; i < 2000; i++) {
            log.record(new IllegalStateException("failure number " + i));
        }

        Path folder = home.resolve(".backprop-lab");
        List<Path> files;
        try (Stream<Path> listed = Files.list(folder)) {
            files = listed.sorted().toList();
        }
        assertEquals(List.of(folder.resolve("faults.log"), folder.resolve("faults.log.1")), files);
        for (Path file : files) {
            assertTrue(Files.size(file) <= FaultLog.MAX_BYTES, file + " is " + Files.size(file) + " bytes");
        }
        assertTrue(Files.readString(folder.resolve("faults.log")).contains("failure number 1999"));
    }

    @Test
    void withNoFolderTheReportStillComesBack() {
        String report = new FaultLog(Optional.empty()).record(new IllegalStateException("lost"));
        assertTrue(report.contains("IllegalStateException: lost") && report.contains("at org.backproplab"), report);
    }
}
