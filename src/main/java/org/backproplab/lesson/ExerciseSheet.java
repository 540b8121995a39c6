package org.backproplab.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.backproplab.trace.Caption;
import org.backproplab.trace.Formula;
import org.backproplab.trace.MathToken.Symbol;
import org.backproplab.trace.Question;
import org.backproplab.trace.Question.Quantity;
import org.backproplab.trace.StepTrace;

/**
 * One variant's exercise sheet, or its answer key, as Markdown with LaTeX math: the network with
 * its weights, the update rule the step uses, the sample, then every question numbered in the
 * order of the pass, under the worked example's section headings. The sheet leaves a blank where
 * each answer goes; the key works each answer out the way the worked example does (the formula,
 * the numbers put in, the result), so both read like the lab's other handouts.
 */
public final class ExerciseSheet {

    /** Digits answers are asked for and shown with: what a student can carry by hand without drifting. */
    public static final int DIGITS = 4;

    /** Where a student writes an answer: a line long enough for "−0.01234". */
    static final String BLANK = "\\underline{\\qquad\\qquad\\qquad}";

    private final Exercise exercise;
    private final boolean answers;
    private final HandoutMarkdown page;

    private ExerciseSheet(Exercise exercise, boolean answers, Locale locale) {
        this.exercise = exercise;
        this.answers = answers;
        this.page = new HandoutMarkdown(DIGITS, locale);
    }

    /** The sheet a student fills in, in the language of {@code locale} where a translation ships. */
    public static String sheet(Exercise exercise, Locale locale) {
        return new ExerciseSheet(exercise, false, locale).render();
    }

    /** The same sheet with every answer worked out, for the teacher. */
    public static String answers(Exercise exercise, Locale locale) {
        return new ExerciseSheet(exercise, true, locale).render();
    }

    private String render() {
        StepTrace trace = exercise.trace();
        Lesson lesson = exercise.lesson();
        String variant = String.valueOf(exercise.variant());
        page.title(lesson, answers ? page.say("exercise.answers.subtitle", variant, String.valueOf(DIGITS))
                : page.say("exercise.subtitle", variant), false);
        page.network(trace, lesson, false);
        // The questions name weights by their indices alone: the student must know which is which.
        page.paragraph(page.say("exercise.notation", page.inline(new Symbol("w", "ji", "(l)")), page.inline(new Symbol("x", "i", "")),
                page.inline(new Symbol("W", "", "(l)")), page.inline(new Symbol("b", "j", "(l)")), page.inline(new Symbol("o", "j", ""))));
        rules();
        int samples = ExerciseSet.trainingSamples(lesson);
        String which = page.say("exercise.sample", String.valueOf(exercise.sample()), String.valueOf(samples));
        if (lesson.batchSize() > 1) {
            which = page.say("exercise.sample.batch", String.valueOf(lesson.batchSize()), which);
        }
        page.sample(trace, 0, which);
        if (!answers) {
            page.paragraph(page.say("exercise.instructions", String.valueOf(DIGITS)));
        }
        questions(trace);
        return page.markdown();
    }

    /**
     * The rules of this network in symbols, for its first neuron, weight and bias: each layer's
     * activation, the loss and the update. The student brings backpropagation; these are the
     * lesson's settings (a loss with or without ½, an update with a penalty, clipping, momentum or
     * Adam) and a sheet that did not spell them out would leave the answers a guess.
     */
    private void rules() {
        page.paragraph(page.say("exercise.rules"));
        List<Formula> rules = new ArrayList<>();
        for (ExerciseQuestion answered : exercise.questions()) {
            Question question = answered.question();
            boolean first = question.neuron() <= 0 && question.input() <= 0;
            switch (question.quantity()) {
                case A, LOSS -> rules.addAll(first ? answered.working() : List.of());
                case WEIGHT, BIAS -> rules.addAll(first && question.layer() == 0 ? answered.working() : List.of());
                default -> {
                }
            }
        }
        rules.forEach(rule -> rule.inSymbols().ifPresent(symbols -> page.display(page.aligned(symbols))));
    }

    private void questions(StepTrace trace) {
        String section = null;
        int layer = -1;
        int number = 0;
        for (ExerciseQuestion answered : exercise.questions()) {
            Question question = answered.question();
            String stem = section(question.quantity());
            if (!stem.equals(section)) {
                page.heading(2, page.say(stem + ".heading"));
                page.paragraph(page.say(stem + ".intro"));
                section = stem;
                layer = -1;
            }
            if (question.layer() != layer && question.quantity().ofNeuron()) {
                page.layerHeading(trace, question.layer());
                layer = question.layer();
            }
            number++;
            if (answers) {
                answer(number, answered);
            } else {
                blank(number, answered);
            }
        }
    }

    /** "**3.**", what is asked in symbols, and a line to write the answer on. */
    private void blank(int number, ExerciseQuestion question) {
        Formula asked = question.asked();
        page.paragraph("**" + number + ".** $" + page.latex(asked.subject()) + " " + HandoutMarkdown.relation(asked, 1)
                + " " + BLANK + "$");
    }

    /** "**3.** Weighted sum:" and the working, each further kind of formula under its own caption. */
    private void answer(int number, ExerciseQuestion question) {
        Caption caption = null;
        for (Formula formula : question.working()) {
            String words = page.say("caption." + formula.caption().name());
            if (caption == null) {
                page.paragraph("**" + number + ".** " + words);
            } else if (formula.caption() != caption) {
                page.paragraph(words);
            }
            caption = formula.caption();
            page.display(page.aligned(formula));
        }
    }

    /** The worked example's section a question falls in: the stem of its heading's and intro's keys. */
    private static String section(Quantity quantity) {
        return switch (quantity) {
            case Z, A -> "forward";
            case LOSS -> "loss";
            case DELTA -> "backward";
            case WEIGHT_GRADIENT, BIAS_GRADIENT -> "gradients";
            case WEIGHT, BIAS -> "update";
        };
    }
}
