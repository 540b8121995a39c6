package org.backproplab.lesson;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.backproplab.trace.Matrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading and saving lesson files on disk: clear messages, and a failed save never costs the old file. */
class LessonFileIoTest {

    @TempDir
    Path dir;

    private Lesson valid() throws LessonException {
        return LessonFile.parse(LessonEdits.VALID, "test.json");
    }

    @Test
    void savingReplacesTheFileAndLeavesNothingElseBehind() throws Exception {
        Path file = dir.resolve("lesson.json");
        Files.writeString(file, "old content");

        LessonFile.write(valid(), file);

        assertEquals(valid(), LessonFile.read(file));
        assertEquals(List.of(file), listing());
    }

    @Test
    void aSavedLessonIsAsReadableAsAnyNewFileInItsFolder() throws Exception {
        Path ordinary = Files.createFile(dir.resolve("ordinary.txt"));
        Path lesson = dir.resolve("lesson.json");

        LessonFile.write(valid(), lesson);

        assertEquals(Files.getPosixFilePermissions(ordinary), Files.getPosixFilePermissions(lesson));
    }

    @Test
    void aLessonThatWouldNotLoadBackIsNotSavedAndTheOldFileIsKept() throws Exception {
        Path file = dir.resolve("lesson.json");
        byte[] old = LessonEdits.VALID.getBytes(StandardCharsets.UTF_8);
        Files.write(file, old);
        Lesson diverged = valid().withWeights(List.of(
                new LayerWeights(Matrix.of(new double[][] {{Double.NaN, 0}, {0, 0}, {0, 0}}), Matrix.column(0, 0, 0)),
                new LayerWeights(Matrix.of(new double[][] {{0, 0, 0}}), Matrix.column(0))));

        LessonException e = assertThrows(LessonException.class, () -> LessonFile.write(diverged, file));

        assertEquals("cannot save lesson.json: network.layers[0].weights[0][0]: expected a finite number, got NaN",
                e.getMessage());
        assertArrayEquals(old, Files.readAllBytes(file));
        assertEquals(List.of(file), listing());
    }

    @Test
    void savingOverAFolderFailsAndLeavesItAlone() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("lessons"));
        Path inside = Files.writeString(folder.resolve("keep.json"), "keep");

        LessonException e = assertThrows(LessonException.class, () -> LessonFile.write(valid(), folder));

        assertEquals("cannot save lessons: it is a folder", e.getMessage());
        assertEquals("keep", Files.readString(inside));
        assertEquals(List.of(folder), listing());
    }

    @Test
    void savingIntoAMissingFolderSaysSo() throws Exception {
        Path file = dir.resolve("no-such-folder").resolve("lesson.json");

        LessonException e = assertThrows(LessonException.class, () -> LessonFile.write(valid(), file));

        assertTrue(e.getMessage().startsWith("cannot save lesson.json (no such file or folder: "), e.getMessage());
        assertEquals(List.of(), listing());
    }

    @Test
    void savingBelowAFileFailsAndLeavesTheFileAlone() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("notes.txt"), "notes");

        LessonException e = assertThrows(LessonException.class,
                () -> LessonFile.write(valid(), notAFolder.resolve("lesson.json")));

        assertTrue(e.getMessage().startsWith("cannot save lesson.json ("), e.getMessage());
        assertEquals("notes", Files.readString(notAFolder));
    }

    @Test
    void aMissingFileSaysWhichFile() {
        Path file = dir.resolve("nope.json");

        LessonException e = assertThrows(LessonException.class, () -> LessonFile.read(file));

        assertEquals("nope.json: cannot read the file (no such file or folder: " + file + ")", e.getMessage());
    }

    @Test
    void aFolderIsNotALesson() {
        LessonException e = assertThrows(LessonException.class, () -> LessonFile.read(dir));

        assertEquals(dir.getFileName() + ": is a folder, not a lesson file", e.getMessage());
    }

    @Test
    void aFileThatIsNotUtf8SaysSo() throws IOException {
        Path file = dir.resolve("latin1.json");
        Files.write(file, LessonEdits.edit("title", "\"Café\"").getBytes(StandardCharsets.ISO_8859_1));

        LessonException e = assertThrows(LessonException.class, () -> LessonFile.read(file));

        assertEquals("latin1.json: not UTF-8 text; save the lesson as UTF-8", e.getMessage());
    }

    @Test
    void aByteOrderMarkFromAWindowsEditorIsAccepted() throws Exception {
        Path file = dir.resolve("notepad.json");
        Files.writeString(file, "\uFEFF" + LessonEdits.VALID);

        assertEquals(valid(), LessonFile.read(file));
    }

    @Test
    void anOversizedFileIsRefusedByItsSize() throws IOException {
        Path file = dir.resolve("huge.json");
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(LessonFile.MAX_FILE_BYTES + 1L);
        }

        LessonException e = assertThrows(LessonException.class, () -> LessonFile.read(file));

        assertEquals("huge.json: larger than 8 MiB; a lesson file may be at most that", e.getMessage());
    }

    @Test
    void aMissingShippedLessonSaysSo() {
        LessonException e = assertThrows(LessonException.class,
                () -> LessonFile.readResource("/assets/lessons/nope.json"));

        assertEquals("/assets/lessons/nope.json: no such lesson ships with Backprop Lab", e.getMessage());
    }

    private List<Path> listing() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }
}
