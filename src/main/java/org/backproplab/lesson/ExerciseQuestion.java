package org.backproplab.lesson;

import java.util.List;
import org.backproplab.trace.Formula;
import org.backproplab.trace.PassQuestions;
import org.backproplab.trace.Question;

/**
 * One number a student works out on an exercise sheet, with the engine's answer and the working
 * that leads to it, as {@link PassQuestions} gives them: the sheet, its answer key and
 * {@code exercises.json} carry them together. Positions count from 0 here, as in the trace;
 * {@code exercises.json} and the sheets show them from 1.
 *
 * @param question which number is asked
 * @param answer   the engine's number, unrounded
 * @param working  the formulas that lead to the answer, from the trace; the last one's subject is
 *                 what is asked and its result is the answer
 */
public record ExerciseQuestion(Question question, double answer, List<Formula> working) {

    public ExerciseQuestion {
        working = List.copyOf(working);
        if (working.isEmpty()) {
            throw new IllegalArgumentException("a question needs the working of its answer");
        }
    }

    /** Every question of the traced step of one sample, in the pass's order, answered and worked. */
    static List<ExerciseQuestion> of(PassQuestions questions) {
        return questions.all().stream()
                .map(question -> new ExerciseQuestion(question, questions.answer(question), questions.working(question)))
                .toList();
    }

    /** The formula whose result is the answer: the sheet leaves its result blank. */
    public Formula asked() {
        return working.getLast();
    }
}
