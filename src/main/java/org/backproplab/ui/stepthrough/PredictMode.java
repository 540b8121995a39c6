package org.backproplab.ui.stepthrough;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.backproplab.engine.Mistake;
import org.backproplab.trace.Formula;
import org.backproplab.trace.FormulaRenderer;
import org.backproplab.trace.PassQuestions;
import org.backproplab.trace.Question;
import org.backproplab.trace.SignificantNumber;
import org.backproplab.trace.TypedNumber;
import org.backproplab.ui.common.GraphTarget;
import org.backproplab.ui.common.Messages;
import org.backproplab.ui.common.Tips;

/**
 * Predict mode in the step-through: its switch, the choice of what is asked, the question with
 * the field to answer it in, what became of the last answer, and the score. With it on, each
 * sub-step stops before its numbers appear and asks for them one by one; the step-through asks
 * this class what to withhold and what to write in the formula panel meanwhile.
 *
 * <p>Enter answers (or, once an answer is on show, goes on); the step-through's usual next keys
 * skip a question, revealing it, so a presenter's clicker still works.
 */
final class PredictMode {

    /** How much of an unreadable answer a message repeats: enough to recognise it. */
    private static final int QUOTED_LENGTH = 24;

    private final Messages messages;
    private final PredictQuiz quiz;
    private final Supplier<Optional<StepThrough.Frame>> frame;
    private final IntSupplier digits;
    private final Runnable refresh;
    private final Runnable next;
    private final Runnable back;

    final ToggleButton toggle;
    final ChoiceBox<PredictQuiz.Asked> asked = new ChoiceBox<>();
    final Label question = new Label();
    final TextField answer = new TextField();
    final Label feedback = new Label();
    final Label score = new Label();
    private final VBox answering;
    private final VBox bar;

    /**
     * @param frame   the step-through's frame on show
     * @param refresh shows the frame again, after an answer changed what may be shown
     * @param next    the step-through's step forward, which asks this class first
     */
    PredictMode(Messages messages, PredictQuiz quiz, Supplier<Optional<StepThrough.Frame>> frame, IntSupplier digits,
            Runnable refresh, Runnable next, Runnable back) {
        this.messages = messages;
        this.quiz = quiz;
        this.frame = frame;
        this.digits = digits;
        this.refresh = refresh;
        this.next = next;
        this.back = back;
        toggle = new ToggleButton(messages.get("predict.toggle"));
        toggle.getStyleClass().add("predict-toggle");
        toggle.setMinWidth(Region.USE_PREF_SIZE);
        toggle.setTooltip(Tips.of(messages.get("predict.toggle.tooltip")));
        toggle.setSelected(quiz.isOn());
        asked.getItems().setAll(PredictQuiz.Asked.values());
        asked.setValue(quiz.asked());
        asked.setConverter(StepThroughPanel.names(messages, "predict.asked."));
        asked.getStyleClass().add("predict-asked");
        asked.setMinWidth(Region.USE_PREF_SIZE);
        asked.setTooltip(Tips.of(messages.get("predict.asked.tooltip")));
        question.getStyleClass().add("predict-question");
        question.setMinWidth(Region.USE_PREF_SIZE);
        answer.setId("predict-answer");
        answer.getStyleClass().add("predict-answer");
        answer.setMinWidth(Region.USE_PREF_SIZE);
        feedback.getStyleClass().add("predict-feedback");
        feedback.setWrapText(true);
        feedback.setMaxWidth(Double.MAX_VALUE);
        feedback.setMinHeight(Region.USE_PREF_SIZE);
        // Shown only with something in it, so an empty one takes no room from the formulas.
        feedback.managedProperty().bind(feedback.visibleProperty());
        score.getStyleClass().add("predict-score");
        score.setWrapText(true);
        score.setMinHeight(Region.USE_PREF_SIZE);

        Label askedLabel = new Label(messages.get("predict.asked"));
        askedLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox choices = new HBox(8, toggle, askedLabel, asked);
        choices.setAlignment(Pos.CENTER_LEFT);
        HBox questionRow = new HBox(8, question, answer);
        questionRow.setAlignment(Pos.CENTER_LEFT);
        answering = new VBox(6, questionRow, feedback, score);
        bar = new VBox(6, choices, answering);
        bar.getStyleClass().add("predict-bar");
        bar.setMinHeight(Region.USE_PREF_SIZE);

        toggle.selectedProperty().addListener((property, was, on) -> {
            quiz.setOn(on);
            feedback.setText("");
            refresh.run();
        });
        asked.valueProperty().addListener((property, was, now) -> {
            quiz.setAsked(now);
            refresh.run();
        });
        answer.setOnAction(event -> submit());
        answer.addEventHandler(KeyEvent.KEY_PRESSED, this::key);
        show(Optional.empty());
    }

