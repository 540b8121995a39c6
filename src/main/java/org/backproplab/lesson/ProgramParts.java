package org.backproplab.lesson;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.backproplab.data.DataPoint;
import org.backproplab.trace.Matrix;
import org.backproplab.trace.StepTrace;

/**
 * The parts of an exported program around the training step: the recorded data and starting
 * weights as Python literals, the function that records a step in the {@code trace} command's
 * names, and the closing check against the app's own numbers. The script and the notebook arrange
 * the same parts, the script as one file, the notebook as cells.
 */
final class ProgramParts {

    /** How closely the program's numbers must agree with the app's. */
    static final String RELATIVE_TOLERANCE = "1e-9";
    /** Below this size a number counts as zero: sums that cancel keep only rounding noise. */
    static final String ABSOLUTE_TOLERANCE = "1e-12";

    /** The per-layer values a program prints and checks, as the {@code trace} command names them. */
    private static final String[] LAYER_FIELDS = {"z", "a", "delta", "weightGradient", "biasGradient", "weights", "biases"};

    private final RecordedRun run;
    private final NumpyStep step;

    ProgramParts(RecordedRun run) {
        this.run = run;
        this.step = NumpyStep.of(run.lesson());
    }

    NumpyStep step() {
        return step;
    }

    int steps() {
        return run.traces().size();
    }

    /** Imports, the helper functions the step calls, and the function that records a step. */
    List<String> definitions() {
        List<String> lines = new ArrayList<>(step.definitions());
        lines.addAll(List.of("", "",
                "def record(step, loss, penalty, gradient_scale, layers):",
                "    \"\"\"One step's numbers, named as in Backprop Lab's trace command (one list per sample).\"\"\"",
                "    return {\"step\": step, \"loss\": float(loss), \"penalty\": float(penalty),",
                "            \"gradientScale\": float(gradient_scale), \"layers\": [",
                "                {\"z\": z.T.tolist(), \"a\": a.T.tolist(), \"delta\": delta.T.tolist(),",
                "                 \"weightGradient\": dW.tolist(), \"biasGradient\": db.ravel().tolist(),",
                "                 \"weights\": W.tolist(), \"biases\": b.ravel().tolist()}",
                "                for z, a, delta, dW, db, W, b in layers]}"));
        return lines;
    }

    /** The training points in the app's order, the inputs and targets made from them, and the batches. */
    List<String> data() {
        List<String> lines = new ArrayList<>();
        lines.add("# the training points (x1, x2), in the order Backprop Lab holds them");
        lines.add("points = np.array([");
        for (DataPoint point : run.points()) {
            lines.add("    [" + NumpyStep.number(point.x1()) + ", " + NumpyStep.number(point.x2()) + "],");
        }
        lines.add("])");
        lines.add("x1, x2 = points[:, 0], points[:, 1]");
        lines.add("X_train = " + step.inputFeatures("x1", "x2") + "  # the network's inputs, one column per point");
        lines.add("# the targets, one row per output neuron, one column per point");
        lines.add("y_train = " + matrix(run.targets()));
        lines.add("# the points of each mini-batch, in the order Backprop Lab drew them");
        lines.add("batches = [");
        for (int[] batch : run.batches()) {
            lines.add("    " + Arrays.toString(batch) + ",");
        }
        lines.add("]");
        if (step.scheduled()) {
            lines.add("# the epoch of each mini-batch (the first is 0): the schedule's η depends on it");
            lines.add("epochs = " + epochs());
        }
        if (step.usesShiftedPoints()) {
            lines.add("# augmentation: each batch's points (x1 row, x2 row) as the app shifted them");
            lines.add("shifted_points = [");
            run.shifted().forEach(points -> lines.add("    " + matrix(points.orElseThrow()).replace("\n", "\n    ") + ","));
            lines.add("]");
        }
        if (step.usesMasks()) {
            lines.add("# dropout: per step, each dropping layer's mask (1 kept, 0 dropped; one column per sample) as the app drew it");
            lines.add("masks = [");
            for (StepTrace trace : run.traces()) {
                List<String> layers = new ArrayList<>();
                for (int l = 0; l < trace.layers().size(); l++) {
                    int k = l + 1;
                    trace.layers().get(l).dropout().ifPresent(dropout -> layers.add(k + ": " + wholeNumbers(dropout.mask())));
                }
                lines.add("    {" + String.join(", ", layers) + "},");
            }
            lines.add("]");
        }
        return lines;
    }

    /**
     * The epoch of each recorded step, counted from 0: an epoch's mini-batches hold every training
     * point once (the last one takes what is left), so the points drawn before a step tell its epoch.
     */
    private String epochs() {
        List<String> epochs = new ArrayList<>();
        long drawn = 0;
        for (int[] batch : run.batches()) {
            epochs.add(Long.toString(drawn / run.points().size()));
            drawn += batch.length;
        }
        return "[" + String.join(", ", epochs) + "]";
    }

