package org.backproplab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the sheets go: a folder of their own, never mixed with an earlier run's. */
class ExerciseFilesTest {

    @TempDir
    Path dir;

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aFolderWithAnEarlierRunsSheetsIsRefusedAndLeftAsItWas() throws Exception {
        Lesson xor = LessonCatalog.load("xor");
        Path folder = dir.resolve("class");
        ExerciseFiles.write(xor, 4, 1, 0, Locale.ENGLISH, folder);
        String firstSheet = Files.readString(folder.resolve("sheet-1.md"));

        IOException refused = assertThrows(IOException.class, () -> ExerciseFiles.write(xor, 2, 2, 0, Locale.ENGLISH, folder));

        assertEquals(folder + " already holds exercise sheets; choose an empty or new folder, so no earlier sheet"
                + " is mixed with these", refused.getMessage());
        assertEquals(List.of("answers-1.md", "answers-2.md", "answers-3.md", "answers-4.md", "exercises.json",
                "sheet-1.md", "sheet-2.md", "sheet-3.md", "sheet-4.md"), names(folder));
        assertEquals(firstSheet, Files.readString(folder.resolve("sheet-1.md")), "the earlier sheets are untouched");
        assertEquals(List.of("class"), names(dir), "no staging folder is left beside it");
    }

    @Test
    void aFolderWithOtherFilesTakesTheSheetsBesideThemAndNothingElse() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("term"));
        Files.writeString(folder.resolve("notes.txt"), "the teacher's own");

        ExerciseFiles.write(LessonCatalog.load("xor"), 2, 7, 0, Locale.ENGLISH, folder);

        assertEquals(List.of("answers-1.md", "answers-2.md", "exercises.json", "notes.txt", "sheet-1.md", "sheet-2.md"),
                names(folder));
        assertEquals(List.of("term"), names(dir), "the staging folder is gone");
    }
}
