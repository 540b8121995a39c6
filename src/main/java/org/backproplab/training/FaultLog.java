package org.backproplab.training;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * Where the trainer writes down its own bugs, so that a teacher can send the report to whoever
 * maintains the lab. Bounded: once the log would pass {@link #MAX_BYTES}, it becomes the one older
 * log ({@code faults.log.1}, replacing any before it) and a fresh one starts, so a bug that
 * repeats every frame can never fill the disk.
 */
public final class FaultLog {

    public static final String FILE_NAME = "faults.log";
    static final int MAX_BYTES = 256 * 1024;

    private final Optional<Path> file;

    /** @param folder the app's home folder; empty keeps no log (the report still goes into the notice) */
    public FaultLog(Optional<Path> folder) {
        this.file = folder.map(f -> f.resolve(FILE_NAME));
    }

    /** Writes the failure with its stack trace, and returns that report. */
    String record(Throwable failure) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        String report = Instant.now() + " in thread " + Thread.currentThread().getName() + "\n" + trace;
        file.ifPresent(log -> append(log, report));
        return report;
    }

    /**
     * One writer at a time, whichever log: the trainer's, the landscape's and a comparison's logs all
     * write the home folder's one file from their own threads, and a rotation racing an append would
     * lose a report or split one.
     */
    private static synchronized void append(Path log, String report) {
        byte[] bytes = report.getBytes(StandardCharsets.UTF_8);
        // A report longer than a whole log keeps its start, where the exception and its first frames are.
        byte[] kept = bytes.length > MAX_BYTES ? Arrays.copyOf(bytes, MAX_BYTES) : bytes;
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            if (Files.isRegularFile(log) && Files.size(log) + kept.length > MAX_BYTES) {
                Files.move(log, log.resolveSibling(FILE_NAME + ".1"), StandardCopyOption.REPLACE_EXISTING);
            }
            Files.write(log, kept, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // A log that cannot be written must not become a second failure: the notice still carries the report.
        }
    }
}
