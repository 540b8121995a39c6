package org.backproplab.lesson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The {@code "compare"} block of a lesson file: what run B changes of the lesson (run A), written
 * as the lesson's own fields, only those that differ. Reading lays the block over A's fields and
 * reads the result as a whole lesson, so B's values get every check A's get; writing keeps the
 * fields of B's lesson that differ from A's. B may change settings only, never what makes the two
 * runs comparable (the data, the seed, the shuffling, the inputs, the layer sizes, the weights).
 */
final class CompareBlock {

    static final String FIELD = "compare";

    private static final List<String> BLOCK_FIELDS = List.of("network", "training");
    private static final List<String> NETWORK_FIELDS = List.of("initializer", "layers");
    private static final List<String> LAYER_FIELDS = List.of("activation", "dropout", "batchNorm");
    private static final List<String> TRAINING_FIELDS = List.of("loss", "optimizer", "batchSize", "regularization",
            "gradientClipNorm", "trainBiases", "learningRateSchedule", "augmentation");
    private static final List<String> NORMALISATION_FIELDS = List.of("gamma", "beta", "runningMean", "runningVariance");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private CompareBlock() {
    }

    /**
     * B's lesson from the file's tree, whose lesson {@code a} was read already. B starts from A's
     * weights unless the block names another initializer.
     */
    static Lesson read(JsonNode root, Lesson a) throws LessonException {
        JsonField block = JsonField.root(root).field(FIELD).object(BLOCK_FIELDS);
        ObjectNode merged = root.deepCopy();
        merged.remove(FIELD);
        JsonField network = block.field("network");
        if (network.isPresent()) {
            network.object(NETWORK_FIELDS);
            ObjectNode mergedNetwork = (ObjectNode) merged.get("network");
            JsonField initializer = network.field("initializer");
            if (initializer.isPresent()) {
                initializer.text();
                mergedNetwork.set("initializer", initializer.node());
            }
            JsonField layers = network.field("layers");
            if (layers.isPresent()) {
                overlayLayers(layers, (ArrayNode) mergedNetwork.get("layers"));
            }
        }
        JsonField training = block.field("training");
        if (training.isPresent()) {
            training.object(TRAINING_FIELDS);
            ObjectNode mergedTraining = (ObjectNode) merged.get("training");
            training.names().forEach(name -> mergedTraining.set(name, training.node().get(name)));
        }
        Lesson b;
        try {
            b = LessonReader.read(merged);
        } catch (LessonException e) {
            throw new LessonException(FIELD + ": run B's " + e.getMessage(), e);
        }
        Comparison comparison = new Comparison(a, b);
        return comparison.startOfB();
    }

    /** One entry per layer of A, each changing that layer's activation, dropout or batch normalisation. */
    private static void overlayLayers(JsonField layers, ArrayNode mergedLayers) throws LessonException {
        List<JsonField> entries = layers.list(mergedLayers.size(), "layer", "one per layer of run A ({} for a layer B keeps)");
        for (int l = 0; l < entries.size(); l++) {
            JsonField entry = entries.get(l).object(LAYER_FIELDS);
            ObjectNode layer = (ObjectNode) mergedLayers.get(l);
            entry.names().forEach(name -> layer.set(name, entry.node().get(name)));
            // A's trained γ and β belong to a layer that normalises; B's own start fresh.
            if (!layer.path("batchNorm").asBoolean(false)) {
                layer.remove(NORMALISATION_FIELDS);
            }
        }
    }

    /** The block for {@code comparison}'s B: its settings that differ from A's; empty when none do. */
    static ObjectNode write(Comparison comparison) {
        ObjectNode treeA = LessonWriter.tree(comparison.a());
        ObjectNode treeB = LessonWriter.tree(comparison.b());
        ObjectNode block = JSON.objectNode();
        ObjectNode network = JSON.objectNode();
        if (comparison.a().initializer() != comparison.b().initializer()) {
            network.put("initializer", comparison.b().initializer().id());
        }
        ArrayNode layers = layers(comparison);
        if (layers != null) {
            network.set("layers", layers);
        }
        if (!network.isEmpty()) {
            block.set("network", network);
        }
        ObjectNode training = JSON.objectNode();
        JsonNode trainingA = treeA.get("training");
        JsonNode trainingB = treeB.get("training");
        for (String name : TRAINING_FIELDS) {
            JsonNode inB = trainingB.get(name);
            if (inB == null && trainingA.has(name)) {
                // Written only when in use (noise): B not using it must say so against A's.
                training.set(name, absent(name));
            } else if (inB != null && !inB.equals(trainingA.get(name))) {
                training.set(name, inB);
            }
        }
        if (!training.isEmpty()) {
            block.set("training", training);
        }
        return block;
    }

    /** Per layer what B changes ({} where nothing), or null when B changes no layer. */
    private static ArrayNode layers(Comparison comparison) {
        ArrayNode layers = JSON.arrayNode();
        boolean any = false;
        for (int l = 0; l < comparison.a().layers().size(); l++) {
            var inA = comparison.a().layers().get(l);
            var inB = comparison.b().layers().get(l);
            ObjectNode layer = layers.addObject();
            if (inA.activation() != inB.activation()) {
                layer.put("activation", inB.activation().id());
            }
            if (inA.dropout() != inB.dropout()) {
                layer.put("dropout", inB.dropout());
            }
            if (inA.batchNorm() != inB.batchNorm()) {
                layer.put("batchNorm", inB.batchNorm());
            }
            any |= !layer.isEmpty();
        }
        return any ? layers : null;
    }

    /** The written value of a training field the writer leaves out when it is at its default. */
    private static JsonNode absent(String name) {
        return switch (name) {
            case "augmentation" -> JSON.objectNode().put("noise", 0.0);
            case "learningRateSchedule" -> JSON.objectNode().put("type", "constant");
            default -> throw new IllegalStateException("the writer leaves out " + name + " with no value to say so");
        };
    }
}
