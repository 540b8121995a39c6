package org.backproplab.lesson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.backproplab.data.TextFile;

/**
 * Writes an exercise's files into one folder: {@code sheet-K.md} and {@code answers-K.md} for each
 * variant K, and {@code exercises.json} for all of them, into a folder of their own: all of them or
 * none.
 */
public final class ExerciseFiles {

    public static final String JSON_FILE = "exercises.json";

    private ExerciseFiles() {
    }

    /** The student's sheet of variant {@code variant}. */
    public static String sheetName(int variant) {
        return "sheet-" + variant + ".md";
    }

    /** The answer key of variant {@code variant}. */
    public static String answersName(int variant) {
        return "answers-" + variant + ".md";
    }

    /**
     * Draws the variants (see {@link ExerciseSet#draw}) and writes their files into {@code folder},
     * creating it if needed. A folder that already holds exercise files is refused, so no sheet of
     * an earlier run (another seed, not in this {@code exercises.json}) is left beside these to be
     * handed out by mistake. Every file is made in a temporary folder beside it first and then moved
     * in, {@code exercises.json} last; if that fails midway, what was moved is taken out again, so the
     * folder never holds sheets without the file that lists them.
     *
     * @return the variants written
     * @throws IOException              if the folder holds exercise files already, or it or a file
     *                                  cannot be written; the message is one line
     * @throws IllegalArgumentException if the variants cannot be drawn; the message is one line
     */
    public static List<Exercise> write(Lesson lesson, int variants, long seed, int sample, Locale locale, Path folder)
            throws IOException {
        List<Exercise> exercises = ExerciseSet.draw(lesson, variants, seed, sample);
        Map<String, String> files = new LinkedHashMap<>();
        for (Exercise exercise : exercises) {
            files.put(sheetName(exercise.variant()), ExerciseSheet.sheet(exercise, locale));
            files.put(answersName(exercise.variant()), ExerciseSheet.answers(exercise, locale));
        }
        files.put(JSON_FILE, ExercisesJson.text(lesson.title(), exercises));
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new IOException("cannot create the folder " + folder + " (" + TextFile.reason(e) + ")", e);
        }
        refuseEarlierSheets(folder);
        Path staging = Files.createTempDirectory(folder.toAbsolutePath().getParent(), "." + folder.getFileName() + "-");
        List<Path> moved = new ArrayList<>();
        try {
            for (Map.Entry<String, String> file : files.entrySet()) {
                TextFile.save(staging.resolve(file.getKey()), file.getValue());
            }
            for (String name : files.keySet()) {
                moved.add(Files.move(staging.resolve(name), folder.resolve(name)));
            }
        } catch (IOException e) {
            for (Path file : moved) {
                Files.deleteIfExists(file);
            }
            throw new IOException("cannot write the sheets into " + folder + " (" + TextFile.reason(e) + ")", e);
        } finally {
            for (String name : files.keySet()) {
                Files.deleteIfExists(staging.resolve(name));
            }
            Files.deleteIfExists(staging);
        }
        return exercises;
    }

    private static void refuseEarlierSheets(Path folder) throws IOException {
        try (Stream<Path> inside = Files.list(folder)) {
            if (inside.map(file -> file.getFileName().toString()).anyMatch(ExerciseFiles::isExerciseFile)) {
                throw new IOException(folder + " already holds exercise sheets; choose an empty or new folder,"
                        + " so no earlier sheet is mixed with these");
            }
        }
    }

    private static boolean isExerciseFile(String name) {
        return name.equals(JSON_FILE) || name.matches("(sheet|answers)-\\d+\\.md");
    }
}
