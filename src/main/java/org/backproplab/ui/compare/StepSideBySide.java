package org.backproplab.ui.compare;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import org.backproplab.trace.Caption;
import org.backproplab.trace.Formula;
import org.backproplab.trace.FormulaBuilder;
import org.backproplab.trace.Granularity;
import org.backproplab.trace.StepTrace;
import org.backproplab.trace.SubStep;
import org.backproplab.training.TrainerCommand;
import org.backproplab.training.TrainerSnapshot;
import org.backproplab.ui.common.Messages;
import org.backproplab.ui.common.Palette;
import org.backproplab.ui.common.Tips;
import org.backproplab.ui.math.MathTypesetter;

/**
 * One training step of A and of B on the same sample, sub-step by sub-step, their formulas side
 * by side, every number of B's that differs from A's in the same place drawn in the highlight
 * colour (and A's too), so a class sees exactly where the changed setting enters the arithmetic.
 * Stepping goes out as one {@link TrainerCommand.StepSample} to each run; the formulas come from
 * the traces the runs' snapshots carry.
 */
final class StepSideBySide extends VBox {

    private static final double FORMULA_SIZE = 17;
    private static final int DIGITS = 4;

    private final Messages messages;
    private final Palette palette;
    private final Spinner<Integer> sample = new Spinner<>();
    private final Label position = new Label();
    private final VBox columnA = new VBox(6);
    private final VBox columnB = new VBox(6);
    private Optional<StepTrace> traceA = Optional.empty();
    private Optional<StepTrace> traceB = Optional.empty();
    private List<SubStep> steps = List.of();
    private int at;

