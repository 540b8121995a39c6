package org.backproplab.training;

import java.util.ArrayList;
import java.util.List;
import org.backproplab.engine.InputFeature;
import org.backproplab.engine.Layer;
import org.backproplab.engine.Network;
import org.backproplab.lesson.LayerWeights;

/**
 * A network's shape and parameters frozen at one moment, for views to draw while the trainer keeps
 * changing the live network.
 *
 * @param inputLabels how each input is written on screen (x₁, x₂, x₁², …)
 * @param layers      hidden layers then the output layer
 */
public record NetworkSnapshot(List<String> inputLabels, List<LayerSnapshot> layers) {

    public NetworkSnapshot {
        inputLabels = List.copyOf(inputLabels);
        layers = List.copyOf(layers);
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a network snapshot needs at least an output layer");
        }
        int fanIn = inputLabels.size();
        for (int l = 0; l < layers.size(); l++) {
            if (layers.get(l).inputSize() != fanIn) {
                throw new IllegalArgumentException("layer " + (l + 1) + " reads " + layers.get(l).inputSize()
                        + " inputs but the layer before it has " + fanIn);
            }
            fanIn = layers.get(l).size();
        }
    }

    /** Copies the network's current parameters; the caller must own the network (be its thread). */
    public static NetworkSnapshot of(Network network, List<InputFeature> features) {
        if (features.size() != network.inputSize()) {
            throw new IllegalArgumentException(
                    features.size() + " input features for a network with " + network.inputSize() + " inputs");
        }
        List<LayerSnapshot> layers = new ArrayList<>();
        for (int l = 0; l < network.layerCount(); l++) {
            Layer layer = network.layer(l);
            layers.add(new LayerSnapshot(layer.activation(), layer.weightMatrix(), layer.biasVector(),
                    layer.batchNorm().map(LayerWeights.Normalisation::of)));
        }
        return new NetworkSnapshot(features.stream().map(FeatureLabel::of).toList(), layers);
    }

    public int inputCount() {
        return inputLabels.size();
    }

    public int layerCount() {
        return layers.size();
    }

    public LayerSnapshot layer(int index) {
        return layers.get(index);
    }

    public LayerSnapshot outputLayer() {
        return layers.getLast();
    }

    /** Neurons per column, inputs first: [2, 3, 1] for a 2-3-1 network. */
    public List<Integer> shape() {
        List<Integer> sizes = new ArrayList<>();
        sizes.add(inputCount());
        layers.forEach(layer -> sizes.add(layer.size()));
        return List.copyOf(sizes);
    }

    /** Weights and biases together, the number a teacher quotes for "how big is this net". */
    public int parameterCount() {
        return layers.stream().mapToInt(layer -> layer.size() * (layer.inputSize() + 1)).sum();
    }
}
