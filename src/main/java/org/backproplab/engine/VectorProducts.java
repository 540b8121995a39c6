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
     * Where the vector starting at column j should start so that it stays inside [from, to): a
     * row of ten is done as columns 0–3, 4–7 and 6–9. The last vector overlaps the one before it
     * rather than leaving a few columns to a slow scalar loop; computing an entry twice gives the
     * same bits both times, so the overlap changes nothing.
     */
    private static int vectorStart(int j, int to) {
        return Math.min(j, to - SPECIES.length());
    }

    /**
     * z = W·a_prev + b on columns [from, to) of every row if there is at least one vector of them;
     * returns the first column it did not compute ({@code to}, or {@code from} if too few).
     */
    static int weightedInputs(double[] w, double[] b, double[] in, double[] out, int rows, int inputs, int stride,
            int from, int to) {
        if (to - from < SPECIES.length()) {
            return from;
        }
        for (int i = 0; i < rows; i++) {
            int row = i * stride;
            double bias = b[i];
            for (int column = from; column < to; column += SPECIES.length()) {
                int j = vectorStart(column, to);
                DoubleVector sum = DoubleVector.fromArray(SPECIES, in, j).mul(w[i * inputs]);
                for (int k = 1; k < inputs; k++) {
                    sum = sum.add(DoubleVector.fromArray(SPECIES, in, k * stride + j).mul(w[i * inputs + k]));
                }
                sum.add(bias).intoArray(out, row + j);
            }
        }
        return to;
    }

    /** Wᵀδ, as above: returns the first column it did not compute. */
    static int backpropagatedErrors(double[] w, double[] d, double[] out, int neurons, int inputs, int batch) {
        if (batch < SPECIES.length()) {
            return 0;
        }
        for (int i = 0; i < inputs; i++) {
            for (int column = 0; column < batch; column += SPECIES.length()) {
                int j = vectorStart(column, batch);
                DoubleVector sum = DoubleVector.fromArray(SPECIES, d, j).mul(w[i]);
                for (int k = 1; k < neurons; k++) {
                    sum = sum.add(DoubleVector.fromArray(SPECIES, d, k * batch + j).mul(w[k * inputs + i]));
                }
                sum.intoArray(out, i * batch + j);
            }
        }
        return batch;
    }

    /**
     * ∂L/∂W = (1/batch)·δ·a_prevᵀ with {@code inputsBySample} = a_prevᵀ (one row per sample), a row
     * of the gradient at a time: row i, columns [k, k + lanes) gather Σⱼ δᵢⱼ·aⱼ,ₖ over j = 0, 1, …
     * in a register. Transposed so that those lanes are neighbours in memory. Needs at least one
     * vector of inputs (see {@link #lanes}).
     */
    static void meanOuterProduct(double[] d, double[] inputsBySample, double[] g, int neurons, int inputs, int batch,
            double scale) {
        for (int i = 0; i < neurons; i++) {
            for (int column = 0; column < inputs; column += SPECIES.length()) {
                int k = vectorStart(column, inputs);
                DoubleVector sum = DoubleVector.zero(SPECIES);
                for (int j = 0; j < batch; j++) {
                    sum = sum.add(DoubleVector.fromArray(SPECIES, inputsBySample, j * inputs + k).mul(d[i * batch + j]));
                }
                sum.mul(scale).intoArray(g, i * inputs + k);
            }
        }
    }
}
