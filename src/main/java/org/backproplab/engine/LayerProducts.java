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
        if (Activation.VECTORS && inputs >= VectorProducts.lanes()) {
            transpose(a, inputs, batch, transposed.data);
            VectorProducts.meanOuterProduct(d, transposed.data, g, neurons, inputs, batch, scale);
            return;
        }
        for (int i = 0; i < neurons; i++) {
            for (int k = 0; k < inputs; k++) {
                double sum = 0;
                for (int j = 0; j < batch; j++) {
                    sum += d[i * batch + j] * a[k * batch + j];
                }
                g[i * inputs + k] = scale * sum;
            }
        }
    }

    /** {@code rows}×{@code cols} row-major {@code m} into its transpose: a plain loop, without EJML's checks. */
    private static void transpose(double[] m, int rows, int cols, double[] transposed) {
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                transposed[c * rows + r] = m[r * cols + c];
            }
        }
    }
}
