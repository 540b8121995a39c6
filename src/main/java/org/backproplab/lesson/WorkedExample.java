package org.backproplab.lesson;

import java.io.IOException;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.IntToDoubleFunction;
import org.backproplab.data.TextFile;
import org.backproplab.engine.InputFeature;
import org.backproplab.engine.Regularization;
import org.backproplab.trace.Caption;
import org.backproplab.trace.Explanation;
import org.backproplab.trace.Formula;
import org.backproplab.trace.FormulaBuilder;
import org.backproplab.trace.FormulaRenderer;
import org.backproplab.trace.Granularity;
import org.backproplab.trace.LayerTrace;
import org.backproplab.trace.MathToken;
import org.backproplab.trace.MathToken.MatrixValue;
import org.backproplab.trace.MathToken.Operator;
import org.backproplab.trace.MathToken.Symbol;
import org.backproplab.trace.OptimizerConstants;
import org.backproplab.trace.SignificantNumber;
import org.backproplab.trace.StepTrace;
import org.backproplab.trace.SubStep;

/**
 * A handout a teacher can print: one recorded training step worked through for one sample of its
 * batch, as Markdown with LaTeX math for any viewer with MathJax or KaTeX (pandoc, GitHub, Jupyter,
 * Obsidian…). It describes the network, gives the sample, then follows the pass section by section
 * (forward pass, loss, backward pass, gradients, update), each layer neuron by neuron and then as
 * matrices. Every formula and every number comes from {@link FormulaBuilder} over the trace, so the
 * handout shows exactly what the app computed; this class only lays it out.
 *
 * <p>Each formula is a display block of its own, one step of the working per line
 * ({@code aligned}), the way a hand-worked example reads. The words come from the
 * {@code handout} resource bundle.
 */
public final class WorkedExample {

    private static final String BUNDLE = "org.backproplab.lesson.handout";

    private final StepTrace trace;
    private final int sample;
    private final Lesson lesson;
    private final int digits;
    private final ResourceBundle text;
    private final FormulaBuilder formulas;
    private final StringBuilder out = new StringBuilder();

    private WorkedExample(StepTrace trace, int sample, Lesson lesson, int digits, Locale locale) {
        this.trace = trace;
        this.sample = sample;
        this.lesson = lesson;
        this.digits = SignificantNumber.requireValidDigits(digits);
        // No fallback to the machine's language: a handout asked for in English stays English.
        this.text = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        this.formulas = new FormulaBuilder(trace, sample);
    }

    /**
     * The handout for sample {@code sample} (counting from 0) of the trace's batch, in English.
     *
     * @param lesson            the lesson the step belongs to: its title, commentary, input features,
     *                          regularization and clipping settings are described
     * @param significantDigits how many significant digits numbers show, 1 to 10
     * @throws IllegalArgumentException if the sample is not in the batch or the digits are out of range
     */
    public static String markdown(StepTrace trace, int sample, Lesson lesson, int significantDigits) {
        return markdown(trace, sample, lesson, significantDigits, Locale.ENGLISH);
    }

    /** As {@link #markdown(StepTrace, int, Lesson, int)}, in the language of {@code locale} where a translation ships. */
    public static String markdown(StepTrace trace, int sample, Lesson lesson, int significantDigits, Locale locale) {
        return new WorkedExample(trace, sample, lesson, significantDigits, locale).render();
    }

    /** Saves the English handout to {@code file}, replacing it atomically; the exception's message is one line. */
    public static void write(StepTrace trace, int sample, Lesson lesson, int significantDigits, Path file) throws IOException {
        TextFile.save(file, markdown(trace, sample, lesson, significantDigits));
    }

    private String render() {
        out.append("# ").append(escape(lesson.title())).append("\n\n");
        paragraph("*" + say("handout.subtitle", String.valueOf(digits)) + "*");
        if (!lesson.commentary().isBlank()) {
            paragraph("> " + escape(lesson.commentary().strip()).replace("\n", "\n> "));
        }
        network();
        sample();
        SubStep previous = null;
        for (SubStep step : trace.subSteps(Granularity.LAYER)) {
            if (previous == null || step.getClass() != previous.getClass()) {
                section(step);
            }
            subStep(step);
            previous = step;
        }
        return out.toString();
    }

