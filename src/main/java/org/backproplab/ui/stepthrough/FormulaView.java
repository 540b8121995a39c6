package org.backproplab.ui.stepthrough;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Paint;
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

    private final Messages messages;
    private final double size;
    /** How much larger than {@code size} formulas are set: a presenter's choice. */
    private double scale = 1;
    private final Paint ink;
    private final List<String> lines = new ArrayList<>();

    FormulaView(Messages messages, double size, Paint ink) {
        this.messages = messages;
        this.size = size;
        this.ink = ink;
        setSpacing(6);
        getStyleClass().add("formula-view");
    }

    /** Sets the formulas added from now on {@code scale} times their normal size. */
    void setScale(double scale) {
        this.scale = scale;
    }

    void clear() {
        getChildren().clear();
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
        MathTypesetter typesetter = new MathTypesetter(size * scale, digits, ink);
        for (Formula formula : formulas) {
            Label caption = new Label(messages.get("caption." + formula.caption().name()));
            caption.getStyleClass().add("formula-caption");
            FlowPane line = typesetter.formula(formula);
            String plain = FormulaRenderer.toPlainText(formula, digits);
            line.setAccessibleText(plain);
            lines.add(plain);
            VBox entry = new VBox(2, caption, line);
            entry.getStyleClass().add("formula-line");
            getChildren().add(entry);
        }
    }

    /** Every formula shown, in plain Unicode, in order. */
    public List<String> lines() {
        return List.copyOf(lines);
    }
}
