package org.backproplab.lesson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Lays out a JSON tree for people to read and edit: one field per line, but lists of numbers
 * (a bias vector, one row of a weight matrix) and short flat objects (an optimizer, a data point)
 * on a single line. Jackson's own pretty printer would put every weight on a line of its own.
 * Scalars are printed by Jackson, so escaping and number text are exactly its own.
 */
final class JsonLayout {

    private static final int LINE_WIDTH = 100;
    private static final String INDENT = "  ";

    private JsonLayout() {
    }

    static String layout(JsonNode root) {
        StringBuilder out = new StringBuilder();
        write(root, "", out);
        return out.append('\n').toString();
    }

    private static void write(JsonNode node, String indent, StringBuilder out) {
        String line = oneLine(node);
        // Only objects wrap for width; a weight row reads best whole, however long.
        if (line != null && (!node.isObject() || indent.length() + line.length() <= LINE_WIDTH)) {
            out.append(line);
            return;
        }
        String inner = indent + INDENT;
        boolean object = node.isObject();
        out.append(object ? "{" : "[").append('\n');
        List<Map.Entry<String, JsonNode>> children = children(node);
        for (int i = 0; i < children.size(); i++) {
            out.append(inner);
            if (object) {
                out.append(key(children.get(i).getKey()));
            }
            write(children.get(i).getValue(), inner, out);
            out.append(i < children.size() - 1 ? ",\n" : "\n");
        }
        out.append(indent).append(object ? "}" : "]");
    }

    /** The node on one line, or null if it holds anything deeper than lists of scalars. */
    private static String oneLine(JsonNode node) {
        if (node.isValueNode()) {
            // Jackson would quote NaN as text; bare, it reads back as the number the reader rejects by name.
            return node.isNumber() && !Double.isFinite(node.doubleValue()) ? node.asText() : node.toString();
        }
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, JsonNode> child : children(node)) {
            JsonNode value = child.getValue();
            boolean flat = value.isValueNode() || (node.isObject() && isScalarList(value));
            if (!flat) {
                return null;
            }
            parts.add((node.isObject() ? key(child.getKey()) : "") + oneLine(value));
        }
        return node.isObject() ? "{" + String.join(", ", parts) + "}" : "[" + String.join(", ", parts) + "]";
    }

    private static boolean isScalarList(JsonNode node) {
        if (!node.isArray()) {
            return false;
        }
        for (JsonNode element : node) {
            if (!element.isValueNode()) {
                return false;
            }
        }
        return true;
    }

    /** An object's fields, or a list's elements with no names. */
    private static List<Map.Entry<String, JsonNode>> children(JsonNode node) {
        if (node.isObject()) {
            return List.copyOf(node.properties());
        }
        List<Map.Entry<String, JsonNode>> elements = new ArrayList<>();
        for (JsonNode element : node) {
            elements.add(Map.entry("", element));
        }
        return elements;
    }

    private static String key(String name) {
        return new TextNode(name).toString() + ": ";
    }
}
