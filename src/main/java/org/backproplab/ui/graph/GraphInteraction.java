package org.backproplab.ui.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.scene.Cursor;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.util.Duration;
import org.backproplab.training.LabSnapshot;
import org.backproplab.training.LayerSnapshot;
import org.backproplab.training.TrainerCommand;
import org.backproplab.ui.boundary.DecisionBoundaryView;
import org.backproplab.ui.common.GraphNames;
import org.backproplab.ui.common.GraphTarget;
import org.backproplab.ui.common.Messages;
import org.backproplab.ui.common.NumberText;

/**
 * What the pointer does on the network graph. Resting on a neuron or an edge shows its value,
 * kept up to date while training runs, and a hidden neuron's own map in the decision boundary.
 * A weight or bias can be changed by scrolling over it, by dragging it up or down, or by clicking
 * it and typing; each change goes to the trainer and applies at the next step.
 */
public final class GraphInteraction {

    /** How much one notch of the wheel changes a weight; a tenth of it with Shift held. */
    public static final double SCROLL_STEP = 0.1;
    /** How much dragging one pixel up raises a weight. */
    public static final double DRAG_PER_PIXEL = 0.02;
    /** How far the pointer must move before a press counts as a drag rather than a click. */
    private static final double DRAG_THRESHOLD = 4;

    private final NetworkGraphView graph;
    private final DecisionBoundaryView boundary;
    private final Messages messages;
    private final Consumer<TrainerCommand> send;
    private final GraphNames names;
    private final NumberText numbers;
    private final Tooltip readout = new Tooltip();
    private final ParameterEditor editor;
    private LabSnapshot lab;
    private Optional<GraphTarget> hovered = Optional.empty();
    private double pointerScreenX;
    private double pointerScreenY;
    private Drag drag;
    /** The last value sent for a parameter, which snapshots may not show yet. */
    private Pending pending;

    private record Drag(GraphTarget target, double startY, double startValue, boolean moved) {
    }

    private record Pending(GraphTarget target, double value) {
    }

    public GraphInteraction(NetworkGraphView graph, DecisionBoundaryView boundary, Messages messages, Consumer<TrainerCommand> send) {
        this.graph = graph;
        this.boundary = boundary;
        this.messages = messages;
        this.send = send;
        this.names = new GraphNames(messages);
        this.numbers = new NumberText(messages.locale());
        this.editor = new ParameterEditor(messages, this::set);
        readout.getStyleClass().add("graph-readout");
        readout.setShowDelay(Duration.ZERO);
        readout.setHideDelay(Duration.ZERO);
        readout.setAutoHide(false);
        graph.addEventHandler(MouseEvent.MOUSE_MOVED, this::moved);
        graph.addEventHandler(MouseEvent.MOUSE_EXITED, event -> {
            if (drag == null) {
                hover(Optional.empty());
            }
        });
        graph.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        graph.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        graph.addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        graph.addEventHandler(ScrollEvent.SCROLL, this::scrolled);
    }

    /**
     * Follows a new snapshot. Once it reflects every command sent ({@code settled}), its values
     * replace whatever was last sent; until then, scrolling and dragging go on from the sent value.
     */
    public void show(LabSnapshot snapshot, boolean settled) {
        lab = snapshot;
        if (settled) {
            pending = null;
        }
        if (hovered.isPresent() && !GraphNames.exists(lab.network(), hovered.get())) {
            hover(Optional.empty());
        }
        refreshReadout();
        if (editor.isShowing()) {
            GraphTarget target = editor.target();
            if (GraphNames.exists(lab.network(), target)) {
                editor.refresh(lab, value(target));
            } else {
                editor.hide();
            }
        }
    }

    /** The readout's lines as shown now (empty when hidden). */
    public String readoutText() {
        return readout.isShowing() ? readout.getText() : "";
    }

    private void moved(MouseEvent event) {
        pointerScreenX = event.getScreenX();
        pointerScreenY = event.getScreenY();
        hover(pick(event.getX(), event.getY()));
    }

    private void pressed(MouseEvent event) {
        graph.requestFocus();
        if (event.getButton() != MouseButton.PRIMARY) {
            return;
        }
        underPointer(event.getX(), event.getY()).filter(GraphInteraction::editable)
                .ifPresent(target -> drag = new Drag(target, event.getY(), value(target), false));
    }

    private void dragged(MouseEvent event) {
        if (drag == null) {
            return;
        }
        double rise = drag.startY() - event.getY();
        if (!drag.moved() && Math.abs(rise) < DRAG_THRESHOLD) {
            return;
        }
        drag = new Drag(drag.target(), drag.startY(), drag.startValue(), true);
        graph.setCursor(Cursor.V_RESIZE);
        pointerScreenX = event.getScreenX();
        pointerScreenY = event.getScreenY();
        set(drag.target(), tidy(drag.startValue() + rise * DRAG_PER_PIXEL, 100));
    }

