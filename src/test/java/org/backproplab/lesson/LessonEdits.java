package org.backproplab.lesson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A valid lesson and a way to break one field of it: {@code edit("network.layers[1].size", "-3")}
 * gives the lesson's text with that one value replaced by raw JSON text (which may be NaN or
 * anything else JSON itself cannot hold), or removed when the text is null.
 */
final class LessonEdits {

    /** 2-3-1 sigmoid with fixed weights, on XOR's four points. */
    static final String VALID = """
            {
              "format": "backprop-lab-lesson",
              "version": 1,
              "title": "Test lesson",
              "commentary": "For tests.",
              "network": {
                "features": ["x1", "x2"],
                "initializer": "xavier",
                "layers": [
                  {"size": 3, "activation": "sigmoid",
                   "weights": [[0.1, 0.2], [0.3, 0.4], [0.5, 0.6]], "biases": [0.1, 0.2, 0.3]},
                  {"size": 1, "activation": "sigmoid", "weights": [[0.7, 0.8, 0.9]], "biases": [0.4]}
                ]
              },
              "training": {
                "loss": "squared-error",
                "optimizer": {"type": "sgd", "learningRate": 0.5},
                "batchSize": 4,
                "seed": 42
              },
              "data": {
                "classes": 2,
                "trainRatio": 1.0,
                "points": [
                  {"x1": 0, "x2": 0, "label": 0},
                  {"x1": 0, "x2": 1, "label": 1},
                  {"x1": 1, "x2": 0, "label": 1},
                  {"x1": 1, "x2": 1, "label": 0}
                ]
              }
            }
            """;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern STEP = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)]");
    private static final String MARK = "@@raw-%d@@";

    record Edit(String path, String raw) {
    }

    private LessonEdits() {
    }

    static Edit set(String path, String raw) {
        return new Edit(path, raw);
    }

    static Edit remove(String path) {
        return new Edit(path, null);
    }

    static String edit(String path, String raw) {
        return apply(VALID, new Edit(path, raw));
    }

    /** {@code json} with every edit applied. */
    static String apply(String json, Edit... edits) {
        try {
            JsonNode root = JSON.readTree(json);
            List<String> raws = new ArrayList<>();
            for (Edit edit : edits) {
                List<Object> steps = steps(edit.path());
                JsonNode parent = root;
                for (Object step : steps.subList(0, steps.size() - 1)) {
                    parent = step instanceof Integer i ? parent.get(i) : parent.get((String) step);
                }
                Object last = steps.getLast();
                if (edit.raw() == null) {
                    if (last instanceof Integer i) {
                        ((ArrayNode) parent).remove(i);
                    } else {
                        ((ObjectNode) parent).remove((String) last);
                    }
                    continue;
                }
                String mark = MARK.formatted(raws.size());
                raws.add(edit.raw());
                if (last instanceof Integer i) {
                    ((ArrayNode) parent).set(i, mark);
                } else {
                    ((ObjectNode) parent).put((String) last, mark);
                }
            }
            String text = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
            for (int i = 0; i < raws.size(); i++) {
                text = text.replace('"' + MARK.formatted(i) + '"', raws.get(i));
            }
            return text;
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Object> steps(String path) {
        List<Object> steps = new ArrayList<>();
        Matcher m = STEP.matcher(path);
        while (m.find()) {
            steps.add(m.group(1) != null ? m.group(1) : Integer.valueOf(m.group(2)));
        }
        return steps;
    }
}
