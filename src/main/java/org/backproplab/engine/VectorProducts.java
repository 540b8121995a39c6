package org.backproplab.engine;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link LayerProducts}' three products with the JDK's Vector API. All three have one form,
 * out(i, j) = Σₖ left(i, k)·right(k, j), k = 0, 1, 2, …, and one routine computes it: a vector holds
 * the same entry of four (or eight) neighbouring columns of {@code right}, and its running sum stays
 * in a register while the loop walks along k. Each lane adds its terms in the same order as the
 * scalar loops (k = 0, 1, 2, …, the bias last), so the numbers are bit for bit the same. Only loaded
 * with {@code --add-modules jdk.incubator.vector} (see {@link Activation#VECTORS}).
 *
 * <p>Why not the JIT's own vectorisation: its vector loop wants sixteen or more iterations, so a
 * batch of ten runs one value at a time, and every partial sum is stored and reloaded.
 *
 * <p>Why four rows at once: each running sum is a chain of additions that must wait for each other
 * (a few cycles apiece). One chain at a time leaves the CPU idle most of the time; four independent
 * chains, one per output row, keep it busy, and they share each vector of {@code right} they read.
 */
final class VectorProducts {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    /** Output rows computed together, one running sum each (see the class comment). */
    private static final int ROWS_AT_ONCE = 4;

    private VectorProducts() {
    }

    /**
     * Whether {@link #meanOuterProduct} beats {@link LayerProducts}' scalar loop for a layer of this
     * shape: it needs a vector of inputs, and four neurons to share each vector it loads. With fewer,
     * transposing a_prev costs more than the vectors save (measured: 2 neurons × 4 inputs, batch 10,
     * 100 ns against 70; 1 × 8, 160 against 120).
     */
    static boolean paysForOuterProduct(int neurons, int inputs) {
        return inputs >= SPECIES.length() && neurons >= ROWS_AT_ONCE;
    }

    /**
     * Where a block starting at {@code start} of {@code count} items should start so that it stays
     * inside [0, end): a row of ten columns is done as columns 0–3, 4–7 and 6–9, eight rows as 0–3
     * and 4–7, six as 0–3 and 2–5. The last block overlaps the one before it rather than leaving a
     * few items to a slow scalar loop; computing an entry twice gives the same bits both times, so
     * the overlap changes nothing.
     */
    private static int blockStart(int start, int count, int end) {
        return Math.min(start, end - count);
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
        // left(i, k) = W[i][k]: a row of W is contiguous.
        sumOfProducts(w, inputs, 1, in, out, stride, rows, inputs, from, to, b, 1);
        return to;
    }

    /** Wᵀδ, as above: returns the first column it did not compute. */
    static int backpropagatedErrors(double[] w, double[] d, double[] out, int neurons, int inputs, int batch) {
        if (batch < SPECIES.length()) {
            return 0;
        }
        // left(i, k) = Wᵀ[i][k] = W[k][i]: walking k steps over whole rows of W.
        sumOfProducts(w, 1, inputs, d, out, batch, inputs, neurons, 0, batch, null, 1);
        return batch;
    }

    /**
     * ∂L/∂W = (1/batch)·δ·a_prevᵀ with {@code inputsBySample} = a_prevᵀ (one row per sample):
     * left(i, j) = δᵢⱼ, right(j, k) = aⱼ,ₖ, the sum over the batch scaled once at the end. Transposed
     * so that the lanes, neighbouring k, are neighbours in memory. Needs at least one vector of
     * inputs (see {@link #paysForOuterProduct}).
     */
    static void meanOuterProduct(double[] d, double[] inputsBySample, double[] g, int neurons, int inputs, int batch,
            double scale) {
        sumOfProducts(d, batch, 1, inputsBySample, g, inputs, neurons, batch, 0, inputs, null, scale);
    }

    /**
     * out(i, j) = (Σₖ left(i, k)·right(k, j) + bias(i))·scale for every row i and columns j in
     * [from, to), at least one vector of them. {@code left(i, k)} is {@code left[i·rowStep + k·kStep]};
     * {@code right} and {@code out} are row-major, {@code stride} wide. No bias when {@code bias} is
     * null; {@code scale} 1 changes nothing (x·1 = x exactly).
     */
    private static void sumOfProducts(double[] left, int rowStep, int kStep, double[] right, double[] out, int stride,
            int rows, int terms, int from, int to, double[] bias, double scale) {
        int blockRows = rows >= ROWS_AT_ONCE ? ROWS_AT_ONCE : 1;
        for (int row = 0; row < rows; row += blockRows) {
            int i = blockStart(row, blockRows, rows);
            if (blockRows == ROWS_AT_ONCE) {
                fourRows(left, i * rowStep, rowStep, kStep, right, out, stride, terms, from, to, bias, i, scale);
            } else {
                oneRow(left, i * rowStep, kStep, right, out, stride, terms, from, to, bias, i, scale);
            }
        }
    }

    /** Rows i … i + 3 of {@code out}, columns [from, to) a vector at a time: four running sums at once. */
    private static void fourRows(double[] left, int at, int rowStep, int kStep, double[] right, double[] out, int stride,
            int terms, int from, int to, double[] bias, int i, double scale) {
        for (int column = from; column < to; column += SPECIES.length()) {
            int j = blockStart(column, SPECIES.length(), to);
            DoubleVector r = DoubleVector.fromArray(SPECIES, right, j);
            DoubleVector s0 = r.mul(left[at]);
            DoubleVector s1 = r.mul(left[at + rowStep]);
            DoubleVector s2 = r.mul(left[at + 2 * rowStep]);
            DoubleVector s3 = r.mul(left[at + 3 * rowStep]);
            for (int k = 1; k < terms; k++) {
                r = DoubleVector.fromArray(SPECIES, right, k * stride + j);
                int l = at + k * kStep;
                s0 = s0.add(r.mul(left[l]));
                s1 = s1.add(r.mul(left[l + rowStep]));
                s2 = s2.add(r.mul(left[l + 2 * rowStep]));
                s3 = s3.add(r.mul(left[l + 3 * rowStep]));
            }
            store(s0, bias, i, scale, out, i * stride + j);
            store(s1, bias, i + 1, scale, out, (i + 1) * stride + j);
            store(s2, bias, i + 2, scale, out, (i + 2) * stride + j);
            store(s3, bias, i + 3, scale, out, (i + 3) * stride + j);
        }
    }

    /** Row i alone, for products with fewer than four rows. */
    private static void oneRow(double[] left, int at, int kStep, double[] right, double[] out, int stride, int terms,
            int from, int to, double[] bias, int i, double scale) {
        for (int column = from; column < to; column += SPECIES.length()) {
            int j = blockStart(column, SPECIES.length(), to);
            DoubleVector sum = DoubleVector.fromArray(SPECIES, right, j).mul(left[at]);
            for (int k = 1; k < terms; k++) {
                sum = sum.add(DoubleVector.fromArray(SPECIES, right, k * stride + j).mul(left[at + k * kStep]));
            }
            store(sum, bias, i, scale, out, i * stride + j);
        }
    }

    private static void store(DoubleVector sum, double[] bias, int i, double scale, double[] out, int at) {
        DoubleVector biased = bias == null ? sum : sum.add(bias[i]);
        biased.mul(scale).intoArray(out, at);
    }
}
