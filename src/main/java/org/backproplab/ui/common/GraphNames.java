package org.backproplab.ui.common;

import org.backproplab.trace.OutputNames;
import org.backproplab.training.NetworkSnapshot;

/**
 * How the parts of the network are called on screen: "x₁", "hidden 1, neuron 2", "output o₁", and
 * a weight by the two nodes it joins. One place, so the pointer readout, the editor and the
 * decision boundary's caption name things the same way.
 */
public final class GraphNames {

    private final Messages messages;

    public GraphNames(Messages messages) {
        this.messages = messages;
    }

    /** The name of node {@code index} of graph column {@code column} (0 = inputs). */
    public String node(NetworkSnapshot network, int column, int index) {
        if (column == 0) {
            return network.inputLabels().get(index);
        }
        if (column == network.layerCount()) {
            return messages.format("name.output", OutputNames.output(index));
        }
        return messages.format("name.hidden", column, index + 1);
    }

    /** What the target is, as a heading: "Weight x₁ → hidden 1, neuron 2", "Bias of output o₁", "Input x₁". */
    public String heading(NetworkSnapshot network, GraphTarget target) {
        return switch (target) {
            case GraphTarget.Input input -> messages.format("name.input", node(network, 0, input.feature()));
            case GraphTarget.Neuron neuron -> messages.format("name.neuronHeading", node(network, neuron.column(), neuron.neuron()));
            case GraphTarget.Edge edge -> messages.format("name.weight", node(network, edge.column() - 1, edge.input()),
                    node(network, edge.column(), edge.neuron()));
        };
    }

    /** What the decision boundary says while it shows the target's own map: "Showing hidden 1, neuron 2". */
    public String caption(NetworkSnapshot network, GraphTarget target) {
        int column = target.column();
        int index = switch (target) {
            case GraphTarget.Input input -> input.feature();
            case GraphTarget.Neuron neuron -> neuron.neuron();
            case GraphTarget.Edge edge -> edge.neuron();
        };
        return messages.format("boundary.preview", node(network, column, index));
    }

    /** Whether the target still exists in {@code network} (an edit or reshape may have removed it). */
    public static boolean exists(NetworkSnapshot network, GraphTarget target) {
        return switch (target) {
            case GraphTarget.Input input -> input.feature() < network.inputCount();
            case GraphTarget.Neuron neuron -> neuron.layer() < network.layerCount()
                    && neuron.neuron() < network.layer(neuron.layer()).size();
            case GraphTarget.Edge edge -> edge.layer() < network.layerCount()
                    && edge.neuron() < network.layer(edge.layer()).size()
                    && edge.input() < network.layer(edge.layer()).inputSize();
        };
    }
}