    Node bar() {
        return bar;
    }

    // --- what the step-through asks ---

    /**
     * The step-through's next key or button: skips the question asked (revealing it) or goes on from
     * an answer on show, and says so; false when the step-through should step as usual.
     */
    boolean takesNext() {
        Optional<StepThrough.Frame> now = frame.get();
        if (now.isEmpty() || !quiz.isOn()) {
            return false;
        }
        if (quiz.held().isPresent()) {
            quiz.goOn();
            if (quiz.unsettled(now.get()).isEmpty()) {
                return false;
            }
            refresh.run();
            return true;
        }
        if (quiz.asking(now.get()).isPresent()) {
            reveal(quiz.skip(now.get()));
            refresh.run();
            return true;
        }
        return false;
    }

    /** Whether a number is being asked now, so playing must stop for the student to answer it. */
    boolean isAsking() {
        return frame.get().flatMap(quiz::asking).isPresent();
    }

    /** Whether the frame's numbers must stay hidden: some are still to be worked out. */
    boolean withholds(StepThrough.Frame shown) {
        return quiz.withholds(shown);
    }

    /** Whether the formula panel shows the quiz's working for this frame rather than the sub-step's. */
    boolean explains(StepThrough.Frame shown) {
        return quiz.withholds(shown) || quiz.held().isPresent();
    }

    /** The question on the graph, where its answer will appear. */
    Optional<StepOverlay.Ask> ask(StepThrough.Frame shown) {
        return quiz.asking(shown).map(asking -> new StepOverlay.Ask(target(asking), name(shown, asking) + " = ?"));
    }

    /**
     * The working of the sub-step's questions so far: each settled one in full, marked right, wrong
     * or skipped, then the one asked now with its result left blank.
     */
    void write(StepThrough.Frame shown, FormulaView formulas) {
        PassQuestions questions = shown.pass().questions(shown.column());
        int d = digits.getAsInt();
        for (PredictQuiz.Outcome outcome : quiz.settledIn(shown)) {
            formulas.addFormulas(questions.working(outcome.question()), d,
                    List.of("predict-" + outcome.verdict().name().toLowerCase(Locale.ROOT)));
        }
        quiz.asking(shown).ifPresent(asking -> {
            List<Formula> working = new ArrayList<>(questions.working(asking));
            Formula blank = working.removeLast().withBlankResult();
            formulas.addFormulas(working, d);
            formulas.addFormulas(List.of(blank), d, List.of("predict-blank"));
        });
    }

    /** Sets the bar to match the frame on show: the question, the score, and the field ready to type in. */
    void show(Optional<StepThrough.Frame> shown) {
        boolean on = quiz.isOn();
        answering.setVisible(on);
        answering.setManaged(on);
        shown.ifPresent(quiz::follow);
        Optional<Question> asking = shown.flatMap(quiz::asking);
        question.setText(asking.map(q -> messages.format("predict.question", name(shown.get(), q))).orElse(""));
        question.setVisible(asking.isPresent());
        question.setManaged(asking.isPresent());
        // With nothing to answer the field says what Enter does now.
        answer.setPromptText(messages.get(asking.isPresent() ? "predict.answer.prompt"
                : quiz.held().isPresent() ? "predict.goOn" : "predict.nothingAsked"));
        feedback.setVisible(on && !feedback.getText().isEmpty());
        showScore(shown);
        // Ready to type in when a number is asked, unless the user is typing somewhere else.
        if (asking.isPresent() && answer.getScene() != null
                && !(answer.getScene().getFocusOwner() instanceof TextInputControl elsewhere && elsewhere != answer)) {
            answer.requestFocus();
        }
    }

    // --- answering ---

