package org.backproplab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.backproplab.lesson.Experiment;
import org.backproplab.lesson.LessonFile;
import org.backproplab.trace.Granularity;
import org.backproplab.trace.PassQuestions;
import org.backproplab.trace.Question;
import org.backproplab.trace.SignificantNumber;
import org.backproplab.trace.StepTrace;
import org.backproplab.trace.SubStep;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each classic mistake is named on the numbers of Matt Mazur's "A Step by Step Backpropagation
 * Example" (the shipped lesson mazur-2-2-2), whose mistaken values are worked out here by hand from
 * his published ones; and no mistake is ever named for a right answer.
 */
class MistakenAnswersTest {

    private static final int DIGITS = 4;
    /** His published values, https://mattmazur.com/2015/03/17/a-step-by-step-backpropagation-example/ */
    private static final double NET_H1 = 0.3775;
    private static final double NET_H2 = 0.3925;
    private static final double OUT_H1 = 0.593269992;
    private static final double OUT_H2 = 0.596884378;
    private static final double NET_O1 = 1.105905967;
    private static final double OUT_O1 = 0.75136507;
    private static final double E_TOTAL = 0.298371109;
    private static final double DE_DOUT_O1 = 0.74136507;
    private static final double DELTA_O1 = 0.138498562;
    private static final double DELTA_O2 = -0.0380982;
    private static final double DE_DW5 = 0.082167041;
    private static final double W5_NEW = 0.35891648;
    private static final double W7_NEW = 0.511301270;
    private static final double DOUT_H1_DNET_H1 = 0.241300709;
    private static final double DE_DOUT_H1 = 0.036350306;
    private static final double DE_DW1 = 0.000438568;
    private static final double W1_NEW = 0.149780716;

    private static PassQuestions questions;
    private static MistakenAnswers mistakes;

    @BeforeAll
    static void mazur() throws Exception {
        StepTrace trace = Experiment.of(LessonFile.readResource("/assets/lessons/mazur-2-2-2.json")).learner().tracedSample(0);
        questions = new PassQuestions(trace, 0);
        mistakes = new MistakenAnswers(questions);
    }

    private static double typed(double value) {
        // What a student writes down: the number rounded to the digits on show.
        return Double.parseDouble(SignificantNumber.plain(value, DIGITS).replace('−', '-'));
    }

    private static void named(Mistake mistake, Question question, double mistaken) {
        assertEquals(Optional.of(mistake), mistakes.explain(question, typed(mistaken), DIGITS), question + " answered " + mistaken);
    }

    @Test
    void theAnswersAreMazursPublishedValues() {
        assertEquals(NET_H1, questions.answer(Question.z(0, 0)), 1e-9);
        assertEquals(OUT_H1, questions.answer(Question.a(0, 0)), 1e-9);
        assertEquals(NET_O1, questions.answer(Question.z(1, 0)), 1e-9);
        assertEquals(OUT_O1, questions.answer(Question.a(1, 0)), 1e-8);
        assertEquals(E_TOTAL, questions.answer(Question.loss()), 1e-9);
        assertEquals(DELTA_O1, questions.answer(Question.delta(1, 0)), 1e-9);
        assertEquals(DE_DW5, questions.answer(Question.weightGradient(1, 0, 0)), 1e-9);
        assertEquals(W5_NEW, questions.answer(Question.weight(1, 0, 0)), 1e-8);
        assertEquals(DE_DW1, questions.answer(Question.weightGradient(0, 0, 0)), 1e-9);
        assertEquals(W1_NEW, questions.answer(Question.weight(0, 0, 0)), 1e-9);
    }

    @Test
    void forgettingTheBiasIsNamed() {
        named(Mistake.FORGOTTEN_BIAS, Question.z(0, 0), NET_H1 - 0.35);
    }

    @Test
    void usingZWhereABelongsIsNamed() {
        named(Mistake.Z_FOR_A, Question.a(0, 0), NET_H1);
        named(Mistake.Z_FOR_A, Question.z(1, 0), 0.40 * NET_H1 + 0.45 * NET_H2 + 0.60);
        named(Mistake.Z_FOR_A, Question.weightGradient(1, 0, 0), DELTA_O1 * NET_H1);
        // σ′ written as a(1 − a) with z put in for a.
        named(Mistake.Z_FOR_A, Question.delta(1, 0), DE_DOUT_O1 * NET_O1 * (1 - NET_O1));
    }

    @Test
    void usingAWhereZBelongsIsNamed() {
        double sigmoidOfOut = 1 / (1 + Math.exp(-OUT_O1));
        named(Mistake.A_FOR_Z, Question.delta(1, 0), DE_DOUT_O1 * sigmoidOfOut * (1 - sigmoidOfOut));
    }

    @Test
    void forgettingTheDerivativeIsNamedForOutputAndHiddenDelta() {
        named(Mistake.FORGOTTEN_DERIVATIVE, Question.delta(1, 0), DE_DOUT_O1);
        named(Mistake.FORGOTTEN_DERIVATIVE, Question.delta(0, 0), DE_DOUT_H1);
    }

    @Test
    void theWrongSignOfTheOutputErrorIsNamed() {
        named(Mistake.FLIPPED_ERROR_SIGN, Question.delta(1, 0), -DELTA_O1);
        named(Mistake.FLIPPED_ERROR_SIGN, Question.delta(1, 1), -DELTA_O2);
    }

    @Test
    void forgettingTheLearningRateIsNamed() {
        named(Mistake.FORGOTTEN_LEARNING_RATE, Question.weight(1, 0, 0), 0.40 - DE_DW5);
        named(Mistake.FORGOTTEN_LEARNING_RATE, Question.weight(0, 0, 0), 0.15 - DE_DW1);
    }

    @Test
    void theNewWeightsInTheHiddenDeltaAreNamed() {
        // Mazur warns against exactly this: δ_h1 from w5⁺ and w7⁺ instead of w5 and w7.
        named(Mistake.NEW_WEIGHT_IN_HIDDEN_DELTA, Question.delta(0, 0),
                (W5_NEW * DELTA_O1 + W7_NEW * DELTA_O2) * OUT_H1 * (1 - OUT_H1));
        assertEquals(DOUT_H1_DNET_H1, OUT_H1 * (1 - OUT_H1), 1e-9);
    }

    @Test
    void aRightAnswerIsNeverTakenForAMistakeAtAnyDigits() {
        for (SubStep step : questions.trace().subSteps(Granularity.NEURON)) {
            for (Question question : questions.of(step)) {
                double truth = questions.answer(question);
                for (int digits = 1; digits <= 8; digits++) {
                    double shown = Double.parseDouble(SignificantNumber.plain(truth, digits).replace('−', '-'));
                    assertEquals(Optional.empty(), mistakes.explain(question, shown, digits), question + " at " + digits);
                    assertEquals(Optional.empty(), mistakes.explain(question, truth, digits), question + " at " + digits);
                }
            }
        }
    }

    @Test
    void aWrongAnswerThatIsNoClassicMistakeIsNotNamed() {
        assertEquals(Optional.empty(), mistakes.explain(Question.z(0, 0), 0.5, DIGITS));
        assertEquals(Optional.empty(), mistakes.explain(Question.loss(), 0.3, DIGITS));
    }
}