    StepSideBySide(Messages messages, Palette palette, Consumer<TrainerCommand> sendBoth) {
        this.messages = messages;
        this.palette = palette;
        sample.setId("compare-sample");
        sample.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 1, 1));
        sample.setEditable(true);
        sample.setPrefWidth(80);
        Button stepBoth = new Button(messages.get("compare.stepSample"));
        stepBoth.setId("compare-step-sample");
        stepBoth.setTooltip(Tips.of(messages.get("compare.stepSample.tip")));
        stepBoth.setOnAction(event -> sendBoth.accept(new TrainerCommand.StepSample(sample.getValue() - 1)));
        Button back = new Button(messages.get("step.back"));
        back.setId("compare-step-back");
        back.setOnAction(event -> move(-1));
        Button next = new Button(messages.get("step.next"));
        next.setId("compare-step-next");
        next.setOnAction(event -> move(+1));
        position.setId("compare-step-position");
        HBox controls = new HBox(8, new Label(messages.get("compare.sample")), sample, stepBoth, back, next, position);
        controls.setAlignment(Pos.CENTER_LEFT);
        columnA.setId("compare-formulas-a");
        columnB.setId("compare-formulas-b");
        HBox columns = new HBox(16, titled(columnA, messages.get("compare.runA")), titled(columnB, messages.get("compare.runB")));
        ScrollPane scroll = new ScrollPane(columns);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(controls, scroll);
        setSpacing(6);
        getStyleClass().add("compare-step-through");
    }

    /**
     * Follows both runs: a new pair of traces starts at its first sub-step. A pair is taken only once
     * both runs have done every step they were sent, and of the same sample: while one run is still
     * at it, its old step would stand beside the other's new one.
     *
     * @param settled whether both snapshots show every command their runs were sent
     */
    void show(TrainerSnapshot a, TrainerSnapshot b, boolean settled) {
        int points = a.lab().trainPoints().size();
        if (points > 0 && ((SpinnerValueFactory.IntegerSpinnerValueFactory) sample.getValueFactory()).getMax() != points) {
            ((SpinnerValueFactory.IntegerSpinnerValueFactory) sample.getValueFactory()).setMax(points);
        }
        if (!settled || !sameSample(a.trace(), b.trace()) || a.trace().equals(traceA) && b.trace().equals(traceB)) {
            return;
        }
        traceA = a.trace();
        traceB = b.trace();
        steps = traceA.map(trace -> trace.subSteps(Granularity.LAYER)).orElse(List.of());
        at = 0;
        render();
    }

    /** Both steps are of the same sample (or neither run has one): their targets are the same. */
    private static boolean sameSample(Optional<StepTrace> a, Optional<StepTrace> b) {
        return a.map(StepTrace::targets).equals(b.map(StepTrace::targets))
                && a.map(trace -> trace.inputs().cols()).equals(b.map(trace -> trace.inputs().cols()));
    }

    private void move(int by) {
        if (!steps.isEmpty()) {
            at = Math.clamp(at + by, 0, steps.size() - 1);
            render();
        }
    }

    private void render() {
        columnA.getChildren().clear();
        columnB.getChildren().clear();
        if (traceA.isEmpty() || traceB.isEmpty()) {
            position.setText("");
            columnA.getChildren().add(note(messages.get("compare.stepFirst")));
            return;
        }
        SubStep step = steps.get(at);
        position.setText(messages.format("compare.stepPosition", at + 1, steps.size()));
        List<FlowPane> linesA = formulas(traceA.get(), step, columnA);
        List<FlowPane> linesB = traceB.get().subSteps(Granularity.LAYER).contains(step)
                ? formulas(traceB.get(), step, columnB) : List.of();
        if (linesB.isEmpty()) {
            columnB.getChildren().add(note(messages.get("compare.stepNone")));
        }
        for (int line = 0; line < Math.min(linesA.size(), linesB.size()); line++) {
            highlightDifferences(linesA.get(line), linesB.get(line));
        }
    }

    /** The working of {@code step} in {@code trace} into {@code column}; the typeset lines, in order. */
    private List<FlowPane> formulas(StepTrace trace, SubStep step, VBox column) {
        MathTypesetter typesetter = new MathTypesetter(FORMULA_SIZE, DIGITS, palette.text());
        List<FlowPane> lines = new ArrayList<>();
        Set<Caption> captioned = EnumSet.noneOf(Caption.class);
        for (Formula formula : new FormulaBuilder(trace, 0).explain(step).formulas()) {
            if (captioned.add(formula.caption())) {
                Label caption = new Label(messages.get("caption." + formula.caption().name()));
                caption.getStyleClass().add("formula-caption");
                caption.setWrapText(true);
                column.getChildren().add(caption);
            }
            FlowPane line = typesetter.formula(formula);
            lines.add(line);
            column.getChildren().add(line);
        }
        return lines;
    }

    /**
     * Marks the numbers in which two typeset formulas differ, piece of text by piece of text in
     * reading order: the same formula with other numbers differs exactly in those numbers. Symbols
     * are never marked; formulas of another shape (another optimizer's update) have their numbers
     * marked from the first unlike piece on, since no number there has a counterpart.
     */
    private void highlightDifferences(FlowPane lineA, FlowPane lineB) {
        List<Text> textsA = texts(lineA, new ArrayList<>());
        List<Text> textsB = texts(lineB, new ArrayList<>());
        for (int i = 0; i < Math.max(textsA.size(), textsB.size()); i++) {
            Optional<Text> inA = i < textsA.size() ? Optional.of(textsA.get(i)) : Optional.empty();
            Optional<Text> inB = i < textsB.size() ? Optional.of(textsB.get(i)) : Optional.empty();
            if (inA.map(Text::getText).equals(inB.map(Text::getText))) {
                continue;
            }
            inA.filter(StepSideBySide::isNumber).ifPresent(this::mark);
            inB.filter(StepSideBySide::isNumber).ifPresent(this::mark);
        }
    }

    private static boolean isNumber(Text text) {
        return text.getText().chars().anyMatch(Character::isDigit);
    }

    private void mark(Text text) {
        text.setFill(palette.highlight());
        text.setUnderline(true);
        text.getStyleClass().add("compare-differs");
    }

    private static List<Text> texts(Node node, List<Text> found) {
        if (node instanceof Text text) {
            found.add(text);
        } else if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> texts(child, found));
        }
        return found;
    }

    private static Label note(String text) {
        Label note = new Label(text);
        note.setWrapText(true);
        note.getStyleClass().add("formula-note");
        return note;
    }

    private static VBox titled(VBox column, String title) {
        Label label = new Label(title);
        label.getStyleClass().add("compare-run-name");
        VBox box = new VBox(4, label, column);
        HBox.setHgrow(box, Priority.ALWAYS);
        box.setPrefWidth(0);
        return box;
    }
}
