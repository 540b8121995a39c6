package org.backproplab.lesson;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.backproplab.data.TextFile;
import org.backproplab.engine.Loss;
import org.backproplab.engine.OptimizerSettings;
import org.backproplab.trace.StepPhase;

/**
 * The exported program as a Jupyter notebook (nbformat 4): the data and the network, then the
 * first step phase by phase, each phase's formula in LaTeX above its code, then the remaining steps
 * in a loop and the check against the app's numbers. Its code cells, run in order, are the script's
 * program. The words come from the {@code notebook} resource bundle (English or Chinese).
 */
public final class JupyterNotebook {

    private static final String BUNDLE = "org.backproplab.lesson.notebook";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final ProgramParts parts;
    private final RecordedRun run;
    private final ResourceBundle text;
    private final ArrayNode cells = JSON.arrayNode();

    private JupyterNotebook(RecordedRun run, Locale locale) {
        this.run = run;
        this.parts = new ProgramParts(run);
        this.text = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The notebook as nbformat 4 JSON, with its words in {@code locale}'s language where a translation ships. */
    public static String json(RecordedRun run, Locale locale) {
        return new JupyterNotebook(run, locale).build().toPrettyString() + "\n";
    }

    /** Saves the notebook to {@code file}, replacing it atomically; the exception's message is one line. */
    public static void write(RecordedRun run, Locale locale, Path file) throws IOException {
        TextFile.save(file, json(run, locale));
    }

    private ObjectNode build() {
        markdown(words("title", run.lesson().title(), parts.steps()));
        markdown(words("definitions"));
        code(parts.definitions());
        markdown(words("data"));
        code(parts.data());
        markdown(words("network"));
        code(parts.network());

        markdown(words("firstStep"));
        List<String> first = new ArrayList<>(List.of("step, batch = 1, batches[0]"));
        first.addAll(parts.step().batch());
        code(first);
        for (StepPhase phase : StepPhase.values()) {
            markdown(words("phase." + phase.name()) + "\n\n" + formula(phase));
            List<String> lines = new ArrayList<>();
            for (CodeBlock block : parts.step().step()) {
                if (block.subStep().map(StepPhase::of).orElse(null) == phase) {
                    lines.addAll(block.lines());
                }
            }
            code(lines);
        }
        markdown(words("record"));
        code(parts.recordAndPrint());

        markdown(words("rest"));
        code(parts.stepLoop("for step, batch in enumerate(batches[1:], start=2):"));
        markdown(words("check"));
        code(parts.check());

        ObjectNode notebook = JSON.objectNode();
        notebook.put("nbformat", 4);
        notebook.put("nbformat_minor", 5);
        ObjectNode metadata = notebook.putObject("metadata");
        ObjectNode kernel = metadata.putObject("kernelspec");
        kernel.put("name", "python3");
        kernel.put("display_name", "Python 3");
        kernel.put("language", "python");
        metadata.putObject("language_info").put("name", "python");
        notebook.set("cells", cells);
        return notebook;
    }

    /** The phase's formulas for this lesson's loss and optimizer, as a LaTeX display. */
    private String formula(StepPhase phase) {
        String latex = switch (phase) {
            case FORWARD -> "z^{(l)} = W^{(l)} a^{(l-1)} + b^{(l)}, \\qquad a^{(l)} = f\\big(z^{(l)}\\big), \\qquad a^{(0)} = X";
            case LOSS -> "L = \\frac{1}{m} \\sum_{i=1}^{m} " + switch (run.lesson().hyperparameters().loss()) {
                case SQUARED_ERROR -> "\\sum_k \\tfrac{1}{2} \\big(y_{ki} - a^{(L)}_{ki}\\big)^2";
                case BINARY_CROSS_ENTROPY -> "\\sum_k -\\big[y_{ki} \\ln a^{(L)}_{ki} + (1 - y_{ki}) \\ln\\big(1 - a^{(L)}_{ki}\\big)\\big]";
                case SOFTMAX_CROSS_ENTROPY -> "\\sum_k -y_{ki} \\ln a^{(L)}_{ki}";
            };
            case BACKWARD -> "\\delta^{(L)} = " + (run.lesson().hyperparameters().loss() == Loss.SQUARED_ERROR
                    ? "\\big(a^{(L)} - y\\big) \\odot f'\\big(z^{(L)}\\big)" : "a^{(L)} - y")
                    + ", \\qquad \\delta^{(l)} = \\big(W^{(l+1)\\top} \\delta^{(l+1)}\\big) \\odot f'\\big(z^{(l)}\\big)";
            case GRADIENTS -> "\\frac{\\partial L}{\\partial W^{(l)}} = \\frac{1}{m}\\, \\delta^{(l)} a^{(l-1)\\top}, \\qquad "
                    + "\\frac{\\partial L}{\\partial b^{(l)}} = \\frac{1}{m} \\sum_{i=1}^{m} \\delta^{(l)}_{i}";
            case UPDATE -> switch (run.lesson().hyperparameters().optimizer()) {
                case OptimizerSettings.Sgd _ -> "\\theta \\leftarrow \\theta - \\eta\\, g";
                case OptimizerSettings.Momentum _ -> "v \\leftarrow \\mu v - \\eta\\, g, \\qquad \\theta \\leftarrow \\theta + v";
                case OptimizerSettings.Adam _ -> "m \\leftarrow \\beta_1 m + (1 - \\beta_1) g, \\quad "
                        + "v \\leftarrow \\beta_2 v + (1 - \\beta_2) g^2, \\quad "
                        + "\\theta \\leftarrow \\theta - \\eta \\frac{m / (1 - \\beta_1^t)}{\\sqrt{v / (1 - \\beta_2^t)} + \\epsilon}";
            };
        };
        return "$$" + latex + "$$";
    }

    private String words(String key, Object... arguments) {
        return MessageFormat.format(text.getString(key), arguments);
    }

    private void markdown(String source) {
        ObjectNode cell = cell("markdown");
        cell.set("source", source(List.of(source.split("\n", -1))));
    }

    private void code(List<String> lines) {
        ObjectNode cell = cell("code");
        cell.putNull("execution_count");
        cell.putArray("outputs");
        // A line of the parts may hold several (a matrix literal): a cell's source is one string per line.
        cell.set("source", source(List.of(String.join("\n", lines).split("\n", -1))));
    }

    private ObjectNode cell(String type) {
        ObjectNode cell = cells.addObject();
        cell.put("cell_type", type);
        cell.put("id", "cell-" + cells.size());
        cell.putObject("metadata");
        return cell;
    }

    /** nbformat's multi-line string: the lines, each but the last ending in a line break. */
    private static ArrayNode source(List<String> lines) {
        ArrayNode out = JSON.arrayNode();
        for (int i = 0; i < lines.size(); i++) {
            out.add(i < lines.size() - 1 ? lines.get(i) + "\n" : lines.get(i));
        }
        return out;
    }
}
