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

    /** z = W·a + b (b added to every column), as {@code CommonOps_DDRM.mult} then adding the bias. */
    static void weightedInputs(DMatrixRMaj w, DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj z) {
        combineRows(w.data, w.numCols, 1, w.numRows, w.numCols, a.data, a.numCols, z.data);
        double[] zs = z.data;
        int cols = a.numCols;
        for (int i = 0; i < w.numRows; i++) {
            double bias = b.data[i];
            for (int j = i * cols, end = j + cols; j < end; j++) {
                zs[j] += bias;
            }
        }
    }

    /** g = Wᵀ·δ, what the layer below receives, as {@code CommonOps_DDRM.multTransA}. */
    static void backwardError(DMatrixRMaj w, DMatrixRMaj delta, DMatrixRMaj g) {
        combineRows(w.data, 1, w.numCols, w.numCols, w.numRows, delta.data, delta.numCols, g.data);
    }

    /**
     * out_r = Σ_t c(r, t)·src_t for whole rows of {@code cols} columns, summed over t in order, with
     * c(r, t) = {@code coefficients[r·rowStep + t·termStep]}: W·a takes W's rows as they are, Wᵀ·δ
     * walks W's columns instead. Trick: four columns are summed side by side in local variables, four
     * independent chains of additions the CPU overlaps, kept in registers rather than written back
     * to memory after every term.
     */
    private static void combineRows(double[] coefficients, int rowStep, int termStep, int rows, int terms,
            double[] src, int cols, double[] out) {
        for (int r = 0; r < rows; r++) {
            int c0 = r * rowStep;
            int outRow = r * cols;
            int j = 0;
            for (; j + 3 < cols; j += 4) {
                double c = coefficients[c0];
                double s0 = c * src[j];
                double s1 = c * src[j + 1];
                double s2 = c * src[j + 2];
                double s3 = c * src[j + 3];
                for (int t = 1; t < terms; t++) {
                    c = coefficients[c0 + t * termStep];
                    int at = t * cols + j;
                    s0 += c * src[at];
                    s1 += c * src[at + 1];
                    s2 += c * src[at + 2];
                    s3 += c * src[at + 3];
                }
                out[outRow + j] = s0;
                out[outRow + j + 1] = s1;
                out[outRow + j + 2] = s2;
                out[outRow + j + 3] = s3;
            }
            for (; j < cols; j++) {
                double sum = coefficients[c0] * src[j];
                for (int t = 1; t < terms; t++) {
                    sum += coefficients[c0 + t * termStep] * src[t * cols + j];
                }
                out[outRow + j] = sum;
            }
        }
    }

    /**
     * ∂L/∂W = (1/batch)·δ·aᵀ, the mean over the batch of each sample's outer product, as
     * {@code CommonOps_DDRM.multTransB(1.0 / batch, …)}: each entry sums δ_ij·a_kj over the samples
     * j in order. Trick: four entries of a row are summed side by side in local variables, four
     * independent chains of additions that the CPU overlaps, instead of one chain at a time whose
     * every addition waits for the previous one.
     */
    static void meanOuterProduct(DMatrixRMaj delta, DMatrixRMaj a, DMatrixRMaj gradient) {
        int rows = delta.numRows;
        int inputs = a.numRows;
        int cols = delta.numCols;
        double scale = 1.0 / cols;
        double[] ds = delta.data;
        double[] as = a.data;
        double[] out = gradient.data;
        for (int i = 0; i < rows; i++) {
            int dRow = i * cols;
            int outRow = i * inputs;
            int k = 0;
            for (; k + 3 < inputs; k += 4) {
                int a0 = k * cols;
                int a1 = a0 + cols;
                int a2 = a1 + cols;
                int a3 = a2 + cols;
                double s0 = 0;
                double s1 = 0;
                double s2 = 0;
                double s3 = 0;
                for (int j = 0; j < cols; j++) {
                    double d = ds[dRow + j];
                    s0 += d * as[a0 + j];
                    s1 += d * as[a1 + j];
                    s2 += d * as[a2 + j];
                    s3 += d * as[a3 + j];
                }
                out[outRow + k] = scale * s0;
                out[outRow + k + 1] = scale * s1;
                out[outRow + k + 2] = scale * s2;
                out[outRow + k + 3] = scale * s3;
            }
            for (; k < inputs; k++) {
                int aRow = k * cols;
                double sum = 0;
                for (int j = 0; j < cols; j++) {
                    sum += ds[dRow + j] * as[aRow + j];
                }
                out[outRow + k] = scale * sum;
            }
        }
    }
}
