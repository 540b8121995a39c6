package org.backproplab.ui.stepthrough;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.backproplab.engine.Mistake;
import org.backproplab.engine.MistakenAnswers;
import org.backproplab.trace.Grading;
import org.backproplab.trace.PassQuestions;
import org.backproplab.trace.Question;
import org.backproplab.trace.StepTrace;

/**
 * Predict mode's state: whether the step-through asks for each number before showing it, which
 * numbers it asks, what was answered so far and the score. Plain state with no JavaFX, kept with
 * the step-through's model so a change of language or theme keeps it, and forgotten with the
 * lesson.
 *
 * <p>A question is settled once answered or skipped; a pass replayed (back, then forward) asks only
 * what is still unsettled. A wrong or skipped answer is held on show, with the right number and its
 * working, until the student goes on; a right one lets the pass go on at once.
 */
final class PredictQuiz {

    /** Which numbers of a pass are asked. */
    enum Asked {
        ALL,
        FORWARD,
        BACKWARD,
        UPDATE,
        ONE_PER_LAYER;

        boolean asks(Question question) {
            return switch (this) {
                case ALL -> true;
                case FORWARD -> switch (question.quantity()) {
                    case Z, A, LOSS -> true;
                    default -> false;
                };
                case BACKWARD -> switch (question.quantity()) {
                    case DELTA, WEIGHT_GRADIENT, BIAS_GRADIENT -> true;
                    default -> false;
                };
                case UPDATE -> switch (question.quantity()) {
                    case WEIGHT, BIAS -> true;
                    default -> false;
                };
                case ONE_PER_LAYER -> question.firstOfItsLayer();
            };
        }
    }

    enum Verdict {
        RIGHT,
        WRONG,
        SKIPPED
    }

    /**
     * How one question went.
     *
     * @param truth   the trace's number
     * @param mistake the classic mistake a wrong answer matches, if any
     */
    record Outcome(long pass, Question question, Verdict verdict, double truth, Optional<Mistake> mistake) {
    }

    /** Right answers out of questions answered (skipped ones are not answers). */
    record Score(int right, int answered) {
    }

    /** A question of one sample of one pass. */
    private record Key(long pass, int column, Question question) {
    }

    private boolean on;
    private Asked asked = Asked.ALL;
    private final Map<Key, Outcome> settled = new LinkedHashMap<>();
    /** A wrong or skipped answer on show until the student goes on. */
    private Outcome held;
    /** The trainer's step count last seen: it starts again with a new lesson (or a reset network). */
    private long steps;

    boolean isOn() {
        return on;
    }

    void setOn(boolean on) {
        this.on = on;
        held = null;
    }

    Asked asked() {
        return asked;
    }

    void setAsked(Asked asked) {
        this.asked = asked;
    }

    /** The questions of the frame's sub-step that this quiz asks and that are not settled yet, in order. */
    List<Question> unsettled(StepThrough.Frame frame) {
        if (!on) {
            return List.of();
        }
        Optional<PassQuestions> questions = questions(frame);
        if (questions.isEmpty()) {
            return List.of();
        }
        List<Question> out = new ArrayList<>();
        for (Question question : questions.get().of(frame.subStep().orElseThrow())) {
            if (asked.asks(question) && !settled.containsKey(key(frame, question))) {
                out.add(question);
            }
        }
        return out;
    }

    /** The question to answer now: none while a wrong or skipped answer is held on show. */
    Optional<Question> asking(StepThrough.Frame frame) {
        return held != null ? Optional.empty() : unsettled(frame).stream().findFirst();
    }

    /** Whether the frame's numbers must not be shown yet: some of them are still to be worked out. */
    boolean withholds(StepThrough.Frame frame) {
        return !unsettled(frame).isEmpty();
    }

    Optional<Outcome> held() {
        return Optional.ofNullable(held);
    }

    /** The questions of this frame's sub-step already settled, in the order they were asked. */
    List<Outcome> settledIn(StepThrough.Frame frame) {
        List<Outcome> out = new ArrayList<>();
        questions(frame).ifPresent(questions -> {
            for (Question question : questions.of(frame.subStep().orElseThrow())) {
                Outcome outcome = settled.get(key(frame, question));
                if (outcome != null) {
                    out.add(outcome);
                }
            }
        });
        return out;
    }

    /** Grades {@code typed} as the answer to the question asked now, and names its mistake if it is a classic one. */
    Outcome answer(StepThrough.Frame frame, double typed, int digits) {
        Question question = asking(frame).orElseThrow(() -> new IllegalStateException("no question is open"));
        PassQuestions questions = questions(frame).orElseThrow();
        double truth = questions.answer(question);
        boolean right = Grading.agrees(typed, truth, digits);
        Optional<Mistake> mistake = right ? Optional.empty() : new MistakenAnswers(questions).explain(question, typed, digits);
        return settle(frame, new Outcome(frame.pass().number(), question, right ? Verdict.RIGHT : Verdict.WRONG, truth, mistake));
    }

    /** Reveals the question asked now without an answer. */
    Outcome skip(StepThrough.Frame frame) {
        Question question = asking(frame).orElseThrow(() -> new IllegalStateException("no question is open"));
        double truth = questions(frame).orElseThrow().answer(question);
        return settle(frame, new Outcome(frame.pass().number(), question, Verdict.SKIPPED, truth, Optional.empty()));
    }

    private Outcome settle(StepThrough.Frame frame, Outcome outcome) {
        settled.put(key(frame, outcome.question()), outcome);
        held = outcome.verdict() == Verdict.RIGHT ? null : outcome;
        return outcome;
    }

    /** A held answer belongs to the sub-step it was given in: showing another one lets it go. */
    void follow(StepThrough.Frame frame) {
        if (held != null && !settledIn(frame).contains(held)) {
            held = null;
        }
    }

    /** The student has seen the held answer: the next question may be asked. */
    void goOn() {
        held = null;
    }

    Score passScore(long pass) {
        return score(settled.values().stream().filter(outcome -> outcome.pass() == pass).toList());
    }

    Score sessionScore() {
        return score(List.copyOf(settled.values()));
    }

    private static Score score(List<Outcome> outcomes) {
        int right = 0;
        int answered = 0;
        for (Outcome outcome : outcomes) {
            right += outcome.verdict() == Verdict.RIGHT ? 1 : 0;
            answered += outcome.verdict() == Verdict.SKIPPED ? 0 : 1;
        }
        return new Score(right, answered);
    }

    /** How often each mistake was named this session, in {@link Mistake}'s order. */
    Map<Mistake, Integer> mistakesNamed() {
        Map<Mistake, Integer> named = new EnumMap<>(Mistake.class);
        settled.values().forEach(outcome -> outcome.mistake().ifPresent(mistake -> named.merge(mistake, 1, Integer::sum)));
        return named;
    }

    /**
     * Takes the trainer's step count from each snapshot: when it starts again, a new lesson opened
     * (or the network was reset), and the score starts afresh with it.
     */
    void sawSteps(long now) {
        if (now < steps) {
            settled.clear();
            held = null;
        }
        steps = now;
    }

    private static Optional<PassQuestions> questions(StepThrough.Frame frame) {
        Optional<StepTrace> trace = frame.pass().trace();
        return trace.isEmpty() || frame.subStep().isEmpty() ? Optional.empty()
                : Optional.of(frame.pass().questions(frame.column()));
    }

    private static Key key(StepThrough.Frame frame, Question question) {
        return new Key(frame.pass().number(), frame.column(), question);
    }
}
