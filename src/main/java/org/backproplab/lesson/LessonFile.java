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
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.backproplab.data.DataPoint;
import org.backproplab.data.Dataset;
import org.backproplab.data.TextFile;
import org.backproplab.engine.NetworkRules;

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
    public static final int MAX_LAYERS = NetworkRules.MAX_LAYERS;
    /** Most neurons in one layer; also the most classes and explicit targets. */
    public static final int MAX_LAYER_SIZE = NetworkRules.MAX_LAYER_SIZE;
    /** Most data points, generated or written out; also the largest batch. */
    /** Far more epochs than a class trains: a learning-rate schedule counting beyond it is a typing slip. */
    public static final long MAX_SCHEDULE_EPOCHS = 1_000_000;
    public static final int MAX_POINTS = Dataset.MAX_POINTS;
    /** Largest |x₁| or |x₂| of a written-out point. */
    public static final double MAX_COORDINATE = DataPoint.MAX_COORDINATE;

    private static final ObjectMapper JSON = JsonMapper.builder()
            // Read NaN and Infinity so that the reader can reject them by name rather than as bad syntax.
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            // A field written twice would otherwise silently keep the second value.
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private LessonFile() {
    }

    /** What a lesson file holds: the lesson, and the comparison it opens if it has a {@code "compare"} block. */
    public record Opened(Lesson lesson, Optional<Comparison> comparison) {
    }

    /** Reads and validates the lesson in {@code file}. */
    public static Lesson read(Path file) throws LessonException {
        return readWhole(file).lesson();
    }

    /** Reads and validates the lesson in {@code file}, with the comparison it opens, if any. */
    public static Opened readWhole(Path file) throws LessonException {
        String name = TextFile.displayName(file);
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
            throw new LessonException(name + ": cannot read the file (" + TextFile.reason(e) + ")", e);
        }
        return parse(bytes, name);
    }

    /** Reads and validates a lesson shipped inside the application, e.g. {@code /assets/lessons/xor.json}. */
    public static Lesson readResource(String classpathPath) throws LessonException {
        return readWholeResource(classpathPath).lesson();
    }

    /** As {@link #readResource}, with the comparison the lesson opens, if any. */
    public static Opened readWholeResource(String classpathPath) throws LessonException {
        String name = classpathPath.substring(classpathPath.lastIndexOf('/') + 1);
        try (InputStream in = LessonFile.class.getResourceAsStream(classpathPath)) {
            if (in == null) {
                throw new LessonException(classpathPath + ": no such lesson ships with Backprop Lab");
            }
            return parse(in.readNBytes(MAX_FILE_BYTES + 1), name);
        } catch (IOException e) {
            throw new LessonException(name + ": cannot read the lesson (" + TextFile.reason(e) + ")", e);
        }
    }

    /**
     * Validates the lesson in {@code json}; {@code sourceName} (a file name) starts every message.
     * A {@code "compare"} block is checked too, though only run A is returned.
     */
    public static Lesson parse(String json, String sourceName) throws LessonException {
        return parseWhole(json, sourceName).lesson();
    }

    /**
     * Validates the lesson in {@code json} and its {@code "compare"} block, if it has one: then
     * the lesson opens as that comparison.
     */
    public static Opened parseWhole(String json, String sourceName) throws LessonException {
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
            Lesson a = LessonReader.read(root);
            return new Opened(a, root.has(CompareBlock.FIELD)
                    ? Optional.of(new Comparison(a, CompareBlock.read(root, a))) : Optional.empty());
        } catch (LessonException e) {
            throw new LessonException(sourceName + ": " + e.getMessage());
        }
    }

    /** The lesson as the text of a lesson file, laid out for people, weights included if it has them. */
    public static String toJson(Lesson lesson) {
        return JsonLayout.layout(LessonWriter.tree(lesson));
    }

    /** A as the lesson, and B's changes to it as its {@code "compare"} block. */
    public static String toJson(Comparison comparison) {
        return JsonLayout.layout(LessonWriter.tree(comparison.a()).set(CompareBlock.FIELD, CompareBlock.write(comparison)));
    }

    /**
     * Saves the lesson to {@code file}, replacing it atomically: the text goes to a temporary file
     * in the same folder, which is then moved over the target. A lesson that would not load back
     * (e.g. weights that training drove to NaN) is refused before the disk is touched.
     */
    public static void write(Lesson lesson, Path file) throws LessonException {
        save(toJson(lesson), file);
    }

    /** Saves a comparison as {@link #toJson(Comparison)} writes it, as {@link #write(Lesson, Path)} saves a lesson. */
    public static void write(Comparison comparison, Path file) throws LessonException {
        save(toJson(comparison), file);
    }

    private static void save(String json, Path file) throws LessonException {
        String name = TextFile.displayName(file);
        try {
            parseWhole(json, name);
        } catch (LessonException e) {
            throw new LessonException("cannot save " + e.getMessage(), e);
        }
        try {
            TextFile.save(file, json);
        } catch (IOException e) {
            throw new LessonException(e.getMessage(), e);
        }
    }

    private static Opened parse(byte[] bytes, String name) throws LessonException {
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
        return parseWhole(text.startsWith("\uFEFF") ? text.substring(1) : text, name);
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
}