    /** A matrix of whole numbers (a mask) as a compact np.array literal on one line. */
    private static String wholeNumbers(Matrix m) {
        List<String> rows = new ArrayList<>();
        for (int r = 0; r < m.rows(); r++) {
            rows.add(Arrays.stream(m.row(r)).mapToObj(v -> Integer.toString((int) v)).collect(Collectors.joining(", ", "[", "]")));
        }
        return "np.array([" + String.join(", ", rows) + "])";
    }

    /** The starting weights and biases, the hyperparameters, the optimizer's empty memory. */
    List<String> network() {
        List<String> lines = new ArrayList<>();
        lines.add("# the starting weights (one row per neuron, one column per input) and biases (a column)");
        for (int l = 0; l < run.start().size(); l++) {
            int k = l + 1;
            LayerWeights weights = run.start().get(l);
            lines.add("W" + k + " = " + matrix(weights.weights()));
            lines.add("b" + k + " = " + matrix(weights.biases()));
            weights.batchNorm().ifPresent(values -> {
                lines.add("# batch normalisation of layer " + k + ": scale, shift, running averages of mu and var");
                lines.add("bn_gamma" + k + " = " + matrix(values.gamma()));
                lines.add("bn_beta" + k + " = " + matrix(values.beta()));
                lines.add("running_mean" + k + " = " + matrix(values.runningMean()));
                lines.add("running_var" + k + " = " + matrix(values.runningVariance()));
            });
        }
        lines.addAll(step.settings());
        lines.add("trace = []");
        return lines;
    }

    /** One training step on {@code batch}, recorded and printed as a JSON line. */
    List<String> stepBody() {
        List<String> lines = new ArrayList<>(step.batch());
        for (CodeBlock block : step.step()) {
            lines.addAll(block.lines());
        }
        lines.addAll(recordAndPrint());
        return lines;
    }

    /**
     * The loop that takes the step once per batch, from {@code header} (a {@code for} over the
     * batches): {@link #stepBody()} indented under it, blank lines left blank.
     */
    List<String> stepLoop(String header) {
        List<String> lines = new ArrayList<>(List.of(header));
        for (String line : stepBody()) {
            lines.add(line.isEmpty() ? "" : "    " + line);
        }
        return lines;
    }

    List<String> recordAndPrint() {
        return List.of(step.recordCall(), "print(json.dumps(trace[-1]))");
    }

    /** Backprop Lab's own numbers, and the comparison that says whether this program repeated them. */
    List<String> check() {
        List<String> lines = new ArrayList<>();
        lines.add("# Backprop Lab's own numbers for the same steps, one JSON line per step");
        lines.add("APP_TRACE = [json.loads(line) for line in r\"\"\"");
        for (int s = 0; s < run.traces().size(); s++) {
            lines.add(appLine(s));
        }
        lines.add("\"\"\".strip().splitlines()]");
        lines.addAll(List.of("", "",
                "def close(mine, app):",
                "    \"\"\"Whether every number of the app's is repeated to a relative " + RELATIVE_TOLERANCE + ".\"\"\"",
                "    if isinstance(app, dict):",
                "        return all(close(mine[key], value) for key, value in app.items())",
                "    if isinstance(app, list):",
                "        return len(mine) == len(app) and all(close(x, y) for x, y in zip(mine, app))",
                "    return math.isclose(mine, app, rel_tol=" + RELATIVE_TOLERANCE + ", abs_tol=" + ABSOLUTE_TOLERANCE + ")",
                "",
                "",
                "if close(trace, APP_TRACE):",
                "    print(f\"All {len(trace)} steps match Backprop Lab's numbers to a relative " + RELATIVE_TOLERANCE
                        + ".\", file=sys.stderr)",
                "else:",
                "    print(\"These numbers differ from Backprop Lab's by more than a relative " + RELATIVE_TOLERANCE
                        + ".\", file=sys.stderr)",
                "    sys.exit(1)"));
        return lines;
    }

    /** Step {@code s}'s trace reduced to what the program prints, in the trace command's format. */
    private String appLine(int s) {
        ObjectNode full = TraceJson.toJson(run.traces().get(s));
        ObjectNode line = JsonNodeFactory.instance.objectNode();
        line.put("step", s + 1);
        for (String field : List.of("loss", "penalty", "gradientScale")) {
            line.set(field, full.get(field));
        }
        ArrayNode layers = line.putArray("layers");
        for (JsonNode layer : full.get("layers")) {
            ObjectNode kept = layers.addObject();
            for (String field : LAYER_FIELDS) {
                kept.set(field, layer.get(field));
            }
        }
        return line.toString();
    }

    /** A matrix as an np.array literal: one row on one line, several rows a line each. */
    private static String matrix(Matrix m) {
        List<String> rows = new ArrayList<>();
        for (int r = 0; r < m.rows(); r++) {
            rows.add(Arrays.stream(m.row(r)).mapToObj(NumpyStep::number).collect(Collectors.joining(", ", "[", "]")));
        }
        if (rows.size() == 1) {
            return "np.array([" + rows.getFirst() + "])";
        }
        return "np.array([\n    " + String.join(",\n    ", rows) + ",\n])";
    }
}
