package org.backproplab.ui.common;

import java.util.List;
import java.util.OptionalDouble;
import java.util.function.DoubleConsumer;
import java.util.function.DoublePredicate;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Tooltip;

/**
 * A number picked from the usual values or typed in (the learning rate, the regularization rate).
 * A value is passed on when picked or when Enter is pressed; text that is not an allowed number is
 * marked and explained in the tooltip, and nothing is sent.
 */
public final class NumberChoice extends ComboBox<String> {

    private static final String INVALID = "invalid";

    private final NumberText numbers;
    private final NumberInput input;
    private final DoublePredicate allowed;
    private final Tooltip help;
    private final String helpText;
    private final String invalidText;
    private DoubleConsumer onChosen = value -> { };
    private boolean syncing;
    private double shown = Double.NaN;

    public NumberChoice(Messages messages, List<Double> usual, DoublePredicate allowed, String helpText, String invalidText) {
        this.numbers = new NumberText(messages.locale());
        this.input = new NumberInput(messages.locale());
        this.allowed = allowed;
        this.helpText = helpText;
        this.invalidText = invalidText;
        this.help = Tips.of(helpText);
        setEditable(true);
        setTooltip(help);
        setMaxWidth(Double.MAX_VALUE);
        usual.forEach(value -> getItems().add(text(value)));
        setOnAction(event -> {
            if (!syncing) {
                commit(getValue());
            }
        });
    }

    public void setOnChosen(DoubleConsumer action) {
        onChosen = action;
    }

    /** Shows the value in effect, without passing it on. */
    public void show(double value) {
        if (value == shown && !getStyleClass().contains(INVALID)) {
            return;
        }
        shown = value;
        syncing = true;
        setValue(text(value));
        getEditor().setText(text(value));
        syncing = false;
        markValid(true);
    }

    private void commit(String typed) {
        if (typed == null) {
            return;
        }
        OptionalDouble value = input.parse(typed);
        boolean valid = value.isPresent() && allowed.test(value.getAsDouble());
        markValid(valid);
        if (valid && value.getAsDouble() != shown) {
            shown = value.getAsDouble();
            onChosen.accept(shown);
        }
    }

    private void markValid(boolean valid) {
        getStyleClass().remove(INVALID);
        if (!valid) {
            getStyleClass().add(INVALID);
        }
        help.setText(valid ? helpText : invalidText);
    }

    /** Plain digits, as many as the value needs: 0.003, 1, 10 (never 1E-3). */
    private String text(double value) {
        return numbers.plain(value);
    }
}