    private void network() {
        heading(2, say("network.heading"));
        List<String> items = new ArrayList<>();
        items.add(inputs());
        List<LayerTrace> layers = trace.layers();
        for (int l = 0; l < layers.size(); l++) {
            String key = l == layers.size() - 1 ? "network.layer.output" : "network.layer.hidden";
            items.add(say(key, l + 1, layers.get(l).size(), say("activation." + layers.get(l).activation())));
        }
        items.add(say("network.loss", say("loss." + trace.lossFunction())));
        items.add(say("network.optimizer", say("optimizer." + trace.optimizer()), optimizerConstants()));
        items.add(say(trace.biasesTrained() ? "network.biases.trained" : "network.biases.fixed"));
        Regularization regularization = lesson.hyperparameters().regularization();
        if (regularization.isActive()) {
            items.add(say("network.regularization", say("regularization." + regularization.kind().id()),
                    inline(symbol("λ"), regularization.rate())));
        }
        double clipNorm = lesson.hyperparameters().gradientClipNorm();
        if (clipNorm > 0) {
            items.add(say("network.clipping", number(clipNorm), inline(symbol("c"), trace.gradientScale())));
        }
        for (String item : items) {
            out.append("- ").append(item).append('\n');
        }
        out.append('\n');
        paragraph(say("network.weights"));
        for (int l = 0; l < layers.size(); l++) {
            LayerTrace layer = layers.get(l);
            String tag = "(" + (l + 1) + ")";
            display(latex(List.of(new Symbol("W", "", tag), Operator.EQUALS, new MatrixValue(layer.weightsBefore())))
                    + ", \\quad " + latex(List.of(new Symbol("b", "", tag), Operator.EQUALS, new MatrixValue(layer.biasesBefore()))));
        }
    }

    /** The inputs by the names the formulas give them: x₁, x₂, … for the features, in order. */
    private String inputs() {
        List<InputFeature> features = lesson.features();
        if (features.equals(List.of(InputFeature.X1, InputFeature.X2))) {
            return say("network.inputs.coordinates", say("list.and", "$x_{1}$", "$x_{2}$"));
        }
        List<String> named = new ArrayList<>();
        for (int i = 0; i < features.size(); i++) {
            named.add("$x_{" + (i + 1) + "}$ = " + say("feature." + features.get(i).id()));
        }
        return say("network.inputs.features", String.join(", ", named));
    }

    /** η, and μ or β₁, β₂, ε: every constant the update formulas use. */
    private String optimizerConstants() {
        List<String> constants = new ArrayList<>();
        constants.add(inline(symbol("η"), trace.learningRate()));
        switch (trace.optimizerConstants()) {
            case OptimizerConstants.Sgd() -> {
            }
            case OptimizerConstants.Momentum(double momentum) -> constants.add(inline(symbol("μ"), momentum));
            case OptimizerConstants.Adam(double beta1, double beta2, double epsilon) -> {
                constants.add(inline(new Symbol("β", "1", ""), beta1));
                constants.add(inline(new Symbol("β", "2", ""), beta2));
                constants.add(inline(symbol("ε"), epsilon));
            }
        }
        return String.join(", ", constants);
    }

    private void sample() {
        heading(2, say("sample.heading"));
        paragraph(trace.batchSize() == 1 ? say("sample.single") : say("sample.batch", String.valueOf(trace.batchSize()), String.valueOf(sample + 1)));
        out.append("- ").append(say("sample.input", values("x", trace.inputs().rows(), r -> trace.inputs().get(r, sample))))
                .append('\n');
        out.append("- ").append(say("sample.target", values("t", trace.targets().rows(), r -> trace.targets().get(r, sample))))
                .append("\n\n");
    }

    /** "$x_{1} = 0.05$, $x_{2} = 0.1$" */
    private String values(String name, int count, IntToDoubleFunction value) {
        List<String> parts = new ArrayList<>();
        for (int r = 0; r < count; r++) {
            parts.add(inline(new Symbol(name, Integer.toString(r + 1), ""), value.applyAsDouble(r)));
        }
        return String.join(", ", parts);
    }

