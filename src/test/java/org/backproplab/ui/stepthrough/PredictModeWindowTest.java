package org.backproplab.ui.stepthrough;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.backproplab.engine.Mistake;
import org.backproplab.engine.MistakenAnswers;
import org.backproplab.lesson.Experiment;
import org.backproplab.lesson.Lesson;
import org.backproplab.lesson.LessonFile;
import org.backproplab.trace.FormulaRenderer;
import org.backproplab.trace.Granularity;
import org.backproplab.trace.PassQuestions;
import org.backproplab.trace.Question;
import org.backproplab.trace.SignificantNumber;
import org.backproplab.training.TrainerCommand;
import org.backproplab.ui.common.Messages;
import org.backproplab.ui.shell.LabWindow;
import org.backproplab.ui.testing.LiveLab;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A whole pass of Mazur's 2-2-2 network in predict mode, in the real window: every number typed
 * into the answer field and sent with Enter, some right, some wrong, some skipped with the next
 * key, some not numbers at all. What is revealed, the mistakes named and the score are checked
 * against the test's own trace of the same lesson.
 */
@ExtendWith(ApplicationExtension.class)
class PredictModeWindowTest {

    private static final int DIGITS = StepThroughPanel.DEFAULT_DIGITS;

    private final Messages messages = Messages.forLocale(Locale.ROOT);
    private Lesson lesson;
    private LabWindow window;
    private StepThroughMode mode;
    private PassQuestions expected;

    @Start
    void start(Stage stage) throws Exception {
        lesson = LessonFile.readResource("/assets/lessons/mazur-2-2-2.json");
        window = LabWindow.open(stage, lesson, messages);
        mode = window.stepThrough();
        expected = new PassQuestions(Experiment.of(lesson).learner().tracedSample(0), 0);
    }

    private static <T> T onFx(Callable<T> read) {
        return LiveLab.onFx(read);
    }

    private void settle() throws Exception {
        Stepping.settle(mode);
    }

    private void startPredicting(FxRobot robot) throws Exception {
        robot.clickOn(".step-toggle");
        robot.interact(() -> mode.animation().setSpeed(50));
        robot.clickOn(".predict-toggle");
        robot.clickOn(".step-next");
        settle();
    }

    private Optional<Question> asking() throws Exception {
        return onFx(() -> mode.model().frame().flatMap(frame -> mode.model().quiz().asking(frame)));
    }

    private void answer(FxRobot robot, String typed) throws Exception {
        robot.clickOn("#predict-answer");
        if (!typed.isEmpty()) {
            robot.write(typed);
        }
        robot.type(KeyCode.ENTER);
        settle();
    }

    private String feedback() throws Exception {
        return onFx(() -> mode.predict().feedback.getText());
    }

    private boolean feedbackStyled(String style) throws Exception {
        return onFx(() -> mode.predict().feedback.getStyleClass().contains(style));
    }

    private List<String> formulas() throws Exception {
        return onFx(() -> mode.panel().formulas.lines());
    }

    private static String typed(double value) {
        return SignificantNumber.plain(value, DIGITS).replace('−', '-');
    }

    /** The question's own formula with every number in, as the panel writes it. */
    private String working(Question question) {
        return FormulaRenderer.toPlainText(expected.working(question).getLast(), DIGITS);
    }

