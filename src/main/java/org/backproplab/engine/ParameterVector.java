package org.backproplab.engine;

/**
 * Every weight and bias of a network as one flat vector, layer by layer: W row by row (neuron, then
 * input), then b. What a plane through weight space is written in.
 */
final class ParameterVector {

    private ParameterVector() {
    }

    static int size(Network network) {
        int size = 0;
        for (int l = 0; l < network.layerCount(); l++) {
            size += network.layer(l).size() * (network.layer(l).inputSize() + 1);
        }
        return size;
    }

    static double[] of(Network network) {
        double[] values = new double[size(network)];
        int at = 0;
        for (int l = 0; l < network.layerCount(); l++) {
            Layer layer = network.layer(l);
            double[] w = layer.weights().data;
            double[] b = layer.biases().data;
            int weights = layer.size() * layer.inputSize();
            System.arraycopy(w, 0, values, at, weights);
            System.arraycopy(b, 0, values, at + weights, layer.size());
            at += weights + layer.size();
        }
        return values;
    }

    /** Puts {@code values} into the network's weights and biases; the shapes must match. */
    static void write(double[] values, Network network) {
        int at = 0;
        for (int l = 0; l < network.layerCount(); l++) {
            Layer layer = network.layer(l);
            int weights = layer.size() * layer.inputSize();
            System.arraycopy(values, at, layer.weights().data, 0, weights);
            System.arraycopy(values, at + weights, layer.biases().data, 0, layer.size());
            at += weights + layer.size();
        }
    }

    /** Where a weight or bias sits in the vector; it must be one {@code network} has. */
    static int index(Network network, GradientCheck.Parameter parameter) {
        ParameterText.check(parameter, network);
        int at = 0;
        for (int l = 0; l < parameter.layer(); l++) {
            at += network.layer(l).size() * (network.layer(l).inputSize() + 1);
        }
        Layer layer = network.layer(parameter.layer());
        return switch (parameter) {
            case GradientCheck.Parameter.Weight w -> at + w.neuron() * layer.inputSize() + w.input();
            case GradientCheck.Parameter.Bias b -> at + layer.size() * layer.inputSize() + b.neuron();
            default -> throw new IllegalArgumentException(ParameterText.write(parameter) + ": only a weight or a bias can be an axis");
        };
    }
}