    private void submit() {
        Optional<StepThrough.Frame> now = frame.get();
        if (now.isEmpty() || !quiz.isOn() || quiz.asking(now.get()).isEmpty()) {
            // Nothing asked: Enter goes on, like the next key.
            answer.clear();
            next.run();
            return;
        }
        StepThrough.Frame shown = now.get();
        switch (TypedNumber.parse(answer.getText())) {
            case TypedNumber.Unreadable(TypedNumber.Problem problem) -> {
                mark("predict-problem");
                feedback.setText(messages.format("predict.problem." + problem.name(), quoted(answer.getText().strip())));
                feedback.setVisible(true);
            }
            case TypedNumber.Number(double typed) -> {
                PredictQuiz.Outcome outcome = quiz.answer(shown, typed, digits.getAsInt());
                answer.clear();
                reveal(outcome);
                if (outcome.verdict() == PredictQuiz.Verdict.RIGHT && quiz.unsettled(shown).isEmpty() && !shown.atEnd()) {
                    next.run();
                } else {
                    refresh.run();
                }
            }
        }
    }

    /** Clicker keys still step while the field has the focus: Page Down / Up always, arrows and space when it is empty. */
    private void key(KeyEvent event) {
        boolean empty = answer.getText().isEmpty();
        switch (event.getCode()) {
            case PAGE_DOWN -> next.run();
            case PAGE_UP -> back.run();
            case RIGHT, KP_RIGHT, SPACE -> {
                if (!empty) {
                    return;
                }
                next.run();
            }
            case LEFT, KP_LEFT -> {
                if (!empty) {
                    return;
                }
                back.run();
            }
            default -> {
                return;
            }
        }
        event.consume();
    }

    /** What became of an answer: the right number, and the mistake a wrong one matches. */
    private void reveal(PredictQuiz.Outcome outcome) {
        StepThrough.Frame shown = frame.get().orElseThrow();
        String name = name(shown, outcome.question());
        String truth = SignificantNumber.plain(outcome.truth(), digits.getAsInt());
        String verdict = outcome.verdict().name();
        String text = messages.format("predict." + verdict, name, truth);
        if (outcome.mistake().isPresent()) {
            text += " " + messages.format("predict.mistakeNamed", mistake(outcome.mistake().get()));
        }
        mark("predict-" + verdict.toLowerCase(Locale.ROOT));
        feedback.setText(text);
        feedback.setVisible(true);
    }

    private void mark(String style) {
        feedback.getStyleClass().removeAll("predict-right", "predict-wrong", "predict-skipped", "predict-problem");
        feedback.getStyleClass().add(style);
    }

    private void showScore(Optional<StepThrough.Frame> shown) {
        PredictQuiz.Score pass = shown.map(f -> quiz.passScore(f.pass().number())).orElse(new PredictQuiz.Score(0, 0));
        PredictQuiz.Score session = quiz.sessionScore();
        String text = messages.format("predict.score", pass.right(), pass.answered(), session.right(), session.answered());
        Map<Mistake, Integer> named = quiz.mistakesNamed();
        if (!named.isEmpty()) {
            List<String> each = new ArrayList<>();
            named.forEach((mistake, times) -> each.add(times == 1 ? mistake(mistake)
                    : messages.format("predict.mistakeTimes", mistake(mistake), times)));
            text += "   ·   " + messages.format("predict.mistakes", String.join(messages.get("predict.listSeparator"), each));
        }
        score.setText(text);
    }

    private String mistake(Mistake mistake) {
        return messages.get("predict.mistake." + mistake.name());
    }

    // --- naming what is asked ---

    /** "z₁⁽¹⁾", "E", "new w₁₁⁽²⁾": the formula's own symbol for the number, as the panel writes it. */
    private String name(StepThrough.Frame shown, Question asked) {
        Formula last = shown.pass().questions(shown.column()).working(asked).getLast();
        String symbol = FormulaRenderer.toPlainText(last.subject(), digits.getAsInt());
        return switch (asked.quantity()) {
            case WEIGHT, BIAS -> messages.format("predict.newValue", symbol);
            default -> symbol;
        };
    }

    private static Optional<GraphTarget> target(Question asked) {
        return switch (asked.quantity()) {
            case LOSS -> Optional.empty();
            case WEIGHT_GRADIENT, WEIGHT -> Optional.of(new GraphTarget.Edge(asked.layer(), asked.neuron(), asked.input()));
            case Z, A, DELTA, BIAS_GRADIENT, BIAS -> Optional.of(new GraphTarget.Neuron(asked.layer(), asked.neuron()));
        };
    }

    /**
     * What was typed, as the message quotes it: a page of pasted digits is shortened, since a
     * wrapping label thousands of characters long takes seconds to lay out on every frame.
     */
    private static String quoted(String typed) {
        return typed.length() <= QUOTED_LENGTH ? typed : typed.substring(0, QUOTED_LENGTH) + "…";
    }
}
