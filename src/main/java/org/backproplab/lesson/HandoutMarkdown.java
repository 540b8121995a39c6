package org.backproplab.lesson;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.IntToDoubleFunction;
import org.backproplab.engine.InputFeature;
import org.backproplab.engine.Regularization;
import org.backproplab.trace.Formula;
import org.backproplab.trace.FormulaRenderer;
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
 * The Markdown every printed page about a training step is written in: the worked example and the
 * exercise sheets describe the network and the sample, head the pass's sections and typeset the
 * formulas the same way, in the words of the {@code handout} resource bundle and the language asked
 * for. Math is LaTeX in {@code $…$} and {@code $$…$$}.
 */
final class HandoutMarkdown {

    private static final String BUNDLE = "org.backproplab.lesson.handout";

    private final int digits;
    private final ResourceBundle text;
    private final StringBuilder out = new StringBuilder();

    /**
     * @param significantDigits how many significant digits numbers show, 1 to 10
     * @throws IllegalArgumentException if the digits are out of range
     */
    HandoutMarkdown(int significantDigits, Locale locale) {
        this.digits = SignificantNumber.requireValidDigits(significantDigits);
        // No fallback to the machine's language: a handout asked for in English stays English.
        this.text = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    int digits() {
        return digits;
    }

    /** The language the words are in: the lesson's title and commentary are shown in it too. */
    Locale locale() {
        return text.getLocale();
    }

    /**
     * The page's title and subtitle, and the lesson's commentary if asked: a worked example quotes
     * it, an exercise sheet does not (it may quote numbers of the lesson's own weights).
     */
    void title(Lesson lesson, String subtitle, boolean commentary) {
        LessonWords words = lesson.words(locale());
        out.append("# ").append(escape(words.title())).append("\n\n");
        paragraph("*" + subtitle + "*");
        if (commentary && !words.commentary().isBlank()) {
            paragraph("> " + escape(words.commentary().strip()).replace("\n", "\n> "));
        }
    }

    /**
     * The network as the step found it: inputs, layers, loss, optimizer with its constants, biases,
     * regularization, clipping, then the weights and biases as matrices.
     *
     * @param clipScale whether to say by how much clipping scaled the gradients: a worked example
     *                  tells, an exercise sheet leaves it to be worked out
     */
    void network(StepTrace trace, Lesson lesson, boolean clipScale) {
        heading(2, say("network.heading"));
        List<String> items = new ArrayList<>();
        items.add(inputs(lesson.features()));
        List<LayerTrace> layers = trace.layers();
        for (int l = 0; l < layers.size(); l++) {
            String key = l == layers.size() - 1 ? "network.layer.output" : "network.layer.hidden";
            items.add(say(key, l + 1, layers.get(l).size(), say("activation." + layers.get(l).activation())));
        }
        items.add(say("network.loss", say("loss." + trace.lossFunction())));
        items.add(say("network.optimizer", say("optimizer." + trace.optimizer()), optimizerConstants(trace)));
        items.add(say(trace.biasesTrained() ? "network.biases.trained" : "network.biases.fixed"));
        Regularization regularization = lesson.hyperparameters().regularization();
        if (regularization.isActive()) {
            items.add(say("network.regularization", say("regularization." + regularization.kind().id()),
                    inline(new Symbol("λ"), regularization.rate()),
                    "$" + mathText("penalty." + regularization.kind().id()) + "$",
                    "$" + mathText("penaltyGradient." + regularization.kind().id()) + "$"));
        }
        double clipNorm = lesson.hyperparameters().gradientClipNorm();
        if (clipNorm > 0) {
            items.add(clipScale ? say("network.clipping", number(clipNorm), inline(new Symbol("c"), trace.gradientScale()))
                    : say("network.clipping.rule", number(clipNorm)));
        }
        bullets(items);
        paragraph(say("network.weights"));
        for (int l = 0; l < layers.size(); l++) {
            LayerTrace layer = layers.get(l);
            String tag = "(" + (l + 1) + ")";
            display(latex(List.of(new Symbol("W", "", tag), Operator.EQUALS, new MatrixValue(layer.weightsBefore())))
                    + ", \\quad " + latex(List.of(new Symbol("b", "", tag), Operator.EQUALS, new MatrixValue(layer.biasesBefore()))));
        }
    }

    /** The inputs by the names the formulas give them: x₁, x₂, … for the features, in order. */
    private String inputs(List<InputFeature> features) {
        if (features.equals(List.of(InputFeature.X1, InputFeature.X2))) {
            return say("network.inputs.coordinates", say("list.and", "$x_{1}$", "$x_{2}$"));
        }
        List<String> named = new ArrayList<>();
        for (int i = 0; i < features.size(); i++) {
            named.add("$x_{" + (i + 1) + "}$ = " + say("feature." + features.get(i).id()));
        }
        return say("network.inputs.features", String.join(", ", named));
    }

    /** η, and μ, or β₁, β₂, ε, or ρ, ε: every constant the update formulas use. */
    private String optimizerConstants(StepTrace trace) {
        List<String> constants = new ArrayList<>();
        constants.add(inline(new Symbol("η"), trace.learningRate()));
        switch (trace.optimizerConstants()) {
            case OptimizerConstants.Sgd() -> {
            }
            case OptimizerConstants.Momentum(double momentum) -> constants.add(inline(new Symbol("μ"), momentum));
            case OptimizerConstants.Adam(double beta1, double beta2, double epsilon) -> {
                constants.add(inline(new Symbol("β", "1", ""), beta1));
                constants.add(inline(new Symbol("β", "2", ""), beta2));
                constants.add(inline(new Symbol("ε"), epsilon));
            }
            case OptimizerConstants.RmsProp(double rho, double epsilon) -> {
                constants.add(inline(new Symbol("ρ"), rho));
                constants.add(inline(new Symbol("ε"), epsilon));
            }
        }
        return String.join(", ", constants);
    }

    /** The sample's input and target, after a sentence saying which sample it is. */
    void sample(StepTrace trace, int sample, String which) {
        heading(2, say("sample.heading"));
        paragraph(which);
        bullets(List.of(
                say("sample.input", values("x", trace.inputs().rows(), r -> trace.inputs().get(r, sample))),
                say("sample.target", values("t", trace.targets().rows(), r -> trace.targets().get(r, sample)))));
    }

    /** "$x_{1} = 0.05$, $x_{2} = 0.1$" */
    private String values(String name, int count, IntToDoubleFunction value) {
        List<String> parts = new ArrayList<>();
        for (int r = 0; r < count; r++) {
            parts.add(inline(new Symbol(name, Integer.toString(r + 1), ""), value.applyAsDouble(r)));
        }
        return String.join(", ", parts);
    }

    /** The heading of layer {@code layer} (counting from 0) within a section. */
    void layerHeading(StepTrace trace, int layer) {
        boolean output = layer == trace.layers().size() - 1;
        heading(3, say(output ? "layer.output" : "layer.hidden", layer + 1));
    }

    /** The formula one side per line, the relation signs lined up: subject = symbols = numbers = result. */
    String aligned(Formula formula) {
        List<List<MathToken>> sides = formula.sides();
        StringBuilder latex = new StringBuilder("\\begin{aligned}\n").append(latex(formula.subject()));
        for (int s = 1; s < sides.size(); s++) {
            latex.append(s == 1 ? " " : " \\\\\n").append('&').append(relation(formula, s)).append(' ').append(latex(sides.get(s)));
        }
        if (!formula.condition().isEmpty()) {
            latex.append(" \\quad (").append(latex(formula.condition())).append(')');
        }
        return latex.append("\n\\end{aligned}").toString();
    }

    /** The sign before side {@code side}: ← before an update's first right-hand side, = elsewhere. */
    static String relation(Formula formula, int side) {
        boolean assigns = side == 1 && formula.relation() == Formula.Relation.ASSIGNS;
        return (assigns ? Operator.ASSIGN : Operator.EQUALS).latex().strip();
    }

    String latex(List<MathToken> tokens) {
        return FormulaRenderer.toLatex(tokens, digits);
    }

    /** "$\eta = 0.5$" */
    String inline(Symbol name, double value) {
        return "$" + latex(List.of(name, Operator.EQUALS, new MathToken.Value(value))) + "$";
    }

    String number(double value) {
        return "$" + SignificantNumber.latex(value, digits) + "$";
    }

    void heading(int level, String title) {
        out.append("#".repeat(level)).append(' ').append(title).append("\n\n");
    }

    void paragraph(String paragraph) {
        out.append(paragraph).append("\n\n");
    }

    void bullets(List<String> items) {
        for (String item : items) {
            out.append("- ").append(item).append('\n');
        }
        out.append('\n');
    }

    /** A display formula on lines of its own, which every Markdown math extension reads as display math. */
    void display(String latex) {
        out.append("$$\n").append(latex).append("\n$$\n\n");
    }

    /** A symbol as inline math: "$w_{ji}^{(l)}$". */
    String inline(Symbol symbol) {
        return "$" + latex(List.of(symbol)) + "$";
    }

    /** LaTeX kept in the bundle under {@code math.}: read as written, since a message pattern would take its braces for arguments. */
    private String mathText(String key) {
        return text.getString("math." + key);
    }

    String say(String key, Object... arguments) {
        return new MessageFormat(text.getString(key), text.getLocale()).format(arguments);
    }

    String markdown() {
        return out.toString();
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
