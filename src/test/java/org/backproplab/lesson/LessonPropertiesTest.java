package org.backproplab.lesson;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Generated damage to valid lessons, of every kind a hand-edited or hostile file may have: a lesson
 * either loads and trains, or is refused with a one-line {@link LessonException}. Nothing else comes
 * out, whatever the damage. Complements {@link LessonFuzzTest}'s typing slips with wrong shapes.
 */
class LessonPropertiesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SHIPPED = shippedTexts();
    private static final String MARK = "@@junk@@";

    /** One change to a lesson's tree; {@code pick} chooses the node, modulo how many there are. */
    sealed interface Damage {
        record Replace(int pick, String junk) implements Damage {
        }

        record Remove(int pick) implements Damage {
        }

        record AddField(int pick, String name, String junk) implements Damage {
        }
    }

    @Property(tries = 1500)
    void damagedLessonsLoadAndRunOrAreRefusedInOneLine(
            @ForAll("lessonIndex") int lesson, @ForAll("damages") List<Damage> damages) {
        loadAndRun(damaged(SHIPPED.get(lesson), damages));
    }

    @Property(tries = 300)
    void truncatedLessonsAreRefusedInOneLine(@ForAll("lessonIndex") int lesson, @ForAll("fraction") double keep) {
        String text = SHIPPED.get(lesson);
        String cut = text.substring(0, (int) (keep * text.length()));
        // A cut that only drops trailing whitespace leaves a whole lesson; any other cut must be refused.
        if (!cut.strip().equals(text.strip())) {
            LessonException refused = assertThrows(LessonException.class, () -> LessonFile.parse(cut, "cut.json"));
            assertFalse(refused.getMessage().contains("\n"), refused.getMessage());
        }
    }

    @Test
    void aLessonCannotNameAClassToLoad() {
        String xor = SHIPPED.get(0);
        for (String hostile : List.of(
                xor.replaceFirst("\\{", "{\"@class\": \"java.lang.Runtime\","),
                xor.replace("\"network\": {", "\"network\": {\"@type\": \"java.lang.ProcessBuilder\","),
                xor.replace("\"layers\": [", "\"layers\": [[\"java.lang.Runtime\", {}],"))) {
            LessonException refused = assertThrows(LessonException.class, () -> LessonFile.parse(hostile, "hostile.json"));
            assertTrue(refused.getMessage().contains("unknown field") || refused.getMessage().contains("layer"), refused.getMessage());
        }
        // "type" is a field of the optimizer, but only ever one of the optimizers the engine knows.
        String typed = xor.replaceFirst("\"type\": \"sgd\"", "\"type\": \"java.lang.Runtime\"");
        assertTrue(typed.contains("java.lang.Runtime"), "the fixture names an optimizer type");
        LessonException refused = assertThrows(LessonException.class, () -> LessonFile.parse(typed, "hostile.json"));
        assertTrue(refused.getMessage().contains("sgd, momentum, adam"), refused.getMessage());
    }

    @Provide
    Arbitrary<Integer> lessonIndex() {
        return Arbitraries.integers().between(0, SHIPPED.size() - 1);
    }

    @Provide
    Arbitrary<Double> fraction() {
        return Arbitraries.doubles().between(0, 1);
    }

    @Provide
    Arbitrary<List<Damage>> damages() {
        return damage().list().ofMinSize(1).ofMaxSize(4);
    }

    private static Arbitrary<Damage> damage() {
        Arbitrary<Integer> pick = Arbitraries.integers().between(0, 10_000);
        return Arbitraries.oneOf(
                Combinators.combine(pick, junk()).as(Damage.Replace::new),
                pick.map(Damage.Remove::new),
                Combinators.combine(pick, Arbitraries.oneOf(Arbitraries.of("@class", "@type", "class", "type", "size", "x1", "weights"),
                        Arbitraries.strings().ofMaxLength(8)), junk()).as(Damage.AddField::new));
    }

    /** Raw JSON text for a value of the wrong type, size, shape or spelling. */
    private static Arbitrary<String> junk() {
        return Arbitraries.oneOf(
                Arbitraries.of("NaN", "-NaN", "Infinity", "-Infinity", "1e308", "1e400", "-1e400", "4.9e-324", "1e-400",
                        "9223372036854775808", "-9223372036854775809", "-0", "0", "1", "-1", "2", "64", "65", "100001",
                        "true", "null", "[]", "{}", "\"\"", "\"relu\"", "\"softmax\"", "\"xor\"", "\"java.lang.Runtime\""),
                Arbitraries.integers().map(String::valueOf),
                Arbitraries.doubles().map(String::valueOf),
                // Any characters at all, lone surrogates and control characters included, as Jackson would write them.
                Arbitraries.strings().all().ofMaxLength(12).map(s -> JSON.getNodeFactory().textNode(s).toString()),
                Arbitraries.integers().between(1, 3000).map(depth -> "[".repeat(depth) + "]".repeat(depth)),
                Arbitraries.integers().between(1, 3000).map(depth -> "{\"a\":".repeat(depth) + "1" + "}".repeat(depth)),
                Arbitraries.doubles().list().ofMaxSize(6).map(List::toString),
                Arbitraries.integers().between(0, 200_000).map(n -> "[" + "1,".repeat(n) + "1]"));
    }

    private static String damaged(String lesson, List<Damage> damages) {
        JsonNode root = readTree(lesson);
        List<String> junks = new ArrayList<>();
        for (Damage damage : damages) {
            List<JsonNode> containers = new ArrayList<>();
            collectContainers(root, containers);
            switch (damage) {
                case Damage.Replace(int pick, String junk) -> {
                    JsonNode target = containers.get(pick % containers.size());
                    if (target.isEmpty()) {
                        continue;
                    }
                    int child = (pick / containers.size()) % target.size();
                    if (target instanceof ObjectNode object) {
                        object.put(fieldNames(object).get(child), MARK + junks.size());
                    } else {
                        ((ArrayNode) target).set(child, MARK + junks.size());
                    }
                    junks.add(junk);
                }
                case Damage.Remove(int pick) -> {
                    JsonNode target = containers.get(pick % containers.size());
                    if (target.isEmpty()) {
                        continue;
                    }
                    int child = (pick / containers.size()) % target.size();
                    if (target instanceof ObjectNode object) {
                        object.remove(fieldNames(object).get(child));
                    } else {
                        ((ArrayNode) target).remove(child);
                    }
                }
                case Damage.AddField(int pick, String name, String junk) -> {
                    List<JsonNode> objects = containers.stream().filter(JsonNode::isObject).toList();
                    ((ObjectNode) objects.get(pick % objects.size())).put(name, MARK + junks.size());
                    junks.add(junk);
                }
            }
        }
        String text = root.toString();
        for (int i = junks.size() - 1; i >= 0; i--) {
            text = text.replace('"' + MARK + i + '"', junks.get(i));
        }
        return text;
    }

    private static void loadAndRun(String json) {
        Lesson lesson;
        try {
            lesson = LessonFile.parse(json, "damaged.json");
        } catch (LessonException refused) {
            assertFalse(refused.getMessage().contains("\n"), refused.getMessage());
            assertTrue(refused.getMessage().startsWith("damaged.json: "), refused.getMessage());
            return;
        }
        Experiment experiment = Experiment.of(lesson);
        if (!experiment.trainPoints().isEmpty()) {
            experiment.learner().tracedSample(0);
        }
    }

    private static List<String> fieldNames(ObjectNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static void collectContainers(JsonNode node, List<JsonNode> into) {
        if (node.isContainerNode()) {
            into.add(node);
            node.forEach(child -> collectContainers(child, into));
        }
    }

    private static JsonNode readTree(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> shippedTexts() {
        List<String> texts = new ArrayList<>();
        try {
            texts.add(Files.readString(Path.of("assets", "lessons", "xor.json")));
            for (String name : ShippedLessonsTest.shipped().filter(n -> !n.equals("xor.json")).toList()) {
                texts.add(Files.readString(Path.of("assets", "lessons", name)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }
}
