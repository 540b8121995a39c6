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

    /** Runs the batch forward and returns the output layer's activations (a live buffer). */
    DMatrixRMaj run(Network network, DMatrixRMaj inputs) {
        fitTo(network, inputs.numCols);
        DMatrixRMaj previous = inputs;
        for (int l = 0; l < network.layerCount(); l++) {
            Layer layer = network.layer(l);
            DMatrixRMaj zl = z.get(l);
            weightedInputs(layer, previous, zl);
            layer.activation().apply(zl, a.get(l));
            previous = a.get(l);
        }
        return previous;
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
