package org.backproplab.engine;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link LayerProducts}' two row-by-column products with the JDK's Vector API: a vector holds the
 * same entry of four (or eight) neighbouring samples, and its running sum stays in a register
 * while the loop walks along k. The JIT's own vectorisation cannot do this for a batch of ten (its
 * vector loop wants sixteen or more iterations, so ten run one at a time), and the plain loops
 * would store and reload every partial sum. Each lane adds its terms in the same order as the
 * scalar loops (k = 0, 1, 2, …, the bias last), so the numbers are bit for bit the same. Only
 * loaded with {@code --add-modules jdk.incubator.vector} (see {@link Activation#VECTORS}).
 */
final class VectorProducts {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

    private VectorProducts() {
    }

    /** Values per vector: a product narrower than this gains nothing from the vector loops. */
    static int lanes() {
        return SPECIES.length();
    }

    /**
     * z = W·a_prev + b on columns [from, end) of every row, where end is {@code to} rounded down to
     * whole vectors; returns end, and the caller computes the last few columns.
     */
    static int weightedInputs(double[] w, double[] b, double[] in, double[] out, int rows, int inputs, int stride,
            int from, int to) {
        int end = from + SPECIES.loopBound(to - from);
        for (int i = 0; i < rows; i++) {
            int row = i * stride;
            double bias = b[i];
            for (int j = from; j < end; j += SPECIES.length()) {
                DoubleVector sum = DoubleVector.fromArray(SPECIES, in, j).mul(w[i * inputs]);
                for (int k = 1; k < inputs; k++) {
                    sum = sum.add(DoubleVector.fromArray(SPECIES, in, k * stride + j).mul(w[i * inputs + k]));
                }
                sum.add(bias).intoArray(out, row + j);
            }
        }
        return end;
    }

    /** Wᵀδ on the first columns, whole vectors of them; returns where it stopped. */
    static int backpropagatedErrors(double[] w, double[] d, double[] out, int neurons, int inputs, int batch) {
        int end = SPECIES.loopBound(batch);
        for (int i = 0; i < inputs; i++) {
            for (int j = 0; j < end; j += SPECIES.length()) {
                DoubleVector sum = DoubleVector.fromArray(SPECIES, d, j).mul(w[i]);
                for (int k = 1; k < neurons; k++) {
                    sum = sum.add(DoubleVector.fromArray(SPECIES, d, k * batch + j).mul(w[k * inputs + i]));
                }
                sum.intoArray(out, i * batch + j);
            }
        }
        return end;
    }

    /**
     * ∂L/∂W = (1/batch)·δ·a_prevᵀ with {@code inputsBySample} = a_prevᵀ (one row per sample), a row
     * of the gradient at a time: row i, columns [k, k + lanes) gather Σⱼ δᵢⱼ·aⱼ,ₖ over j = 0, 1, …
     * in a register. Transposed so that those lanes are neighbours in memory. Returns where the
     * whole vectors of columns stopped.
     */
    static int meanOuterProduct(double[] d, double[] inputsBySample, double[] g, int neurons, int inputs, int batch,
            double scale) {
        int end = SPECIES.loopBound(inputs);
        for (int i = 0; i < neurons; i++) {
            for (int k = 0; k < end; k += SPECIES.length()) {
                DoubleVector sum = DoubleVector.zero(SPECIES);
                for (int j = 0; j < batch; j++) {
                    sum = sum.add(DoubleVector.fromArray(SPECIES, inputsBySample, j * inputs + k).mul(d[i * batch + j]));
                }
                sum.mul(scale).intoArray(g, i * inputs + k);
            }
        }
        return end;
    }
}
