package org.backproplab.ui.stepthrough;

import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.backproplab.trace.SignificantNumber;
import org.backproplab.ui.common.Messages;
import org.backproplab.ui.common.Palette;
import org.backproplab.ui.common.Tips;

/**
 * The step-through's controls and its formulas, beside the views: what one pass trains and how far
 * each step goes, back / next / play / end of pass, the speed and the digits, the history slider,
 * then this step's formulas and their matrix form, each on a tab of its own. Layout only; {@link StepThroughMode} gives
 * the controls their meaning.
 */
public final class StepThroughPanel extends VBox {

    static final int DEFAULT_DIGITS = 4;
    private static final double FORMULA_SIZE = 19;

    final ChoiceBox<StepPass.Size> passSize = new ChoiceBox<>();
    final ChoiceBox<StepThrough.StepSize> stepSize = new ChoiceBox<>();
    final Button back = new Button();
    final Button next = new Button();
    final Button play = new Button();
    final Button end = new Button();
    final Slider speed = new Slider(0.25, 4, 1);
    final Spinner<Integer> digits = new Spinner<>(
            SignificantNumber.MIN_DIGITS, SignificantNumber.MAX_DIGITS, DEFAULT_DIGITS);
    final Spinner<Integer> column = new Spinner<>(1, 1, 1);
    final Label columnLabel = new Label();
    public final Slider history = new Slider(0, 0, 0);
    final Label historyText = new Label();
    public final Label passText = new Label();
    public final FormulaView formulas;
    final FormulaView matrices;
    final CodeTab code;
    private final ScrollPane formulasScroll;

    private final Messages messages;

    /** Sets the formulas {@code scale} times their normal size, from the next ones shown. */
    void setScale(double scale) {
        formulas.setScale(scale);
        matrices.setScale(scale);
    }

    StepThroughPanel(Messages messages, Palette palette) {
        this.messages = messages;
        formulas = new FormulaView(messages, FORMULA_SIZE, palette.text(), FormulaView.Lines.WRAP);
        // A matrix cut over two lines no longer reads as one: the matrix form shrinks, or scrolls sideways.
        matrices = new FormulaView(messages, FORMULA_SIZE, palette.text(), FormulaView.Lines.FIT);
        code = new CodeTab(messages);
        formulas.getStyleClass().add("step-formulas");
        matrices.getStyleClass().add("step-matrices");

        passSize.getItems().setAll(StepPass.Size.values());
        passSize.setValue(StepPass.Size.SAMPLE);
        passSize.setConverter(names(messages, "step.size."));
        stepSize.getItems().setAll(StepThrough.StepSize.values());
        stepSize.setValue(StepThrough.StepSize.NEURON);
        stepSize.setConverter(names(messages, "step.stepSize."));
        back.setText(messages.get("step.back"));
        next.setText(messages.get("step.next"));
        end.setText(messages.get("step.end"));
        back.setTooltip(Tips.of(messages.get("step.back.tooltip")));
        next.setTooltip(Tips.of(messages.get("step.next.tooltip")));
        end.setTooltip(Tips.of(messages.get("step.end.tooltip")));
        back.getStyleClass().add("step-back");
        next.getStyleClass().addAll("step-next", "default-action");
        play.getStyleClass().add("step-play");
        end.getStyleClass().add("step-end");
        showPlaying(false);
        speed.getStyleClass().add("step-speed");
        speed.setTooltip(Tips.of(messages.get("step.speed.tooltip")));
        passSize.setTooltip(Tips.of(messages.get("tip.step.passSize")));
        stepSize.setTooltip(Tips.of(messages.get("tip.step.stepSize")));
        play.setTooltip(Tips.of(messages.get("tip.step.play")));
        digits.setTooltip(Tips.of(messages.get("tip.step.digits")));
        column.setTooltip(Tips.of(messages.get("tip.step.column")));
        history.setTooltip(Tips.of(messages.get("tip.step.history")));
        digits.getStyleClass().add("step-digits");
        column.getStyleClass().add("step-column");
        columnLabel.setText(messages.get("step.column"));
        history.getStyleClass().add("step-history");
        history.setBlockIncrement(1);
        history.setMajorTickUnit(1);
        history.setMinorTickCount(0);
        history.setSnapToTicks(true);
        HBox.setHgrow(history, Priority.ALWAYS);
        historyText.getStyleClass().add("step-history-text");
        historyText.setMinWidth(Region.USE_PREF_SIZE);
        passText.getStyleClass().add("step-pass-text");
        passText.setWrapText(true);

        // Wraps onto a second row rather than cut the buttons' words, when text is scaled up for a room.
        FlowPane toolbar = new FlowPane(8, 6,
                labelled("step.passSize", passSize), labelled("step.stepSize", stepSize),
                new Separator(Orientation.VERTICAL), back, next, play, end,
                new Separator(Orientation.VERTICAL), labelled("step.speed", speed), labelled("step.digits", digits),
                new HBox(6, columnLabel, column));
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.getStyleClass().add("step-toolbar");
        HBox historyRow = new HBox(10, new Label(messages.get("step.history")), history, historyText);
        historyRow.setMinHeight(Region.USE_PREF_SIZE);
        toolbar.setMinHeight(Region.USE_PREF_SIZE);
        historyRow.setAlignment(Pos.CENTER_LEFT);

        // One at a time, each with the panel's whole height: a sub-step's formulas fit without scrolling.
        formulasScroll = scroll(formulas);
        TabPane working = new TabPane(tab("step.tab.formulas", "step-formulas-tab", formulasScroll),
                tab("step.tab.matrices", "step-matrices-tab", scroll(matrices)), code.tab());
        working.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        working.getStyleClass().add("step-working");
        working.setMinHeight(80);
        VBox.setVgrow(working, Priority.ALWAYS);

        getChildren().addAll(toolbar, historyRow, passText, working);
        getStyleClass().add("step-panel");
        setSpacing(8);
    }

    private Tab tab(String key, String id, ScrollPane content) {
        Tab tab = new Tab(messages.get(key), content);
        tab.setId(id);
        return tab;
    }

    private static ScrollPane scroll(FormulaView content) {
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        scroll.getStyleClass().add("formula-scroll");
        return scroll;
    }

    private HBox labelled(String key, javafx.scene.Node control) {
        Label label = new Label(messages.get(key));
        label.setMinWidth(Region.USE_PREF_SIZE);
        HBox box = new HBox(6, label, control);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    /** Names enum choices from the bundle: {@code prefix + NAME}. */
    static <E extends Enum<E>> StringConverter<E> names(Messages messages, String prefix) {
        return new StringConverter<>() {
            @Override
            public String toString(E value) {
                return value == null ? "" : messages.get(prefix + value.name());
            }

            @Override
            public E fromString(String text) {
                throw new UnsupportedOperationException("choices are picked, not typed");
            }
        };
    }

    void showPlaying(boolean playing) {
        play.setText(messages.get(playing ? "step.pause" : "step.play"));
    }

    /**
     * Whether the formulas just shown are taller than their tab: measured at the tab's width, with
     * their styles applied. Before the panel's first layout its size is unknown, and nothing overflows.
     */
    boolean formulasOverflow() {
        Bounds room = formulasScroll.getViewportBounds();
        if (room.getHeight() <= 0 || formulas.getScene() == null) {
            return false;
        }
        formulas.applyCss();
        return formulas.prefHeight(room.getWidth()) > room.getHeight() + 1;
    }

    int digits() {
        return digits.getValue();
    }
}
