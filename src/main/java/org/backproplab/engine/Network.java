package org.backproplab.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A stack of fully connected layers. Layer 0 reads the inputs; the last layer is the output.
 * Owned by one thread at a time: the trainer's, or a test's.
 */
public final class Network {

    private final int inputSize;
    private final List<Layer> layers;

    private Network(int inputSize, List<Layer> layers) {
        if (inputSize < 1) {
            throw new IllegalArgumentException("a network needs at least one input, got " + inputSize);
        }
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a network needs at least an output layer");
        }
        // Only the activations: the lab's limits on size do not bind benchmarks and tests.
        for (int l = 0; l < layers.size(); l++) {
            Layer layer = layers.get(l);
            int at = l;
            NetworkRules.layer(l, layers.size(), layer.spec()).ifPresent(refusal -> {
                throw new IllegalArgumentException(refusal.english() + ", found on layer " + (at + 1));
            });
        }
        this.inputSize = inputSize;
        this.layers = layers;
    }

    /** A network of the given shape with every weight and bias drawn by {@code initializer}. */
    public static Network create(int inputSize, List<LayerSpec> specs, Initializer initializer, RandomGenerator rng) {
        List<Layer> layers = new ArrayList<>();
        int fanIn = inputSize;
        for (LayerSpec spec : specs) {
            Layer layer = new Layer(fanIn, spec.size(), spec.activation(), spec.dropout(), spec.batchNorm());
            initializer.initialize(layer, rng);
            layers.add(layer);
            fanIn = spec.size();
        }
        return new Network(inputSize, layers);
    }

    /**
     * A network of a new shape that keeps every weight and bias that still has a place: new layer
     * {@code l} takes its values from old layer {@code layerOrigin[l]} (−1 for a brand-new layer)
     * wherever the neuron and input indices still exist, and its incoming weights too if it still
     * reads the layer it read before. The first layer's input columns map
     * through {@code inputOrigin} (−1 for a new input), since features can be added or removed in
     * the middle. Everything without a place is drawn fresh by {@code initializer}.
     */
    public Network reshaped(int newInputSize, List<LayerSpec> specs, int[] layerOrigin, int[] inputOrigin,
            Initializer initializer, RandomGenerator rng) {
        Network fresh = create(newInputSize, specs, initializer, rng);
        for (int l = 0; l < specs.size(); l++) {
            if (layerOrigin[l] < 0) {
                continue;
            }
            Layer from = layers.get(layerOrigin[l]);
            Layer to = fresh.layers.get(l);
            // Incoming weights only mean the same thing if this layer still reads the same layer.
            boolean sameInputs = l == 0 ? layerOrigin[0] == 0 : layerOrigin[l - 1] == layerOrigin[l] - 1;
            for (int n = 0; n < Math.min(from.size(), to.size()); n++) {
                to.setBias(n, from.bias(n));
                keepNormalisation(from, to, n);
                for (int i = 0; sameInputs && i < to.inputSize(); i++) {
                    int source = l == 0 ? inputOrigin[i] : i;
                    if (source >= 0 && source < from.inputSize()) {
                        to.setWeight(n, i, from.weight(n, source));
                    }
                }
            }
        }
        return fresh;
    }

    /** A neuron that keeps its place and its batch normalisation keeps its γ, β and running averages too. */
    private static void keepNormalisation(Layer from, Layer to, int neuron) {
        if (from.batchNorm().isPresent() && to.batchNorm().isPresent()) {
            BatchNorm old = from.batchNorm().get();
            to.batchNorm().get().set(neuron, old.gamma(neuron), old.beta(neuron), old.runningMean(neuron),
                    old.runningVariance(neuron));
        }
    }

    public int inputSize() {
        return inputSize;
    }

    public int outputSize() {
        return layers.getLast().size();
    }

    public int layerCount() {
        return layers.size();
    }

    public Layer layer(int index) {
        return layers.get(index);
    }

    public Layer outputLayer() {
        return layers.getLast();
    }

    public List<LayerSpec> shape() {
        return layers.stream().map(Layer::spec).toList();
    }

    /** Whether any layer normalises over the mini-batch, and so needs batches of at least two samples. */
    public boolean normalisesBatches() {
        for (Layer layer : layers) { // a loop, not a stream: asked on every mini-batch, which allocates nothing
            if (layer.batchNorm().isPresent()) {
                return true;
            }
        }
        return false;
    }

    public int parameterCount() {
        int count = 0;
        for (Layer layer : layers) {
            count += layer.size() * (layer.inputSize() + 1) + (layer.batchNorm().isPresent() ? 2 * layer.size() : 0);
        }
        return count;
    }

    /** Whether every weight and bias is a finite number. */
    public boolean isFinite() {
        return Double.isFinite(largestWeight());
    }

    /** The largest |w| or |b| in the network; NaN if any parameter is NaN. */
    public double largestWeight() {
        double largest = 0;
        for (Layer layer : layers) {
            largest = Math.max(largest, layer.largestParameter());
        }
        return largest;
    }

    /** A deep copy that shares nothing with this network. */
    public Network copy() {
        return new Network(inputSize, new ArrayList<>(layers.stream().map(Layer::copy).toList()));
    }

    /** Outputs for one input vector; allocates on every call, so for tests and one-off checks, not bulk work. */
    public double[] predict(double... inputs) {
        return new ForwardPass().run(this, Batches.column(inputs)).data.clone();
    }
}
