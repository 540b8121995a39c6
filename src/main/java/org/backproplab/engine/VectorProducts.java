package org.backproplab.engine;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link LayerProducts}' three products with the JDK's Vector API. All three have one form,
 * out(i, j) = Σₖ left(i, k)·right(k, j), k = 0, 1, 2, …: a vector holds the same entry of four
 * neighbouring columns of {@code right} (eight with AVX-512, two with SSE or NEON), and its running
 * sum stays in a register while the loop walks along k. Each lane adds its terms in the same order as the scalar loops (k = 0, 1,
 * 2, …, the bias last), so the numbers are bit for bit the same. Only loaded with
 * {@code --add-modules jdk.incubator.vector} (see {@link Activation#VECTORS}).
 *
 * <p>Why not the JIT's own vectorisation: its vector loop wants sixteen or more iterations, so a
 * batch of ten runs one value at a time, and every partial sum is stored and reloaded.
 *
 * <p>Why blocks of several rows and several vectors: each running sum is a chain of additions that
 * must wait for each other (a few cycles apiece), so one chain at a time leaves the CPU idle; and
 * each step along k loads one value of {@code left} per row and one vector of {@code right} per
 * column block, with a bounds check apiece. A block of r rows × v vectors keeps r·v independent
 * sums going and does r·v multiply-adds for r + v loads. On a lesson's layers (8 × 8, a batch of
 * ten, AVX2's four lanes) two rows by three vectors, a whole batch, measured 97 ns for z = W·a + b against 167 ns
 * for four rows by one vector; more sums than that no longer fit in the CPU's registers.
 */
final class VectorProducts {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    /** Columns of z and Wᵀδ computed together: three vectors (twelve columns with AVX2: a batch of ten in one panel). */
    private static final int PANEL = 3 * LANES;
    /** Neurons of ∂L/∂W computed together, by two vectors of inputs. */
    private static final int GRADIENT_ROWS = 4;

    private VectorProducts() {
    }

    /**
     * Whether {@link #meanOuterProduct} beats {@link LayerProducts}' scalar loop for a layer of this
     * shape: it needs a vector of inputs, and four neurons to share each vector it loads. With fewer,
     * transposing a_prev costs more than the vectors save (measured: 2 neurons × 4 inputs, batch 10,
     * 100 ns against 70; 1 × 8, 160 against 120).
     */
    static boolean paysForOuterProduct(int neurons, int inputs) {
        return inputs >= LANES && neurons >= GRADIENT_ROWS;
    }

    /**
     * Where a block starting at {@code start} of {@code count} items should start so that it stays
     * inside [{@code first}, {@code end}): six neurons by four are done as 0–3 and 2–5, nine rows by
     * two as 0–1, 2–3, 4–5, 6–7 and 7–8. The last block overlaps the one before
     * it rather than leaving a few items to a slow scalar loop; computing an entry twice gives the
     * same bits both times, so the overlap changes nothing. A range shorter than a block starts at
     * {@code first}.
     */
    private static int blockStart(int start, int count, int first, int end) {
        return Math.max(first, Math.min(start, end - count));
    }

    /**
     * z = W·a_prev + b on columns [from, to) of every row if there is at least one vector of them;
     * returns the first column it did not compute ({@code to}, or {@code from} if too few).
     */
    static int weightedInputs(double[] w, double[] b, double[] in, double[] out, int rows, int inputs, int stride,
            int from, int to) {
        if (to - from < LANES) {
            return from;
        }
        // left(i, k) = W[i][k]: a row of W is contiguous.
        sumOfProducts(w, inputs, 1, in, out, stride, rows, inputs, from, to, b);
        return to;
    }

    /** Wᵀδ, as above: returns the first column it did not compute. */
    static int backpropagatedErrors(double[] w, double[] d, double[] out, int neurons, int inputs, int batch) {
        if (batch < LANES) {
            return 0;
        }
        // left(i, k) = Wᵀ[i][k] = W[k][i]: walking k steps over whole rows of W.
        sumOfProducts(w, 1, inputs, d, out, batch, inputs, neurons, 0, batch, null);
        return batch;
    }

    /**
     * out(i, j) = Σₖ left(i, k)·right(k, j) + bias(i) for every row i and columns j in [from, to), at
     * least one vector of them. {@code left(i, k)} is {@code left[i·rowStep + k·kStep]}; {@code right}
     * and {@code out} are row-major, {@code stride} wide. No bias when {@code bias} is null.
     */
    private static void sumOfProducts(double[] left, int rowStep, int kStep, double[] right, double[] out, int stride,
            int rows, int terms, int from, int to, double[] bias) {
        for (int column = from; column < to; column += PANEL) {
            int j = blockStart(column, PANEL, from, to);
            // Three vectors cover the panel's columns: the last ends at its end, the middle one starts
            // a vector in unless the panel is narrower than two vectors, where the
            // vectors overlap more; an entry computed twice or three times has the same bits each time.
            int last = j + Math.min(PANEL, to - j) - LANES;
            int middle = Math.min(j + LANES, last);
            for (int row = 0; row < rows; row += 2) {
                // A lone last row pairs with itself: the same sums twice, the same bits twice.
                int i = blockStart(row, 2, 0, rows);
                int below = Math.min(i + 1, rows - 1);
                twoRowsThreeVectors(left, i * rowStep, below * rowStep, kStep, right, out, stride, terms,
                        j, middle, last, bias, i, below);
            }
        }
    }

    /**
     * Rows {@code i} and {@code below} of {@code out} at the three vectors of columns starting at
     * {@code j0}, {@code j1} and {@code j2} (the last may overlap the middle one): six running sums,
     * sharing each value of {@code left} and each vector of {@code right} they load.
     */
    private static void twoRowsThreeVectors(double[] left, int at, int belowAt, int kStep, double[] right, double[] out,
            int stride, int terms, int j0, int j1, int j2, double[] bias, int i, int below) {
        DoubleVector r0 = DoubleVector.fromArray(SPECIES, right, j0);
        DoubleVector r1 = DoubleVector.fromArray(SPECIES, right, j1);
        DoubleVector r2 = DoubleVector.fromArray(SPECIES, right, j2);
        double top = left[at];
        double bottom = left[belowAt];
        DoubleVector s0 = r0.mul(top);
        DoubleVector s1 = r1.mul(top);
        DoubleVector s2 = r2.mul(top);
        DoubleVector t0 = r0.mul(bottom);
        DoubleVector t1 = r1.mul(bottom);
        DoubleVector t2 = r2.mul(bottom);
        for (int k = 1; k < terms; k++) {
            int row = k * stride;
            r0 = DoubleVector.fromArray(SPECIES, right, row + j0);
            r1 = DoubleVector.fromArray(SPECIES, right, row + j1);
            r2 = DoubleVector.fromArray(SPECIES, right, row + j2);
            top = left[at + k * kStep];
            bottom = left[belowAt + k * kStep];
            s0 = s0.add(r0.mul(top));
            s1 = s1.add(r1.mul(top));
            s2 = s2.add(r2.mul(top));
            t0 = t0.add(r0.mul(bottom));
            t1 = t1.add(r1.mul(bottom));
            t2 = t2.add(r2.mul(bottom));
        }
        store(s0, bias, i, out, i * stride + j0);
        store(s1, bias, i, out, i * stride + j1);
        store(s2, bias, i, out, i * stride + j2);
        store(t0, bias, below, out, below * stride + j0);
        store(t1, bias, below, out, below * stride + j1);
        store(t2, bias, below, out, below * stride + j2);
    }

    /**
     * A row's sum into {@code out}, plus the row's bias if there is one (added last, as the scalar
     * loop does). Two stores rather than one store of either vector: a vector that may be one of
     * two can make the JIT put it on the heap, and the training step must not allocate.
     */
    private static void store(DoubleVector sum, double[] bias, int i, double[] out, int at) {
        if (bias == null) {
            sum.intoArray(out, at);
        } else {
            sum.add(bias[i]).intoArray(out, at);
        }
    }

    /**
     * ∂L/∂W = (1/batch)·δ·a_prevᵀ with {@code inputsBySample} = a_prevᵀ (one row per sample): entry
     * (i, k) sums δᵢⱼ·aⱼ,ₖ over j = 0, 1, 2, … and is scaled once at the end. Transposed so that the
     * lanes, neighbouring k, are neighbours in memory. Four neurons by two vectors of inputs at once
     * (eight sums; with AVX2 a layer of eight inputs whole). Needs {@link #paysForOuterProduct}: with
     * fewer than four neurons it would read past δ.
     */
    static void meanOuterProduct(double[] d, double[] inputsBySample, double[] g, int neurons, int inputs, int batch,
            double scale) {
        int width = Math.min(2 * LANES, inputs);
        for (int column = 0; column < inputs; column += 2 * LANES) {
            int k0 = blockStart(column, 2 * LANES, 0, inputs);
            int k1 = k0 + width - LANES;
            for (int row = 0; row < neurons; row += GRADIENT_ROWS) {
                int i = blockStart(row, GRADIENT_ROWS, 0, neurons);
                fourNeuronsTwoVectors(d, i, inputsBySample, g, inputs, batch, k0, k1, scale);
            }
        }
    }

    /** Neurons i … i + 3 of ∂L/∂W at the inputs of the vectors starting at {@code k0} and {@code k1}. */
    private static void fourNeuronsTwoVectors(double[] d, int i, double[] inputsBySample, double[] g, int inputs,
            int batch, int k0, int k1, double scale) {
        int at = i * batch;
        DoubleVector a0 = DoubleVector.fromArray(SPECIES, inputsBySample, k0);
        DoubleVector a1 = DoubleVector.fromArray(SPECIES, inputsBySample, k1);
        double d0 = d[at];
        double d1 = d[at + batch];
        double d2 = d[at + 2 * batch];
        double d3 = d[at + 3 * batch];
        DoubleVector s00 = a0.mul(d0);
        DoubleVector s01 = a1.mul(d0);
        DoubleVector s10 = a0.mul(d1);
        DoubleVector s11 = a1.mul(d1);
        DoubleVector s20 = a0.mul(d2);
        DoubleVector s21 = a1.mul(d2);
        DoubleVector s30 = a0.mul(d3);
        DoubleVector s31 = a1.mul(d3);
        for (int j = 1; j < batch; j++) {
            a0 = DoubleVector.fromArray(SPECIES, inputsBySample, j * inputs + k0);
            a1 = DoubleVector.fromArray(SPECIES, inputsBySample, j * inputs + k1);
            int sample = at + j;
            d0 = d[sample];
            d1 = d[sample + batch];
            d2 = d[sample + 2 * batch];
            d3 = d[sample + 3 * batch];
            s00 = s00.add(a0.mul(d0));
            s01 = s01.add(a1.mul(d0));
            s10 = s10.add(a0.mul(d1));
            s11 = s11.add(a1.mul(d1));
            s20 = s20.add(a0.mul(d2));
            s21 = s21.add(a1.mul(d2));
            s30 = s30.add(a0.mul(d3));
            s31 = s31.add(a1.mul(d3));
        }
        s00.mul(scale).intoArray(g, i * inputs + k0);
        s01.mul(scale).intoArray(g, i * inputs + k1);
        s10.mul(scale).intoArray(g, (i + 1) * inputs + k0);
        s11.mul(scale).intoArray(g, (i + 1) * inputs + k1);
        s20.mul(scale).intoArray(g, (i + 2) * inputs + k0);
        s21.mul(scale).intoArray(g, (i + 2) * inputs + k1);
        s30.mul(scale).intoArray(g, (i + 3) * inputs + k0);
        s31.mul(scale).intoArray(g, (i + 3) * inputs + k1);
    }
}
