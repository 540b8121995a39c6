package org.backproplab.engine;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * Buffers for z and a of every layer over a batch of columns, reused from call to call so that a
 * steady stream of batches (training, or heatmap grids) allocates nothing. Grows only when a
 * bigger batch or a new shape arrives.
 */
final class ForwardPass {

    private final List<DMatrixRMaj> z = new ArrayList<>();
    private final List<DMatrixRMaj> a = new ArrayList<>();
    /** Per layer, what batch normalisation computed, for the layers that apply it. */
    private final List<BatchNorm.Pass> normalisations = new ArrayList<>();

    /** Makes the buffers match the network's shape for {@code columns} samples. */
    void fitTo(Network network, int columns) {
        while (z.size() > network.layerCount()) {
            z.removeLast();
            a.removeLast();
        }
        for (int l = 0; l < network.layerCount(); l++) {
            int rows = network.layer(l).size();
            if (l == z.size()) {
                z.add(new DMatrixRMaj(rows, columns));
                a.add(new DMatrixRMaj(rows, columns));
            } else {
                z.get(l).reshape(rows, columns, false);
                a.get(l).reshape(rows, columns, false);
            }
        }
    }

    /**
     * Runs the batch forward as at evaluation (no dropout; batch normalisation uses its running
     * averages, each sample stands alone) and returns the output layer's activations (a live buffer).
     */
    DMatrixRMaj run(Network network, DMatrixRMaj inputs) {
        return run(network, inputs, Dropout.NONE, false);
    }

    /**
     * Runs the batch forward as in training: batch normalisation uses the batch's own μ and σ², and
     * {@code dropout} acts after each activation, so that a is what the next layer reads.
     */
    DMatrixRMaj runTraining(Network network, DMatrixRMaj inputs, Dropout dropout) {
        return run(network, inputs, dropout, true);
    }

    private DMatrixRMaj run(Network network, DMatrixRMaj inputs, Dropout dropout, boolean training) {
        fitTo(network, inputs.numCols);
        DMatrixRMaj previous = inputs;
        for (int l = 0; l < network.layerCount(); l++) {
            Layer layer = network.layer(l);
            DMatrixRMaj zl = z.get(l);
            weightedInputs(layer, previous, zl);
            layer.activation().apply(normalise(layer, l, zl, training), a.get(l));
            dropout.apply(l, layer, a.get(l));
            previous = a.get(l);
        }
        return previous;
    }

    /** What the activation reads: z itself, or y when the layer normalises its batch. */
    private DMatrixRMaj normalise(Layer layer, int l, DMatrixRMaj z, boolean training) {
        if (layer.batchNorm().isEmpty()) {
            return z;
        }
        while (normalisations.size() <= l) {
            normalisations.add(new BatchNorm.Pass());
        }
        BatchNorm.Pass pass = normalisations.get(l);
        if (training) {
            return layer.batchNorm().get().normaliseBatch(z, pass);
        }
        pass.output.setTo(z);
        layer.batchNorm().get().normaliseWithRunningAverages(pass.output, 0, z.numCols);
        return pass.output;
    }

    /** What batch normalisation computed in layer {@code layer} on the last run; only for a layer that applies it. */
    BatchNorm.Pass normalisation(Network network, int layer) {
        if (network.layer(layer).batchNorm().isEmpty()) {
            throw new IllegalArgumentException("layer " + (layer + 1) + " does not normalise its batch");
        }
        return normalisations.get(layer);
    }

    /** What layer {@code layer}'s activation read on the last run: y when it normalises its batch, else z. */
    DMatrixRMaj activationInput(Network network, int layer) {
        return network.layer(layer).batchNorm().isPresent() ? normalisations.get(layer).output : z.get(layer);
    }

    DMatrixRMaj z(int layer) {
        return z.get(layer);
    }

    DMatrixRMaj a(int layer) {
        return a.get(layer);
    }

    /** The first stage of a layer: z = W·a_prev + b, every column of the batch. */
    private static void weightedInputs(Layer layer, DMatrixRMaj previous, DMatrixRMaj z) {
        LayerProducts.weightedInputs(layer.weights(), layer.biases(), previous, z, 0, z.numCols);
    }
}
