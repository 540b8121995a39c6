package org.backproplab.lesson;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.backproplab.data.TextFile;
import org.backproplab.trace.Caption;
import org.backproplab.trace.Explanation;
import org.backproplab.trace.Formula;
import org.backproplab.trace.FormulaBuilder;
import org.backproplab.trace.Granularity;
import org.backproplab.trace.StepPhase;
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
 * {@code handout} resource bundle, through {@link HandoutMarkdown}.
 */
public final class WorkedExample {

    private final StepTrace trace;
    private final int sample;
    private final Lesson lesson;
    private final HandoutMarkdown page;
    private final FormulaBuilder formulas;

    private WorkedExample(StepTrace trace, int sample, Lesson lesson, int digits, Locale locale) {
        this.trace = trace;
        this.sample = sample;
        this.lesson = lesson;
        this.page = new HandoutMarkdown(digits, locale);
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

    /** Saves the handout in {@code locale}'s language to {@code file}, replacing it atomically; the exception's message is one line. */
    public static void write(StepTrace trace, int sample, Lesson lesson, int significantDigits, Locale locale, Path file)
            throws IOException {
        TextFile.save(file, markdown(trace, sample, lesson, significantDigits, locale));
    }

    private String render() {
        page.title(lesson, page.say("handout.subtitle", String.valueOf(page.digits())), true);
        page.network(trace, lesson, true);
        page.sample(trace, sample, trace.batchSize() == 1 ? page.say("sample.single")
                : page.say("sample.batch", String.valueOf(trace.batchSize()), String.valueOf(sample + 1)));
        SubStep previous = null;
        for (SubStep step : trace.subSteps(Granularity.LAYER)) {
            if (previous == null || step.getClass() != previous.getClass()) {
                section(step);
            }
            subStep(step);
            previous = step;
        }
        return page.markdown();
    }

    /** A new section of the pass starts: its heading and one sentence on what it computes. */
    private void section(SubStep step) {
        String key = StepPhase.of(step).key();
        page.heading(2, page.say(key + ".heading"));
        String intro = page.say(key + ".intro");
        if (step instanceof SubStep.Gradients && trace.batchSize() > 1) {
            intro += " " + page.say("gradients.batch", String.valueOf(trace.batchSize()));
        }
        page.paragraph(intro);
    }

    private void subStep(SubStep step) {
        int layer = switch (step) {
            case SubStep.ForwardLayer(int l) -> l;
            case SubStep.BackwardLayer(int l) -> l;
            case SubStep.Gradients(int l) -> l;
            case SubStep.Update(int l) -> l;
            case SubStep.Normalise(int l) -> l;
            case SubStep.ScaleAndShift(int l) -> l;
            case SubStep.BackwardNormalise(int l) -> l;
            default -> -1;
        };
        if (layer >= 0) {
            page.layerHeading(trace, layer);
        }
        Explanation explanation = formulas.explain(step);
        Caption caption = null;
        for (Formula formula : explanation.formulas()) {
            // One caption over a run of formulas of the same kind: "Gradient of a weight:" once per neuron, not per weight.
            if (formula.caption() != caption) {
                page.paragraph(page.say("caption." + formula.caption().name()));
                caption = formula.caption();
            }
            page.display(page.aligned(formula));
        }
        if (!explanation.matrixForm().isEmpty()) {
            // The captions name one neuron's quantity; the matrix symbols say what each line is.
            page.paragraph(page.say("matrix.form"));
            explanation.matrixForm().forEach(formula -> page.display(page.aligned(formula)));
        }
    }
}
