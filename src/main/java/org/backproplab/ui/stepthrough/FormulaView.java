package org.backproplab.ui.stepthrough;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Paint;
import org.backproplab.trace.Caption;
import org.backproplab.trace.Formula;
import org.backproplab.trace.FormulaRenderer;
import org.backproplab.ui.common.Messages;
import org.backproplab.ui.math.MathTypesetter;

/**
 * Formulas typeset one under another, each under a short caption saying what it computes: the
 * symbols, the same with the trace's numbers in, and the result. Each line's accessible text is
 * the formula in plain Unicode, so a screen reader (and a test) reads exactly what is drawn.
 */
public final class FormulaView extends VBox {

    /** How a formula too wide for the view is shown. */
    enum Lines {
        /** Broken between tokens onto further lines, like text. */
        WRAP,
        /** Kept on one line and shrunk to fit (down to {@link #MIN_FIT}), then scrolled sideways. */
        FIT
    }

    /** Smaller than this, a matrix's numbers stop being readable: the view scrolls instead. */
    static final double MIN_FIT = 0.55;
    /**
     * Smaller than this, wrapped formulas read badly from the back of a room: a working that still
     * does not fit scrolls instead.
     */
    static final double MIN_SHRINK = 0.7;

    private final Messages messages;
    private final Lines mode;
    /** The one-line formulas, to shrink again when the view's width changes. */
    private final List<FlowPane> fitted = new ArrayList<>();
    private final double size;
    /** How much larger than {@code size} formulas are set: a presenter's choice. */
    private double scale = 1;
    /** How much of the presenter's size the formulas are set at, so that one sub-step's working fits. */
    private double shrink = 1;
    private final Paint ink;
    private final List<String> lines = new ArrayList<>();

    FormulaView(Messages messages, double size, Paint ink, Lines mode) {
        this.messages = messages;
        this.mode = mode;
        widthProperty().addListener((property, before, width) -> fitted.forEach(this::fit));
        this.size = size;
        this.ink = ink;
        setSpacing(6);
        getStyleClass().add("formula-view");
    }

    /** Sets the formulas added from now on {@code scale} times their normal size. */
    void setScale(double scale) {
        this.scale = scale;
    }

    /** Sets the formulas added from now on {@code shrink} (at least {@link #MIN_SHRINK}) times the presenter's size. */
    void setShrink(double shrink) {
        this.shrink = Math.max(MIN_SHRINK, shrink);
    }

    double shrink() {
        return shrink;
    }

    void clear() {
        getChildren().clear();
        fitted.clear();
        lines.clear();
    }

    /** A heading over the formulas that follow, e.g. which neuron was clicked. */
    void addHeading(String text) {
        Label heading = new Label(text);
        heading.getStyleClass().add("formula-heading");
        heading.setWrapText(true);
        getChildren().add(heading);
    }

    /** A sentence instead of formulas, e.g. why there is nothing to show yet. */
    void addNote(String text) {
        Label note = new Label(text);
        note.getStyleClass().add("formula-note");
        note.setWrapText(true);
        getChildren().add(note);
    }

    void addFormulas(List<Formula> formulas, int digits) {
        addFormulas(formulas, digits, List.of());
    }

    /** The formulas, each line also styled with {@code styles} (e.g. as an answer found right or wrong). */
    void addFormulas(List<Formula> formulas, int digits, List<String> styles) {
        MathTypesetter typesetter = new MathTypesetter(size * scale * shrink, digits, ink);
        Set<Caption> captioned = EnumSet.noneOf(Caption.class);
        for (Formula formula : formulas) {
            FlowPane line = typesetter.formula(formula);
            String plain = FormulaRenderer.toPlainText(formula, digits);
            line.setAccessibleText(plain);
            lines.add(plain);
            VBox entry = new VBox(2, mode == Lines.WRAP ? line : oneLine(line));
            // A layer's gradients are six formulas of one kind and three of another: each kind is captioned
            // once, at its first formula, rather than six times, so a layer's step needs less scrolling.
            if (captioned.add(formula.caption())) {
                Label caption = new Label(messages.get("caption." + formula.caption().name()));
                caption.getStyleClass().add("formula-caption");
                entry.getChildren().addFirst(caption);
            }
            entry.getStyleClass().add("formula-line");
            entry.getStyleClass().addAll(styles);
            getChildren().add(entry);
        }
    }

    /** The formula on one line, whatever its width, in a group that takes its size as shrunk. */
    private Group oneLine(FlowPane line) {
        line.setPrefWrapLength(Double.MAX_VALUE);
        fitted.add(line);
        fit(line);
        return new Group(line);
    }

    private void fit(FlowPane line) {
        double room = getWidth() - snappedLeftInset() - snappedRightInset();
        double natural = line.prefWidth(-1);
        double shrink = room <= 0 || natural <= 0 ? 1 : Math.clamp(room / natural, MIN_FIT, 1);
        line.setScaleX(shrink);
        line.setScaleY(shrink);
    }

    /** Every formula shown, in plain Unicode, in order. */
    public List<String> lines() {
        return List.copyOf(lines);
    }
}