    private void released(MouseEvent event) {
        if (drag == null) {
            return;
        }
        Drag finished = drag;
        drag = null;
        graph.setCursor(Cursor.HAND);
        if (!finished.moved()) {
            readout.hide();
            editor.open(graph, lab, finished.target(), value(finished.target()), event.getScreenX(), event.getScreenY());
        }
    }

    private void scrolled(ScrollEvent event) {
        double delta = event.getDeltaY() != 0 ? event.getDeltaY() : event.getDeltaX();
        Optional<GraphTarget> target = underPointer(event.getX(), event.getY()).filter(GraphInteraction::editable);
        if (target.isEmpty() || delta == 0) {
            return;
        }
        double step = event.isShiftDown() ? SCROLL_STEP / 10 : SCROLL_STEP;
        set(target.get(), tidy(value(target.get()) + Math.signum(delta) * step, 1000));
        event.consume();
    }

    /**
     * What a press or the wheel acts on: what the highlight marks, even if the event's own position
     * is off by a pixel (a wheel reports where it was, not always where the pointer rests).
     */
    private Optional<GraphTarget> underPointer(double x, double y) {
        return hovered.isPresent() ? hovered : pick(x, y);
    }

    private Optional<GraphTarget> pick(double x, double y) {
        GraphGeometry geometry = graph.geometry();
        return geometry == null || lab == null ? Optional.empty() : GraphPicker.pick(geometry, x, y);
    }

    private void hover(Optional<GraphTarget> target) {
        graph.setCursor(target.filter(GraphInteraction::editable).isPresent() ? Cursor.HAND : Cursor.DEFAULT);
        if (!target.equals(hovered)) {
            hovered = target;
            graph.setHighlight(target);
            boundary.preview(target);
        }
        refreshReadout();
    }

    private void refreshReadout() {
        if (hovered.isEmpty() || lab == null || editor.isShowing()) {
            readout.hide();
            return;
        }
        readout.setText(String.join("\n", readoutLines(hovered.get())));
        if (!readout.isShowing()) {
            readout.show(graph, pointerScreenX + 18, pointerScreenY + 18);
        } else {
            readout.setAnchorX(pointerScreenX + 18);
            readout.setAnchorY(pointerScreenY + 18);
        }
    }

    private List<String> readoutLines(GraphTarget target) {
        List<String> lines = new ArrayList<>();
        lines.add(names.heading(lab.network(), target));
        switch (target) {
            case GraphTarget.Input input -> lines.add(messages.get("readout.map"));
            case GraphTarget.Neuron neuron -> {
                lines.add(messages.format("readout.bias", numbers.fixed(value(neuron), 4)));
                lines.add(messages.get("readout.map"));
                lines.add(messages.get("readout.hint.bias"));
            }
            case GraphTarget.Edge edge -> {
                lines.add(messages.format("readout.weight", numbers.fixed(value(edge), 4)));
                lab.lastUpdate().ifPresent(update -> {
                    lines.add(messages.format("readout.lastStep",
                            numbers.compact(update.gradient(edge.layer(), edge.neuron(), edge.input()))));
                    lines.add(messages.format("readout.lastChange", signed(update.step(edge.layer(), edge.neuron(), edge.input()))));
                });
                lines.add(messages.get("readout.hint.weight"));
            }
        }
        return lines;
    }

    private String signed(double value) {
        String text = numbers.compact(value);
        return value > 0 ? "+" + text : text;
    }

    /** Sends a new value for a weight or bias, and shows it at once in the readout. */
    private void set(GraphTarget target, double value) {
        switch (target) {
            case GraphTarget.Edge edge -> send.accept(new TrainerCommand.SetWeight(edge.layer(), edge.neuron(), edge.input(), value));
            case GraphTarget.Neuron neuron -> send.accept(new TrainerCommand.SetBias(neuron.layer(), neuron.neuron(), value));
            case GraphTarget.Input input -> throw new IllegalArgumentException("an input has no parameter to set");
        }
        pending = new Pending(target, value);
        refreshReadout();
    }

    /** The parameter's value: the one just sent if the snapshots have not caught up, else the snapshot's. */
    private double value(GraphTarget target) {
        if (pending != null && pending.target().equals(target)) {
            return pending.value();
        }
        return switch (target) {
            case GraphTarget.Edge edge -> lab.network().layer(edge.layer()).weight(edge.neuron(), edge.input());
            case GraphTarget.Neuron neuron -> {
                LayerSnapshot layer = lab.network().layer(neuron.layer());
                yield layer.bias(neuron.neuron());
            }
            case GraphTarget.Input input -> Double.NaN;
        };
    }

    private static boolean editable(GraphTarget target) {
        return !(target instanceof GraphTarget.Input);
    }

    /** Rounds away the float noise of many small steps: 0.30000000000000004 becomes 0.3. */
    private static double tidy(double value, double per) {
        return Math.round(value * per) / per;
    }
}
