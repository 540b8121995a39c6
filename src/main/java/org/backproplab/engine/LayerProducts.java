package org.backproplab.engine;

import org.ejml.data.DMatrixRMaj;

/**
 * The three matrix products of a training step, written as plain loops over the matrices' row-major
 * {@code data} arrays. EJML's general routines are correct but, on matrices as small as a lesson's
 * (8×10), spend more time dispatching and checking than multiplying.
 *
 * <p>Each entry is summed in exactly the order EJML sums it (ascending index, starting from the
 * first product), so the results are bit for bit those of {@code CommonOps_DDRM}: every number a
 * trace shows stays the same. Matrices are one row per neuron and one column per sample.
 */
final class LayerProducts {

    private LayerProducts() {
    }

    /**
     * z = W·a + b (b added to every column), as {@code CommonOps_DDRM.mult} then adding the bias.
     * Trick: z's row i is built as w_i0·a_0 + w_i1·a_1 + …, whole rows at a time, so the innermost
     * loop runs along contiguous memory with no dependence between iterations and the JIT turns it
     * into vector instructions.
     */
    static void weightedInputs(DMatrixRMaj w, DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj z) {
        int rows = w.numRows;
        int inputs = w.numCols;
        int cols = a.numCols;
        double[] ws = w.data;
        double[] as = a.data;
        double[] zs = z.data;
        for (int i = 0; i < rows; i++) {
            int zRow = i * cols;
            double w0 = ws[i * inputs];
            for (int j = 0; j < cols; j++) {
                zs[zRow + j] = w0 * as[j];
            }
            for (int k = 1; k < inputs; k++) {
                double wk = ws[i * inputs + k];
                int aRow = k * cols;
                for (int j = 0; j < cols; j++) {
                    zs[zRow + j] += wk * as[aRow + j];
                }
            }
            double bias = b.data[i];
            for (int j = 0; j < cols; j++) {
                zs[zRow + j] += bias;
            }
        }
    }

    /**
     * g = Wᵀ·δ, what the layer below receives, as {@code CommonOps_DDRM.multTransA}. Same trick:
     * row k of g gathers w_0k·δ_0 + w_1k·δ_1 + … a whole row of δ at a time.
     */
    static void backwardError(DMatrixRMaj w, DMatrixRMaj delta, DMatrixRMaj g) {
        int rows = w.numRows;
        int inputs = w.numCols;
        int cols = delta.numCols;
        double[] ws = w.data;
        double[] ds = delta.data;
        double[] gs = g.data;
        for (int k = 0; k < inputs; k++) {
            int gRow = k * cols;
            double w0 = ws[k];
            for (int j = 0; j < cols; j++) {
                gs[gRow + j] = w0 * ds[j];
            }
            for (int i = 1; i < rows; i++) {
                double wik = ws[i * inputs + k];
                int dRow = i * cols;
                for (int j = 0; j < cols; j++) {
                    gs[gRow + j] += wik * ds[dRow + j];
                }
            }
        }
    }

    /**
     * ∂L/∂W = (1/batch)·δ·aᵀ, the mean over the batch of each sample's outer product, as
     * {@code CommonOps_DDRM.multTransB(1.0 / batch, …)}. Each entry is a sum over the samples; the
     * trick here is to run the samples in the outer loop and keep one running sum per input in
     * {@code sums}, so the sums of a row grow side by side instead of one long chain of additions
     * each waiting for the previous one. {@code sums} needs a.numRows entries.
     */
    static void meanOuterProduct(DMatrixRMaj delta, DMatrixRMaj a, DMatrixRMaj gradient, double[] sums) {
        int rows = delta.numRows;
        int inputs = a.numRows;
        int cols = delta.numCols;
        double scale = 1.0 / cols;
        double[] ds = delta.data;
        double[] as = a.data;
        double[] out = gradient.data;
        for (int i = 0; i < rows; i++) {
            int dRow = i * cols;
            for (int k = 0; k < inputs; k++) {
                sums[k] = 0;
            }
            for (int j = 0; j < cols; j++) {
                double d = ds[dRow + j];
                for (int k = 0; k < inputs; k++) {
                    sums[k] += d * as[k * cols + j];
                }
            }
            for (int k = 0; k < inputs; k++) {
                out[i * inputs + k] = scale * sums[k];
            }
        }
    }
}
