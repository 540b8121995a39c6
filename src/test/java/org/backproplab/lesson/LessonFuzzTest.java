package org.backproplab.lesson;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Thousands of damaged lessons, as a slip of the keyboard or a wrong value would make them: each
 * either loads and runs, or is refused with a one-line {@link LessonException}. Nothing else may
 * come out, whatever the damage.
 */
class LessonFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEYS = "{}[],:\"0123456789-+.eENaInfinityxyz_ \n\\";
    private static final String[] VALUES = {"-1", "0", "1", "2", "3", "64", "65", "1e9", "-1e9", "0.5", "1e-320",
        "100001", "\"x\"", "\"relu\"", "\"softmax\"", "\"spiral3\"", "null", "true", "[]", "{}", "[1]", "NaN", "1e400"};

    @Test
    void typingSlipsNeverEscapeAsAnythingButALessonException() throws IOException {
        SplittableRandom rng = new SplittableRandom(2024);
        List<String> lessons = shippedTexts();
        for (int i = 0; i < 3000; i++) {
            StringBuilder text = new StringBuilder(lessons.get(rng.nextInt(lessons.size())));
            for (int slips = 1 + rng.nextInt(3); slips > 0; slips--) {
                int at = rng.nextInt(text.length());
                switch (rng.nextInt(3)) {
                    case 0 -> text.deleteCharAt(at);
                    case 1 -> text.insert(at, KEYS.charAt(rng.nextInt(KEYS.length())));
                    default -> text.setCharAt(at, KEYS.charAt(rng.nextInt(KEYS.length())));
                }
            }
            loadAndRun(text.toString());
        }
    }

    @Test
    void wrongValuesNeverEscapeAsAnythingButALessonException() throws IOException {
        SplittableRandom rng = new SplittableRandom(7);
        List<String> lessons = shippedTexts();
        for (int i = 0; i < 3000; i++) {
            JsonNode root = JSON.readTree(lessons.get(rng.nextInt(lessons.size())));
            List<JsonNode> containers = new ArrayList<>();
            collectContainers(root, containers);
            JsonNode target = containers.get(rng.nextInt(containers.size()));
            String mark = "@@value@@";
            // An empty object (a comparison's {} for a layer B keeps) has no field to spoil.
            if (target instanceof ObjectNode object && !object.isEmpty()) {
                List<String> names = new ArrayList<>();
                object.fieldNames().forEachRemaining(names::add);
                object.put(names.get(rng.nextInt(names.size())), mark);
            } else if (target instanceof ArrayNode && !target.isEmpty()) {
                ((ArrayNode) target).set(rng.nextInt(target.size()), mark);
            }
            loadAndRun(root.toString().replace('"' + mark + '"', VALUES[rng.nextInt(VALUES.length)]));
        }
    }

    private static void loadAndRun(String json) {
        Lesson lesson;
        try {
            lesson = LessonFile.parse(json, "fuzz.json");
        } catch (LessonException refused) {
            assertFalse(refused.getMessage().contains("\n"), refused.getMessage());
            return;
        } catch (RuntimeException escaped) {
            throw new AssertionError("loading threw " + escaped + " for:\n" + json, escaped);
        }
        try {
            Experiment.of(lesson).learner().tracedSample(0);
        } catch (RuntimeException e) {
            fail("a lesson that loaded could not run: " + e + "\n" + json, e);
        }
    }

    private static void collectContainers(JsonNode node, List<JsonNode> into) {
        if (node.isContainerNode()) {
            into.add(node);
            node.forEach(child -> collectContainers(child, into));
        }
    }

    private static List<String> shippedTexts() throws IOException {
        List<String> texts = new ArrayList<>();
        for (String name : ShippedLessonsTest.shipped().toList()) {
            texts.add(Files.readString(Path.of("assets", "lessons", name)));
        }
        return texts;
    }
}
