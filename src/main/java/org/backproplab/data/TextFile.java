package org.backproplab.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Saving the text files people keep (lessons, point sets, traces, handouts) so that a failed save
 * never costs the file that was there: the text goes to a temporary file in the same folder, which
 * then replaces the target in one move. Failures come back as one line a user can act on.
 */
public final class TextFile {

    private TextFile() {
    }

    /**
     * Replaces {@code file} with {@code text}, UTF-8 encoded, atomically where the file system can.
     *
     * @throws IOException whose message is one line, e.g. "cannot save points.csv (permission denied: /x/points.csv)"
     */
    public static void save(Path file, String text) throws IOException {
        saveBytes(file, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Replaces {@code file} with {@code content}, atomically where the file system can (pictures, for one). */
    public static void saveBytes(Path file, byte[] content) throws IOException {
        String name = displayName(file);
        if (Files.isDirectory(file)) {
            throw new IOException("cannot save " + name + ": it is a folder");
        }
        Path target = file.toAbsolutePath();
        Path temp = null;
        try {
            // Not Files.createTempFile: its owner-only permissions would end up on the saved file.
            temp = Files.createFile(target.resolveSibling(
                    "." + target.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp"));
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.wrap(content);
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                // On disk before the move, so that a crash cannot leave an empty file under the real name.
                channel.force(true);
            }
            move(temp, target);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new IOException("cannot save " + name + " (" + reason(e) + ")", e);
        }
    }

    /** The name to show for a file: its last path element. */
    public static String displayName(Path file) {
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }

    /** Why an I/O operation failed, in words rather than an exception's class name. */
    public static String reason(IOException e) {
        return switch (e) {
            case NoSuchFileException missing -> "no such file or folder: " + missing.getFile();
            case AccessDeniedException denied -> "permission denied: " + denied.getFile();
            case FileSystemException other when other.getReason() != null -> other.getReason() + ": " + other.getFile();
            default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        };
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // The save already failed and says so; a stray temporary file is the lesser problem.
        }
    }
}
