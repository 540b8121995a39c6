package org.backproplab.lesson;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The lessons that ship with Backprop Lab, in the order a course would take them: what a lesson
 * picker lists. They live in the application as {@code /assets/lessons/<name>.json}; a jar's
 * folders cannot be listed, so the names are kept here and the titles read from the files.
 */
public final class LessonCatalog {

    /** Where shipped lessons live on the class path. */
    public static final String FOLDER = "/assets/lessons/";

    /**
     * First XOR, the classic first lesson; then Mazur's example to check by hand; then data sets
     * of growing difficulty; then what goes wrong in deep networks, and in big networks on few
     * points; then the remedies; last, two comparisons of runs side by side.
     */
    private static final List<String> TEACHING_ORDER = List.of("xor", "mazur-2-2-2", "moons", "regression",
            "softmax-3", "spiral", "vanishing-gradients", "batch-normalisation", "exploding-gradients", "overfitting",
            "rmsprop-schedule", "sigmoid-or-relu", "optimizers-same-start");

    /**
     * A shipped lesson.
     *
     * @param name  the file name without ".json", e.g. "xor"; what the command line accepts
     * @param title the lesson's own title, for the picker
     * @param translations the lesson's title and commentary in other languages
     */
    public record Entry(String name, String title, Map<String, LessonWords> translations) {

        public Entry {
            translations = Map.copyOf(translations);
        }

        /** The title in {@code locale}'s language, for a picker in that language. */
        public String title(Locale locale) {
            return LessonWords.in(locale, new LessonWords(title, ""), translations).title();
        }

        /** The lesson's class-path resource, for {@link LessonFile#readResource}. */
        public String resource() {
            return FOLDER + name + ".json";
        }
    }

    private LessonCatalog() {
    }

    /** Every shipped lesson in teaching order. */
    public static List<Entry> shipped() {
        return Titles.ENTRIES;
    }

    /** The shipped lesson called {@code name}, if there is one. */
    public static Optional<Entry> find(String name) {
        return shipped().stream().filter(entry -> entry.name().equals(name)).findFirst();
    }

    /**
     * Whether {@code file} is a shipped lesson where the application keeps them,
     * {@code assets/lessons/<name>.json} (a source checkout's, or a build's copy, which goes into the
     * jar): the application's own, not a lesson of the user's. A copy the user made elsewhere is theirs.
     */
    public static boolean isShipped(Path file) {
        Path where = file.toAbsolutePath().normalize();
        return shipped().stream().anyMatch(entry -> where.endsWith(Path.of(entry.resource().substring(1))));
    }

    /** Reads and validates the shipped lesson called {@code name}. */
    public static Lesson load(String name) throws LessonException {
        Entry entry = find(name).orElseThrow(() -> new LessonException(
                name + ": no lesson of that name ships with Backprop Lab (there are " + String.join(", ", TEACHING_ORDER) + ")"));
        return LessonFile.readResource(entry.resource());
    }

    /** Titles are read once, on first use: every lesson file is parsed to find its title. */
    private static final class Titles {

        static final List<Entry> ENTRIES = read();

        private static List<Entry> read() {
            List<Entry> entries = new ArrayList<>();
            for (String name : TEACHING_ORDER) {
                String resource = FOLDER + name + ".json";
                try {
                    Lesson lesson = LessonFile.readResource(resource);
                    entries.add(new Entry(name, lesson.title(), lesson.translations()));
                } catch (LessonException e) {
                    // Shipped lessons are part of the application: one that does not load is a broken build.
                    throw new IllegalStateException("the shipped lesson " + resource + " is broken: " + e.getMessage(), e);
                }
            }
            return List.copyOf(entries);
        }
    }
}
