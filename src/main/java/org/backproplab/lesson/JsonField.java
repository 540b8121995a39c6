package org.backproplab.lesson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.DoublePredicate;
import java.util.function.Function;

/**
 * One value of a lesson file together with where it sits (e.g. {@code network.layers[1].size}),
 * so that every complaint about it can name its place. The value is {@code null} when the field
 * is absent; JSON's own {@code null} is present, and wrong for every field.
 */
record JsonField(String path, JsonNode node) {

    /** Longest text quoted back in a message. */
    private static final int EXCERPT = 40;
    /** Unknown fields named in one message; a file full of them needs no longer list to be fixed. */
    private static final int MAX_NAMED = 5;

    static JsonField root(JsonNode node) {
        return new JsonField("", node);
    }

    boolean isPresent() {
        return node != null;
    }

    JsonField field(String name) {
        return new JsonField(path.isEmpty() ? name : path + "." + name, node == null ? null : node.get(name));
    }

    /** A complaint about this field, prefixed with its path. */
    LessonException problem(String message) {
        return new LessonException(path.isEmpty() ? message : path + ": " + message);
    }

    /** Requires an object { ... }. */
    JsonField object() throws LessonException {
        require();
        if (!node.isObject()) {
            throw problem("expected an object { ... }, got " + describe(node));
        }
        return this;
    }

    /** Requires an object holding only the named fields, so a misspelt field is reported, not ignored. */
    JsonField object(List<String> allowed) throws LessonException {
        object();
        List<String> unknown = new ArrayList<>();
        node.fieldNames().forEachRemaining(name -> {
            if (!allowed.contains(name)) {
                unknown.add(name);
            }
        });
        if (!unknown.isEmpty()) {
            String named = String.join(", ", unknown.stream().limit(MAX_NAMED).map(JsonField::quote).toList());
            String more = unknown.size() > MAX_NAMED ? " and " + (unknown.size() - MAX_NAMED) + " more" : "";
            throw problem((unknown.size() == 1 ? "unknown field " : "unknown fields ") + named + more
                    + " (allowed here: " + String.join(", ", allowed) + ")");
        }
        return this;
    }

    /** The names of this object's fields, in the file's order. */
    List<String> names() {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    boolean hasField(String name) {
        return node != null && node.has(name);
    }

    String text() throws LessonException {
        require();
        if (!node.isTextual()) {
            throw problem("expected text in double quotes, got " + describe(node));
        }
        return node.textValue();
    }

    boolean bool(boolean fallback) throws LessonException {
        if (!isPresent()) {
            return fallback;
        }
        if (!node.isBoolean()) {
            throw problem("expected true or false, got " + describe(node));
        }
        return node.booleanValue();
    }

    /** A finite number. */
    double number() throws LessonException {
        require();
        if (!node.isNumber()) {
            throw problem("expected a number, got " + describe(node));
        }
        double value = node.doubleValue();
        if (!Double.isFinite(value)) {
            throw problem("expected a finite number, got " + node.asText());
        }
        return value;
    }

    /** A finite number that satisfies {@code rule}, described for the user as e.g. "greater than 0". */
    double number(DoublePredicate rule, String ruleText) throws LessonException {
        double value = number();
        if (!rule.test(value)) {
            throw problem("must be " + ruleText + ", got " + node.asText());
        }
        return value;
    }

    double number(double fallback, DoublePredicate rule, String ruleText) throws LessonException {
        return isPresent() ? number(rule, ruleText) : fallback;
    }

    /** A whole number in [min, max]; 3.0 counts as whole, 2.5 does not. */
    long wholeNumber(long min, long max) throws LessonException {
        require();
        if (!node.isNumber()) {
            throw problem("expected a whole number, got " + describe(node));
        }
        BigDecimal value;
        if (node.isIntegralNumber()) {
            value = new BigDecimal(node.bigIntegerValue());
        } else {
            double d = node.doubleValue();
            if (!Double.isFinite(d)) {
                throw problem("expected a whole number, got " + node.asText());
            }
            value = new BigDecimal(d);
            if (value.stripTrailingZeros().scale() > 0) {
                throw problem("expected a whole number, got " + node.asText());
            }
        }
        BigInteger whole = value.toBigIntegerExact();
        if (whole.compareTo(BigInteger.valueOf(min)) < 0 || whole.compareTo(BigInteger.valueOf(max)) > 0) {
            throw problem("must be from " + min + " to " + max + ", got " + node.asText());
        }
        return whole.longValueExact();
    }

    int count(int min, int max) throws LessonException {
        return (int) wholeNumber(min, max);
    }

    int count(int fallback, int min, int max) throws LessonException {
        return isPresent() ? count(min, max) : fallback;
    }

    /** The elements of a list. */
    List<JsonField> list() throws LessonException {
        require();
        if (!node.isArray()) {
            throw problem("expected a list [ ... ], got " + describe(node));
        }
        List<JsonField> elements = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            elements.add(new JsonField(path + "[" + i + "]", node.get(i)));
        }
        return elements;
    }

