package org.backproplab.engine;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

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

    /** Runs the batch forward, without dropout, and returns the output layer's activations (a live buffer). */
    DMatrixRMaj run(Network network, DMatrixRMaj inputs) {
        return run(network, inputs, Dropout.NONE);
    }

    /** Runs the batch forward with {@code dropout} after each activation; a is then what the next layer reads. */
    DMatrixRMaj run(Network network, DMatrixRMaj inputs, Dropout dropout) {
        fitTo(network, inputs.numCols);
        DMatrixRMaj previous = inputs;
        for (int l = 0; l < network.layerCount(); l++) {
            Layer layer = network.layer(l);
            DMatrixRMaj zl = z.get(l);
            CommonOps_DDRM.mult(layer.weights(), previous, zl);
            addBiasToEachColumn(zl, layer.biases());
            layer.activation().apply(zl, a.get(l));
            dropout.apply(l, layer, a.get(l));
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

    private static void addBiasToEachColumn(DMatrixRMaj z, DMatrixRMaj biases) {
        int cols = z.numCols;
        double[] zs = z.data;
        for (int r = 0; r < z.numRows; r++) {
            double b = biases.data[r];
            for (int i = r * cols, end = i + cols; i < end; i++) {
                zs[i] += b;
            }
        }
    }
}