    @Test
    void aWholePassWithRightWrongAndSkippedAnswers(FxRobot robot) throws Exception {
        startPredicting(robot);
        MistakenAnswers mistakes = new MistakenAnswers(expected);
        int right = 0;
        int answered = 0;
        int asked = 0;
        Map<Mistake, Integer> named = new EnumMap<>(Mistake.class);
        while (true) {
            Optional<Question> open = asking();
            if (open.isEmpty()) {
                if (onFx(() -> mode.model().frame().orElseThrow().atEnd() && mode.model().quiz().held().isEmpty())) {
                    break;
                }
                // A wrong or skipped answer stays on show until Enter goes on.
                answer(robot, "");
                continue;
            }
            Question question = open.get();
            double truth = expected.answer(question);
            String shown = SignificantNumber.plain(truth, DIGITS);
            // Asked before shown: the blank in the panel, the question on the graph, the number nowhere.
            assertTrue(formulas().getLast().endsWith("= ☐"), formulas().toString());
            assertFalse(String.join("\n", formulas()).contains(working(question)), question.toString());
            assertTrue(onFx(() -> mode.overlay().shownLabels()).stream().anyMatch(label -> label.endsWith(" = ?")));

            switch (asked++ % 4) {
                case 1 -> {
                    // The first classic mistake this number can be worked out with, or just a wrong number.
                    double wrong = mistakes.of(question).values().stream().findFirst().orElse(truth + 1);
                    answer(robot, typed(wrong));
                    answered++;
                    assertTrue(feedbackStyled("predict-wrong"), feedback());
                    assertTrue(feedback().contains(shown), feedback());
                    assertTrue(formulas().contains(working(question)), "the formula with all its numbers: " + formulas());
                    Optional<Mistake> mistake = mistakes.explain(question, Double.parseDouble(typed(wrong)), DIGITS);
                    mistake.ifPresent(m -> named.merge(m, 1, Integer::sum));
                    String naming = messages.format("predict.mistakeNamed", mistake.map(this::mistakeText).orElse(""));
                    assertEquals(mistake.isPresent(), feedback().contains(naming), feedback());
                }
                case 3 -> {
                    robot.type(KeyCode.PAGE_DOWN);
                    settle();
                    assertTrue(feedbackStyled("predict-skipped"), feedback());
                    assertTrue(feedback().contains(shown), feedback());
                    assertTrue(formulas().contains(working(question)), formulas().toString());
                }
                default -> {
                    if (asked == 1) {
                        // Not answers: a message each, and the same question stays open.
                        for (String junk : List.of("", "abc", "1e400", "NaN")) {
                            answer(robot, junk);
                            assertTrue(feedbackStyled("predict-problem"), junk + ": " + feedback());
                            assertEquals(Optional.of(question), asking());
                            robot.interact(() -> mode.predict().answer.clear());
                        }
                        // A page of pasted digits: refused, and quoted short, not repeated whole.
                        robot.interact(() -> mode.predict().answer.setText("9".repeat(10_000)));
                        answer(robot, "");
                        assertTrue(feedbackStyled("predict-problem"), feedback());
                        assertTrue(feedback().length() < 200, "the message quotes " + feedback().length() + " characters");
                        assertEquals(Optional.of(question), asking());
                        robot.interact(() -> mode.predict().answer.clear());
                    }
                    answer(robot, typed(truth));
                    right++;
                    answered++;
                    assertTrue(feedbackStyled("predict-right"), feedback());
                    assertTrue(feedback().contains(shown), feedback());
                }
            }
            int r = right;
            int a = answered;
            assertEquals(new PredictQuiz.Score(r, a), onFx(() -> mode.model().quiz().passScore(1)));
        }
        int questions = expected.trace().subSteps(Granularity.NEURON).stream()
                .mapToInt(step -> expected.of(step).size()).sum();
        assertEquals(questions, asked, "every number of the pass was asked once");
        assertFalse(named.isEmpty(), "some wrong answers were classic mistakes");
        assertEquals(named, onFx(() -> mode.model().quiz().mistakesNamed()));
        String score = onFx(() -> mode.predict().score.getText());
        assertTrue(score.startsWith(messages.format("predict.score", right, answered, right, answered)), score);
        named.keySet().forEach(mistake -> assertTrue(score.contains(mistakeText(mistake)), score));
        // The last sub-step answered, its numbers are on show like any other's.
        assertFalse(formulas().getLast().endsWith("☐"));
    }

    @Test
    void aWrongAnswerOnShowStillWithholdsTheSubStepsOtherNumbers(FxRobot robot) throws Exception {
        startPredicting(robot);
        answer(robot, "0.0275");
        assertTrue(feedback().contains(messages.get("predict.mistake.FORGOTTEN_BIAS")), feedback());
        String activation = SignificantNumber.plain(expected.answer(Question.a(0, 0)), DIGITS);
        List<String> graph = onFx(() -> mode.overlay().shownLabels());
        assertTrue(graph.stream().noneMatch(label -> label.contains(activation)), graph.toString());
        answer(robot, "");
        assertEquals(Optional.of(Question.a(0, 0)), asking(), "Enter went on to the next question");
    }

    @Test
    void aNewLessonStartsTheScoreAfresh(FxRobot robot) throws Exception {
        startPredicting(robot);
        answer(robot, typed(expected.answer(asking().orElseThrow())));
        assertEquals(new PredictQuiz.Score(1, 1), onFx(() -> mode.model().quiz().sessionScore()));
        robot.interact(() -> window.send(new TrainerCommand.LoadLesson(lesson)));
        new LiveLab(window).awaitSettled();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(new PredictQuiz.Score(0, 0), onFx(() -> mode.model().quiz().sessionScore()));
    }

    private String mistakeText(Mistake mistake) {
        return messages.get("predict.mistake." + mistake.name());
    }
}
