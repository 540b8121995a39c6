package org.backproplab.lesson;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.backproplab.trace.Matrix;
import org.backproplab.trace.Question;

/**
 * All variants of an exercise in one JSON document, for a program that grades answers or builds
 * other sheets: each variant's complete lesson (weights included), its sample, and every question
 * with the engine's unrounded answer. Positions count from 1, as the sheets show them. The format
 * is described in docs/data-and-exports.md.
 */
final class ExercisesJson {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ExercisesJson() {
    }

    /** The document for {@code exercises}, drawn from the lesson titled {@code title}, laid out like a lesson file. */
    static String text(String title, List<Exercise> exercises) {
        ObjectNode root = JSON.objectNode();
        root.put("lesson", title);
        ArrayNode variants = root.putArray("variants");
        for (Exercise exercise : exercises) {
            ObjectNode variant = variants.addObject();
            variant.put("variant", exercise.variant());
            variant.set("lesson", LessonWriter.tree(exercise.lesson()));
            variant.set("inputs", column(exercise.trace().inputs()));
            variant.set("targets", column(exercise.trace().targets()));
            ArrayNode questions = variant.putArray("questions");
            exercise.questions().forEach(question -> questions.add(question(question)));
        }
        return JsonLayout.layout(root);
    }

    private static ObjectNode question(ExerciseQuestion answered) {
        Question question = answered.question();
        if (!Double.isFinite(answered.answer())) {
            // JSON has no NaN; a step that overflows cannot be an exercise anyway.
            throw new IllegalArgumentException("the step's " + question.quantity().jsonName()
                    + " is not a finite number; these weights make the lesson diverge in one step");
        }
        ObjectNode node = JSON.objectNode();
        node.put("quantity", question.quantity().jsonName());
        if (question.quantity().ofNeuron()) {
            node.put("layer", question.layer() + 1);
            node.put("neuron", question.neuron() + 1);
        }
        if (question.quantity().ofEdge()) {
            node.put("input", question.input() + 1);
        }
        node.put("answer", answered.answer());
        return node;
    }

    /** The one sample's column as a flat list. */
    private static ArrayNode column(Matrix batchOfOne) {
        ArrayNode values = JSON.arrayNode();
        for (int r = 0; r < batchOfOne.rows(); r++) {
            values.add(batchOfOne.get(r, 0));
        }
        return values;
    }
}