    /** A new section of the pass starts: its heading and one sentence on what it computes. */
    private void section(SubStep step) {
        String key = switch (step) {
            case SubStep.ForwardLayer _, SubStep.ForwardNeuron _ -> "forward";
            case SubStep.ComputeLoss _ -> "loss";
            case SubStep.BackwardLayer _, SubStep.BackwardNeuron _ -> "backward";
            case SubStep.Gradients _, SubStep.GradientsNeuron _ -> "gradients";
            case SubStep.Update _, SubStep.UpdateNeuron _ -> "update";
        };
        heading(2, say(key + ".heading"));
        String intro = say(key + ".intro");
        if (step instanceof SubStep.Gradients && trace.batchSize() > 1) {
            intro += " " + say("gradients.batch", String.valueOf(trace.batchSize()));
        }
        paragraph(intro);
    }

    private void subStep(SubStep step) {
        int layer = switch (step) {
            case SubStep.ForwardLayer(int l) -> l;
            case SubStep.BackwardLayer(int l) -> l;
            case SubStep.Gradients(int l) -> l;
            case SubStep.Update(int l) -> l;
            default -> -1;
        };
        if (layer >= 0) {
            boolean output = layer == trace.layers().size() - 1;
            heading(3, say(output ? "layer.output" : "layer.hidden", layer + 1));
        }
        Explanation explanation = formulas.explain(step);
        Caption caption = null;
        for (Formula formula : explanation.formulas()) {
            // One caption over a run of formulas of the same kind: "Gradient of a weight:" once per neuron, not per weight.
            if (formula.caption() != caption) {
                paragraph(say("caption." + formula.caption().name()));
                caption = formula.caption();
            }
            display(aligned(formula));
        }
        if (!explanation.matrixForm().isEmpty()) {
            // The captions name one neuron's quantity; the matrix symbols say what each line is.
            paragraph(say("matrix.form"));
            explanation.matrixForm().forEach(formula -> display(aligned(formula)));
        }
    }

    /** The formula one side per line, the relation signs lined up: subject = symbols = numbers = result. */
    private String aligned(Formula formula) {
        List<List<MathToken>> sides = formula.sides();
        StringBuilder latex = new StringBuilder("\\begin{aligned}\n").append(latex(formula.subject()));
        for (int s = 1; s < sides.size(); s++) {
            boolean assigns = s == 1 && formula.relation() == Formula.Relation.ASSIGNS;
            String relation = (assigns ? Operator.ASSIGN : Operator.EQUALS).latex().strip();
            latex.append(s == 1 ? " " : " \\\\\n").append('&').append(relation).append(' ').append(latex(sides.get(s)));
        }
        if (!formula.condition().isEmpty()) {
            latex.append(" \\quad (").append(latex(formula.condition())).append(')');
        }
        return latex.append("\n\\end{aligned}").toString();
    }

    private String latex(List<MathToken> tokens) {
        return FormulaRenderer.toLatex(tokens, digits);
    }

    /** "$\eta = 0.5$" */
    private String inline(Symbol name, double value) {
        return "$" + latex(List.of(name, Operator.EQUALS, new MathToken.Value(value))) + "$";
    }

    private String number(double value) {
        return "$" + SignificantNumber.latex(value, digits) + "$";
    }

    private static Symbol symbol(String name) {
        return new Symbol(name);
    }

    private void heading(int level, String title) {
        out.append("#".repeat(level)).append(' ').append(title).append("\n\n");
    }

    private void paragraph(String paragraph) {
        out.append(paragraph).append("\n\n");
    }

    /** A display formula on lines of its own, which every Markdown math extension reads as display math. */
    private void display(String latex) {
        out.append("$$\n").append(latex).append("\n$$\n\n");
    }

    private String say(String key, Object... arguments) {
        return new MessageFormat(text.getString(key), text.getLocale()).format(arguments);
    }

    /**
     * Lesson text (title, commentary) as literal Markdown: characters that would start emphasis,
     * a link, HTML or math are escaped, so "out_h1" and "$5" print as written.
     */
    static String escape(String plain) {
        StringBuilder escaped = new StringBuilder();
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            if ("\\`*_[]<>$|#".indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
