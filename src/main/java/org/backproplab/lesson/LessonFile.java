package org.backproplab.lesson;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
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
 * Lesson files: JSON documents of format {@value #FORMAT}, version {@value #VERSION}, described
 * field by field in docs/lesson-format.md. Loading is all or nothing: a lesson either comes back
 * whole and valid, or a {@link LessonException} says in one line which field is wrong and why.
 * Saving replaces the file atomically, so a failed save leaves the old file as it was.
 */
public final class LessonFile {

    /** The value of the "format" field every lesson file starts with. */
    public static final String FORMAT = "backprop-lab-lesson";
    /** The only format version this build reads and writes. */
    public static final int VERSION = 1;

    /** Largest lesson file read, in bytes: far beyond any lesson, small enough to never exhaust memory. */
    public static final int MAX_FILE_BYTES = 8 * 1024 * 1024;
    /** Most layers (hidden and output) a network may have. */
    public static final int MAX_LAYERS = 16;
    /** Most neurons in one layer; also the most classes and explicit targets. */
    public static final int MAX_LAYER_SIZE = 64;
    /** Most data points, generated or written out; also the largest batch. */
    public static final int MAX_POINTS = 100_000;
    /** Largest |x₁| or |x₂| of a written-out point. */
    public static final double MAX_COORDINATE = 1e6;

    private static final ObjectMapper JSON = JsonMapper.builder()
            // Read NaN and Infinity so that the reader can reject them by name rather than as bad syntax.
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            // A field written twice would otherwise silently keep the second value.
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private LessonFile() {
    }

    /** Reads and validates the lesson in {@code file}. */
    public static Lesson read(Path file) throws LessonException {
        String name = displayName(file);
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw new LessonException(name + ": is a folder, not a lesson file");
            }
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw tooLarge(name);
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new LessonException(name + ": cannot read the file (" + reason(e) + ")", e);
        }
        return parse(bytes, name);
    }

    /** Reads and validates a lesson shipped inside the application, e.g. {@code /assets/lessons/xor.json}. */
    public static Lesson readResource(String classpathPath) throws LessonException {
        String name = classpathPath.substring(classpathPath.lastIndexOf('/') + 1);
        try (InputStream in = LessonFile.class.getResourceAsStream(classpathPath)) {
            if (in == null) {
                throw new LessonException(classpathPath + ": no such lesson ships with Backprop Lab");
            }
            return parse(in.readNBytes(MAX_FILE_BYTES + 1), name);
        } catch (IOException e) {
            throw new LessonException(name + ": cannot read the lesson (" + reason(e) + ")", e);
        }
    }

    /**
     * Validates the lesson in {@code json}; {@code sourceName} (a file name) starts every message.
     */
    public static Lesson parse(String json, String sourceName) throws LessonException {
        if (utf8Length(json) > MAX_FILE_BYTES) {
            throw tooLarge(sourceName);
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new LessonException(sourceName + ": " + JsonSyntax.describe(e));
        }
        if (root == null || root.isMissingNode()) {
            throw new LessonException(sourceName + ": the file is empty");
        }
        try {
            return LessonReader.read(root);
        } catch (LessonException e) {
            throw new LessonException(sourceName + ": " + e.getMessage());
        }
    }

    /** The lesson as the text of a lesson file, laid out for people, weights included if it has them. */
    public static String toJson(Lesson lesson) {
        return JsonLayout.layout(LessonWriter.tree(lesson));
    }

    /**
     * Saves the lesson to {@code file}, replacing it atomically: the text goes to a temporary file
     * in the same folder, which is then moved over the target. A lesson that would not load back
     * (e.g. weights that training drove to NaN) is refused before the disk is touched.
     */
    public static void write(Lesson lesson, Path file) throws LessonException {
        String name = displayName(file);
        String json = toJson(lesson);
        try {
            parse(json, name);
        } catch (LessonException e) {
            throw new LessonException("cannot save " + e.getMessage(), e);
        }
        if (Files.isDirectory(file)) {
            throw new LessonException("cannot save " + name + ": it is a folder");
        }
        Path target = file.toAbsolutePath();
        Path temp = null;
        try {
            // Not Files.createTempFile: its owner-only permissions would end up on the saved lesson.
            temp = Files.createFile(target.resolveSibling(
                    "." + target.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp"));
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                // On disk before the move, so that a crash cannot leave an empty file under the real name.
                channel.force(true);
            }
            move(temp, target);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new LessonException("cannot save " + name + " (" + reason(e) + ")", e);
        }
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static Lesson parse(byte[] bytes, String name) throws LessonException {
        if (bytes.length > MAX_FILE_BYTES) {
            throw tooLarge(name);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new LessonException(name + ": not UTF-8 text; save the lesson as UTF-8");
        }
        // Some editors start UTF-8 files with a byte order mark, which JSON does not allow.
        return parse(text.startsWith("\uFEFF") ? text.substring(1) : text, name);
    }

    private static LessonException tooLarge(String name) {
        return new LessonException(name + ": larger than " + MAX_FILE_BYTES / (1024 * 1024)
                + " MiB; a lesson file may be at most that");
    }

    private static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // A surrogate pair is 4 bytes: 2 for each half.
            bytes += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
        }
        return bytes;
    }

    private static String displayName(Path file) {
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }

    /** Why an I/O operation failed, in words rather than an exception's class name. */
    private static String reason(IOException e) {
        return switch (e) {
            case NoSuchFileException missing -> "no such file or folder: " + missing.getFile();
            case AccessDeniedException denied -> "permission denied: " + denied.getFile();
            case FileSystemException other when other.getReason() != null -> other.getReason() + ": " + other.getFile();
            default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        };
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
