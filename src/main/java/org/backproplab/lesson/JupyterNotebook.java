package org.backproplab.lesson;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import org.backproplab.data.TextFile;
import org.backproplab.trace.Caption;
import org.backproplab.trace.Formula;
import org.backproplab.trace.FormulaBuilder;
import org.backproplab.trace.Granularity;
import org.backproplab.trace.StepPhase;
import org.backproplab.trace.StepTrace;
import org.backproplab.trace.SubStep;

/**
 * The exported program as a Jupyter notebook (nbformat 4): the data and the network, then the
 * first step phase by phase, each phase's formula in LaTeX above its code, then the remaining steps
 * in a loop and the check against the app's numbers. Its code cells, run in order, are the script's
 * program. The words come from the {@code notebook} resource bundle (English or Chinese).
 */
public final class JupyterNotebook {

    private static final String BUNDLE = "org.backproplab.lesson.notebook";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** The formulas are in symbols, with no numbers to round; the typesetter asks all the same. */
    private static final int FORMULA_DIGITS = 4;

    private final ProgramParts parts;
    private final RecordedRun run;
    private final ResourceBundle text;
    /** The lesson's title in the notebook's language, where the lesson has a translation, as literal Markdown. */
    private final String title;
    /** Typesets the formulas as the handouts do. */
    private final HandoutMarkdown page;
    private final ArrayNode cells = JSON.arrayNode();

    private JupyterNotebook(RecordedRun run, Locale locale) {
        this.run = run;
        this.parts = new ProgramParts(run);
        this.title = HandoutMarkdown.escape(run.lesson().words(locale).title());
        this.page = new HandoutMarkdown(FORMULA_DIGITS, locale);
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
        markdown(words("title", title, parts.steps()));
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

    /**
     * The phase's rules in symbols, as the worked example and the exercise sheets write them (one
     * formula system: the trace's {@link FormulaBuilder}), for the first neuron of each layer of the
     * first step: so the penalty, clipping and fixed biases the code computes are in them too.
     */
    private String formula(StepPhase phase) {
        StepTrace first = run.traces().getFirst();
        FormulaBuilder formulas = new FormulaBuilder(first, 0);
        List<String> displays = new ArrayList<>();
        for (SubStep step : first.subSteps(Granularity.LAYER)) {
            if (StepPhase.of(step) != phase) {
                continue;
            }
            Set<Caption> seen = EnumSet.noneOf(Caption.class);
            for (Formula formula : formulas.explain(step).formulas()) {
                if (seen.add(formula.caption())) {
                    formula.inSymbols().ifPresent(symbols -> displays.add("$$\n" + page.aligned(symbols) + "\n$$"));
                }
            }
        }
        return String.join("\n\n", displays);
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
