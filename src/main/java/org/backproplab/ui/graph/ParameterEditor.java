package org.backproplab.ui.graph;

import java.util.OptionalDouble;
import java.util.function.ObjDoubleConsumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.backproplab.training.LabSnapshot;
import org.backproplab.ui.common.GraphNames;
import org.backproplab.ui.common.GraphTarget;
import org.backproplab.ui.common.Messages;
import org.backproplab.ui.common.NumberInput;
import org.backproplab.ui.common.NumberText;
import org.backproplab.ui.common.Tips;
import org.controlsfx.control.PopOver;

/**
 * A small editor for one weight or bias, opened by clicking it in the graph: type a value (Enter
 * sets it), drag the slider, or set it to 0 to cut the connection. The value in effect is shown
 * live above, since training keeps moving it; every change applies at the next training step.
 */
final class ParameterEditor {

    private final Messages messages;
    private final GraphNames names;
    private final NumberText numbers;
    private final NumberInput input;
    private final ObjDoubleConsumer<GraphTarget> set;
    private final PopOver popOver = new PopOver();
    private final Label heading = new Label();
    private final Label current = new Label();
    private final Label symbol = new Label();
    private final TextField field = new TextField();
    private final Slider slider = new Slider();
    private GraphTarget target;
    private boolean syncing;

    /** @param set called with the target and its new value whenever the user sets one */
    ParameterEditor(Messages messages, ObjDoubleConsumer<GraphTarget> set) {
        this.messages = messages;
        this.names = new GraphNames(messages);
        this.numbers = new NumberText(messages.locale());
        this.input = new NumberInput(messages.locale());
        this.set = set;
        heading.getStyleClass().add("editor-heading");
        current.getStyleClass().add("editor-current");
        field.getStyleClass().add("parameter-field");
        field.setPrefColumnCount(8);
        field.setTooltip(Tips.of(messages.get("tip.editor.field")));
        field.setOnAction(event -> commitTyped());
        field.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                hide();
            }
        });
        slider.getStyleClass().add("parameter-slider");
        slider.setPrefWidth(260);
        slider.setTooltip(Tips.of(messages.get("tip.editor.slider")));
        slider.valueProperty().addListener((property, before, value) -> {
            if (!syncing) {
                double tidy = Math.round(value.doubleValue() * 100) / 100.0;
                field.setText(numbers.plain(tidy));
                set.accept(target, tidy);
            }
        });
        Button zero = new Button(messages.get("editor.zero"));
        zero.setTooltip(Tips.of(messages.get("tip.editor.zero")));
        zero.setOnAction(event -> setTo(0));
        Button close = new Button(messages.get("editor.close"));
        close.setTooltip(Tips.of(messages.get("tip.editor.close")));
        close.setOnAction(event -> hide());
        Label note = new Label(messages.get("editor.note"));
        note.getStyleClass().add("editor-note");
        HBox typed = new HBox(8, symbol, field);
        typed.setAlignment(Pos.CENTER_LEFT);
        symbol.getStyleClass().add("editor-symbol");
        HBox buttons = new HBox(8, zero, close);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox content = new VBox(8, heading, current, typed, slider, note, buttons);
        content.getStyleClass().add("parameter-editor");
        popOver.setContentNode(content);
        popOver.setDetachable(false);
        popOver.setAnimated(false);
        popOver.setArrowLocation(PopOver.ArrowLocation.LEFT_CENTER);
    }

    /** Opens the editor on {@code target} (a weight or a bias), pointing at screen point (x, y) of {@code owner}. */
    void open(Node owner, LabSnapshot lab, GraphTarget target, double value, double screenX, double screenY) {
        this.target = target;
        heading.setText(names.heading(lab.network(), target));
        symbol.setText(target instanceof GraphTarget.Edge ? "w =" : "b =");
        syncing = true;
        double reach = Math.max(4, Math.ceil(2 * Math.abs(value)));
        slider.setMin(-reach);
        slider.setMax(reach);
        slider.setValue(value);
        syncing = false;
        field.setText(numbers.plain(Math.round(value * 10_000) / 10_000.0));
        showCurrent(value);
        popOver.show(owner, screenX, screenY);
        field.requestFocus();
        field.selectAll();
    }

    boolean isShowing() {
        return popOver.isShowing();
    }

    /** The weight or bias being edited, while the editor is open. */
    GraphTarget target() {
        return target;
    }

    /** Shows the value now in effect (training moves it); closes if the target is gone. */
    void refresh(LabSnapshot lab, double value) {
        if (!GraphNames.exists(lab.network(), target)) {
            hide();
            return;
        }
        showCurrent(value);
    }

    void hide() {
        popOver.hide();
    }

    private void showCurrent(double value) {
        current.setText(messages.format("editor.current", numbers.fixed(value, 4)));
    }

    private void commitTyped() {
        OptionalDouble typed = input.parse(field.getText());
        field.getStyleClass().remove("invalid");
        if (typed.isEmpty()) {
            field.getStyleClass().add("invalid");
            return;
        }
        setTo(typed.getAsDouble());
    }

    private void setTo(double value) {
        syncing = true;
        slider.setMin(Math.min(slider.getMin(), value));
        slider.setMax(Math.max(slider.getMax(), value));
        slider.setValue(value);
        syncing = false;
        field.setText(numbers.plain(value));
        set.accept(target, value);
    }
}
