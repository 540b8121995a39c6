package org.backproplab.ui.landscape;

import java.util.Optional;
import java.util.function.Consumer;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import org.backproplab.engine.GradientCheck;
import org.backproplab.ui.common.GraphTarget;
import org.backproplab.ui.graph.GraphPicker;
import org.backproplab.ui.graph.NetworkGraphView;

/**
 * While armed, a click on an edge of the network graph picks its weight and a click on a neuron
 * its bias, instead of what a click there usually does (dragging the weight): the clicks are taken
 * before the graph's own handlers see them.
 */
final class ParameterPicker {

    private final NetworkGraphView graph;
    private Consumer<GradientCheck.Parameter> onPicked;
    /** A press taken for picking: its drag and release are taken too, so the graph never sees half a gesture. */
    private boolean pressTaken;

    ParameterPicker(NetworkGraphView graph) {
        this.graph = graph;
        graph.addEventFilter(MouseEvent.MOUSE_PRESSED, this::pressed);
        graph.addEventFilter(MouseEvent.MOUSE_DRAGGED, this::swallowAfterPress);
        graph.addEventFilter(MouseEvent.MOUSE_RELEASED, event -> {
            swallowAfterPress(event);
            pressTaken = false;
        });
        graph.addEventFilter(MouseEvent.MOUSE_CLICKED, this::swallowAfterPress);
    }

    /** Picks the next parameter clicked and hands it to {@code picked}; one pick per arming. */
    void arm(Consumer<GradientCheck.Parameter> picked) {
        onPicked = picked;
    }

    void disarm() {
        onPicked = null;
    }

    boolean armed() {
        return onPicked != null;
    }

    private void pressed(MouseEvent event) {
        if (onPicked == null || event.getButton() != MouseButton.PRIMARY || graph.geometry() == null) {
            return;
        }
        Optional<GradientCheck.Parameter> parameter = GraphPicker.pick(graph.geometry(), event.getX(), event.getY())
                .flatMap(ParameterPicker::parameter);
        event.consume();
        pressTaken = true;
        if (parameter.isPresent()) {
            Consumer<GradientCheck.Parameter> picked = onPicked;
            onPicked = null;
            picked.accept(parameter.get());
        }
    }

    private void swallowAfterPress(MouseEvent event) {
        if (pressTaken) {
            event.consume();
        }
    }

    /** An edge's weight or a neuron's bias; an input has neither. */
    static Optional<GradientCheck.Parameter> parameter(GraphTarget target) {
        return switch (target) {
            case GraphTarget.Edge edge -> Optional.of(new GradientCheck.Parameter.Weight(edge.layer(), edge.neuron(), edge.input()));
            case GraphTarget.Neuron neuron -> Optional.of(new GradientCheck.Parameter.Bias(neuron.layer(), neuron.neuron()));
            case GraphTarget.Input input -> Optional.empty();
        };
    }
}
