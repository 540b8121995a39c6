package org.backproplab.trace;

/**
 * The trace numbers of one sample of the batch, looked up by layer and neuron, with the symbols
 * that name them. Layer −1 stands for the inputs wherever "the layer below" is meant.
 */
record Focus(StepTrace trace, int sample, Symbols symbols) {

    static Focus of(StepTrace trace, int sample) {
        if (trace.layers().isEmpty()) {
            throw new IllegalArgumentException("the trace has no layers");
        }
        if (sample < 0 || sample >= trace.batchSize()) {
            throw new IllegalArgumentException(
                    "sample " + sample + " is not in the batch of " + trace.batchSize() + " (counting from 0)");
        }
        return new Focus(trace, sample, Symbols.of(trace));
    }

    LayerTrace layer(int layer) {
        if (layer < 0 || layer >= trace.layers().size()) {
            throw new IllegalArgumentException(
                    "layer " + layer + " does not exist; the trace has layers 0 to " + (trace.layers().size() - 1));
        }
        return trace.layers().get(layer);
    }

    void checkNeuron(int layer, int neuron) {
        int size = layer(layer).size();
        if (neuron < 0 || neuron >= size) {
            throw new IllegalArgumentException("layer " + layer + " has neurons 0 to " + (size - 1) + ", not " + neuron);
        }
    }

    void checkEdge(int layer, int neuron, int input) {
        checkNeuron(layer, neuron);
        int inputs = layer(layer).inputSize();
        if (input < 0 || input >= inputs) {
            throw new IllegalArgumentException("layer " + layer + " has inputs 0 to " + (inputs - 1) + ", not " + input);
        }
    }

    int batchSize() {
        return trace.batchSize();
    }

    int layerCount() {
        return trace.layers().size();
    }

    boolean isOutput(int layer) {
        return symbols.isOutput(layer);
    }

    /** The activation function f of layer l. */
    ActivationForm function(int layer) {
        return ActivationForm.forId(layer(layer).activation());
    }

    /** Whether the step had a regularization penalty, so the optimizer saw ∂J/∂w = ∂E/∂w + ∂R/∂w. */
    boolean penalised() {
        return trace.penalty() != 0;
    }

    /** Every sample's activations of layer l (the inputs for l = −1), one column per sample. */
    Matrix activations(int layer) {
        return layer < 0 ? trace.inputs() : layer(layer).a();
    }

    double activation(int layer, int neuron) {
        return activations(layer).get(neuron, sample);
    }

    double z(int layer, int neuron) {
        return layer(layer).z().get(neuron, sample);
    }

    /** Whether layer l normalises its batch between z and the activation. */
    boolean normalised(int layer) {
        return layer(layer).batchNorm().isPresent();
    }

    /** What layer l's activation read, every sample: y when the layer normalises its batch, else z. */
    Matrix activationInputs(int layer) {
        return layer(layer).batchNorm().map(BatchNormTrace::output).orElse(layer(layer).z());
    }

    /** What neuron's activation read: y when its layer normalises its batch, else z. */
    double activationInput(int layer, int neuron) {
        return activationInputs(layer).get(neuron, sample);
    }

    /** The name of what neuron's activation read: y or z. */
    MathToken.Symbol activationInputSymbol(int layer, int neuron) {
        return normalised(layer) ? BatchNormFormulas.output(layer, neuron) : symbols.z(layer, neuron);
    }

    /** What δ of a hidden neuron's activation is before the normalisation: δʸ when its layer normalises, else δ itself. */
    MathToken.Symbol activationDeltaSymbol(int layer, int neuron) {
        return normalised(layer) ? BatchNormFormulas.outputDelta(layer, neuron) : symbols.delta(layer, neuron);
    }

    /** Its value for the focused sample. */
    double activationDelta(int layer, int neuron) {
        return layer(layer).batchNorm().map(BatchNormTrace::outputDelta).orElse(layer(layer).delta()).get(neuron, sample);
    }

    double delta(int layer, int neuron) {
        return layer(layer).delta().get(neuron, sample);
    }

    double target(int neuron) {
        return trace.targets().get(neuron, sample);
    }

    /** A matrix's column for the focused sample. */
    Matrix column(Matrix batch) {
        return Matrices.column(batch, sample);
    }
}
