package org.backproplab.engine;

import org.ejml.data.DMatrixRMaj;

/**
 * The three matrix products of a layer, z = W·a + b, Wᵀδ and δ·aᵀ, written out for the small
 * matrices a lesson uses (a few neurons × a batch of ten). EJML's general routines spend most of
 * their time there on dispatch, shape checks and index bookkeeping rather than on arithmetic.
 *
 * <p>One rule: every sum adds its terms in the same order as EJML did (k = 0, 1, 2, …, the bias
 * last), so every number is bit for bit what it was; only the order in which independent sums are
 * computed changes, and several of them are computed at once (see {@link VectorProducts}).
 */
final class LayerProducts {

    private LayerProducts() {
    }

    /**
     * z = W·a_prev + b on columns [from, to) of {@code z}; {@code previous} has as many columns as
     * {@code z}. Heatmaps call it on one tile of grid points at a time, training on the whole batch.
     * Vectors of columns go through {@link VectorProducts} where the JVM has the Vector API; the
     * loop below does what they leave (everything, without the Vector API or with a batch narrower
     * than a vector), one entry at a time, its sum in a register.
     */
    static void weightedInputs(DMatrixRMaj weights, DMatrixRMaj biases, DMatrixRMaj previous, DMatrixRMaj z, int from, int to) {
        int rows = weights.numRows;
        int inputs = weights.numCols;
        int stride = z.numCols;
        double[] w = weights.data;
        double[] b = biases.data;
        double[] in = previous.data;
        double[] out = z.data;
        int start = Activation.VECTORS ? VectorProducts.weightedInputs(w, b, in, out, rows, inputs, stride, from, to) : from;
        for (int i = 0; i < rows; i++) {
            for (int j = start; j < to; j++) {
                double sum = w[i * inputs] * in[j];
                for (int k = 1; k < inputs; k++) {
                    sum += w[i * inputs + k] * in[k * stride + j];
                }
                out[i * stride + j] = sum + b[i];
            }
        }
    }

    /**
     * Wᵀδ: how the error of the layer above flows back to each of its inputs, one row per input
     * and one column per sample: entry (i, j) is W₀ᵢ·δ₀ⱼ + W₁ᵢ·δ₁ⱼ + …. Vectors first, as above.
     */
    static void backpropagatedErrors(DMatrixRMaj weights, DMatrixRMaj delta, DMatrixRMaj below) {
        int neurons = weights.numRows;
        int inputs = weights.numCols;
        int batch = delta.numCols;
        double[] w = weights.data;
        double[] d = delta.data;
        double[] out = below.data;
        int start = Activation.VECTORS ? VectorProducts.backpropagatedErrors(w, d, out, neurons, inputs, batch) : 0;
        for (int i = 0; i < inputs; i++) {
            for (int j = start; j < batch; j++) {
                double sum = w[i] * d[j];
                for (int k = 1; k < neurons; k++) {
                    sum += w[k * inputs + i] * d[k * batch + j];
                }
                out[i * batch + j] = sum;
            }
        }
    }

    /**
     * ∂L/∂W = (1/batch)·δ·a_prevᵀ: entry (i, k) is the mean over the batch of δᵢ·aₖ, its sum scaled
     * once at the end, as EJML's scaled product did. {@code transposed} is scratch space for
     * a_prevᵀ, which lets {@link VectorProducts} compute several k at once.
     */
    static void meanOuterProduct(DMatrixRMaj delta, DMatrixRMaj previous, DMatrixRMaj transposed, DMatrixRMaj gradient) {
        int batch = delta.numCols;
        int neurons = delta.numRows;
        int inputs = previous.numRows;
        double scale = 1.0 / batch;
        double[] d = delta.data;
        double[] a = previous.data;
        double[] g = gradient.data;
        if (Activation.VECTORS && VectorProducts.paysForOuterProduct(neurons, inputs)) {
            transpose(a, inputs, batch, transposed.data);
            VectorProducts.meanOuterProduct(d, transposed.data, g, neurons, inputs, batch, scale);
            return;
        }
        // Two neurons × two inputs at a time: four running sums, each over j = 0, 1, 2, … as before, but
        // independent of each other, so the CPU works on them at once instead of waiting on one chain
        // of additions; they also share every δ and a they load. An odd last neuron or input pairs with
        // itself (the same sum twice, the same bits twice), so no separate loop is needed for it.
        for (int i = 0; i < neurons; i += 2) {
            int i1 = Math.min(i + 1, neurons - 1);
            for (int k = 0; k < inputs; k += 2) {
                int k1 = Math.min(k + 1, inputs - 1);
                double sum00 = 0;
                double sum01 = 0;
                double sum10 = 0;
                double sum11 = 0;
                for (int j = 0; j < batch; j++) {
                    double d0 = d[i * batch + j];
                    double d1 = d[i1 * batch + j];
                    double a0 = a[k * batch + j];
                    double a1 = a[k1 * batch + j];
                    sum00 += d0 * a0;
                    sum01 += d0 * a1;
                    sum10 += d1 * a0;
                    sum11 += d1 * a1;
                }
                g[i * inputs + k] = scale * sum00;
                g[i * inputs + k1] = scale * sum01;
                g[i1 * inputs + k] = scale * sum10;
                g[i1 * inputs + k1] = scale * sum11;
            }
        }
    }

    /** {@code rows}×{@code cols} row-major {@code m} into its transpose: a plain loop, without EJML's checks. */
    private static void transpose(double[] m, int rows, int cols, double[] transposed) {
        // Row by row of the transpose: its writes are then in order, the reads a short stride apart.
        for (int c = 0; c < cols; c++) {
            for (int r = 0; r < rows; r++) {
                transposed[c * rows + r] = m[r * cols + c];
            }
        }
    }
}
