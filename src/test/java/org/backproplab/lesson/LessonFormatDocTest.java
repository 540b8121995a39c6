package org.backproplab.lesson;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Teachers copy from docs/lesson-format.md, so its examples must be lessons that open. */
class LessonFormatDocTest {

    private static final Path DOC = Path.of("docs", "lesson-format.md");
    private static final Pattern JSON_BLOCK = Pattern.compile("```json\n(.*?)\n```", Pattern.DOTALL);

    @Test
    void everyCompleteExampleInTheDocumentationOpens() throws IOException {
        List<String> lessons = new ArrayList<>();
        Matcher block = JSON_BLOCK.matcher(Files.readString(DOC));
        while (block.find()) {
            if (block.group(1).contains("\"format\"")) {
                lessons.add(block.group(1));
            }
        }

        assertEquals(1 + ShippedLessonsTest.shipped().count(), lessons.size(), "a first lesson and every shipped one");
        for (String lesson : lessons) {
            assertDoesNotThrow(() -> LessonFile.parse(lesson, "lesson-format.md"), lesson);
        }
    }

    @Test
    void theShippedLessonsAppearVerbatim() throws IOException {
        String doc = Files.readString(DOC);
        for (String name : ShippedLessonsTest.shipped().toList()) {
            String lesson = Files.readString(Path.of("assets", "lessons", name)).strip();
            assertTrue(doc.contains("```json\n" + lesson + "\n```"), name + " differs from its copy in " + DOC);
        }
    }

    @Test
    void theTableOfShippedLessonsFollowsTheCatalog() throws IOException {
        String doc = Files.readString(DOC);
        String examples = doc.substring(doc.indexOf("## Complete examples"));
        List<String> rows = new ArrayList<>();
        Matcher row = Pattern.compile("(?m)^\\| `([a-z0-9-]+)` \\| ([^|]+) \\|").matcher(examples);
        while (row.find()) {
            rows.add(row.group(1) + ": " + row.group(2));
        }

        assertEquals(LessonCatalog.shipped().stream().map(e -> e.name() + ": " + e.title()).toList(), rows);
    }
}
