package org.backproplab.lesson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.backproplab.data.TextFile;

/**
 * Writes an exercise's files into one folder: {@code sheet-K.md} and {@code answers-K.md} for each
 * variant K, and {@code exercises.json} for all of them. Each file is saved the way lessons are (a
 * temporary file moved over the target), so a failure never leaves half a sheet.
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
     * creating it if needed.
     *
     * @return the variants written
     * @throws IOException              if the folder or a file cannot be written; the message is one line
     * @throws IllegalArgumentException if the variants cannot be drawn; the message is one line
     */
    public static List<Exercise> write(Lesson lesson, int variants, long seed, int sample, Locale locale, Path folder)
            throws IOException {
        List<Exercise> exercises = ExerciseSet.draw(lesson, variants, seed, sample);
        String json = ExercisesJson.text(lesson.title(), exercises);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new IOException("cannot create the folder " + folder + " (" + TextFile.reason(e) + ")", e);
        }
        for (Exercise exercise : exercises) {
            TextFile.save(folder.resolve(sheetName(exercise.variant())), ExerciseSheet.sheet(exercise, locale));
            TextFile.save(folder.resolve(answersName(exercise.variant())), ExerciseSheet.answers(exercise, locale));
        }
        TextFile.save(folder.resolve(JSON_FILE), json);
        return exercises;
    }
}