    /** The elements of a list of {@code min} to {@code max} entries, each one a {@code noun}. */
    List<JsonField> list(int min, int max, String noun) throws LessonException {
        List<JsonField> elements = list();
        if (elements.size() < min) {
            throw problem("needs at least " + amount(min, noun) + ", got " + elements.size());
        }
        if (elements.size() > max) {
            throw problem("at most " + amount(max, noun) + " allowed, got " + elements.size());
        }
        return elements;
    }

    /** The elements of a list of exactly {@code size} entries; {@code why} explains that size. */
    List<JsonField> list(int size, String noun, String why) throws LessonException {
        List<JsonField> elements = list();
        if (elements.size() != size) {
            throw problem("expected " + amount(size, noun) + " (" + why + "), got " + elements.size());
        }
        return elements;
    }

    /** A list of exactly {@code size} finite numbers. */
    double[] numbers(int size, String why) throws LessonException {
        List<JsonField> elements = list(size, "value", why);
        double[] values = new double[size];
        for (int i = 0; i < size; i++) {
            values[i] = elements.get(i).number();
        }
        return values;
    }

    /** "1 layer", "3 layers". */
    static String amount(int count, String noun) {
        return count + " " + (count == 1 ? noun : noun + "s");
    }

    /**
     * One of a fixed set of names (an activation, a loss, ...), looked up by the engine's own
     * {@code fromId}. {@code kind} names the set in messages.
     */
    <T> T name(String kind, Function<String, Optional<T>> lookup, List<String> names) throws LessonException {
        String id = text();
        return lookup.apply(id).orElseThrow(() ->
                problem("unknown " + kind + " " + quote(id) + " (expected one of " + String.join(", ", names) + ")"));
    }

    <T> T name(String kind, Function<String, Optional<T>> lookup, List<String> names, T fallback) throws LessonException {
        return isPresent() ? name(kind, lookup, names) : fallback;
    }

    /** Ids of an enum's constants, for "expected one of" messages. */
    static <E extends Enum<E>> List<String> ids(Class<E> type, Function<E, String> id) {
        return Arrays.stream(type.getEnumConstants()).map(id).toList();
    }

    private void require() throws LessonException {
        if (node == null) {
            throw problem("required field is missing");
        }
    }

    /**
     * Text as it would appear in the file: quoted, escaped, so a message stays on one line, and
     * cut short, so a stray megabyte of text does not become a megabyte of message.
     */
    static String quote(String text) {
        String shown = text.length() > EXCERPT ? text.substring(0, EXCERPT) : text;
        String quoted = new TextNode(shown).toString();
        return shown.length() < text.length() ? quoted.substring(0, quoted.length() - 1) + "…\"" : quoted;
    }

    /** What a value is, for "expected X, got Y". */
    static String describe(JsonNode node) {
        if (node.isNull()) {
            return "null";
        }
        if (node.isTextual()) {
            return "text " + quote(node.textValue());
        }
        if (node.isBoolean() || node.isNumber()) {
            return node.asText();
        }
        return node.isArray() ? "a list" : "an object";
    }
}
