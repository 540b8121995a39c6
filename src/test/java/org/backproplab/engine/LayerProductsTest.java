package org.backproplab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The written-out products must give EJML's numbers bit for bit, for every shape: narrower and
 * wider than a vector, batches that are and are not a whole number of vectors, a single sample.
 */
class LayerProductsTest {

    @Test
    void everyProductGivesEjmlsNumbersExactly() {
        SplittableRandom rng = new SplittableRandom(21);
        for (int neurons = 1; neurons <= 9; neurons++) {
            for (int inputs = 1; inputs <= 9; inputs++) {
                for (int batch : new int[] {1, 2, 3, 4, 5, 8, 10, 13, 16, 32}) {
                    String shape = neurons + "x" + inputs + ", batch " + batch;
                    DMatrixRMaj w = Nets.uniform(rng, neurons, inputs, -2, 2);
                    DMatrixRMaj b = Nets.uniform(rng, neurons, 1, -1, 1);
                    DMatrixRMaj a = Nets.uniform(rng, inputs, batch, -1, 1);
                    DMatrixRMaj delta = Nets.uniform(rng, neurons, batch, -1, 1);

                    DMatrixRMaj z = new DMatrixRMaj(neurons, batch);
                    LayerProducts.weightedInputs(w, b, a, z, 0, batch);
                    DMatrixRMaj expectedZ = new DMatrixRMaj(neurons, batch);
                    CommonOps_DDRM.mult(w, a, expectedZ);
                    for (int r = 0; r < neurons; r++) {
                        for (int c = 0; c < batch; c++) {
                            expectedZ.add(r, c, b.get(r));
                        }
                    }
                    assertArrayEquals(expectedZ.data, z.data, "z, " + shape);

                    DMatrixRMaj below = new DMatrixRMaj(inputs, batch);
                    LayerProducts.backpropagatedErrors(w, delta, below);
                    DMatrixRMaj expectedBelow = new DMatrixRMaj(inputs, batch);
                    CommonOps_DDRM.multTransA(w, delta, expectedBelow);
                    assertArrayEquals(expectedBelow.data, below.data, "Wᵀδ, " + shape);

                    DMatrixRMaj gradient = new DMatrixRMaj(neurons, inputs);
                    LayerProducts.meanOuterProduct(delta, a, new DMatrixRMaj(batch, inputs), gradient);
                    DMatrixRMaj expectedGradient = new DMatrixRMaj(neurons, inputs);
                    CommonOps_DDRM.multTransB(1.0 / batch, delta, a, expectedGradient);
                    assertArrayEquals(expectedGradient.data, gradient.data, "δ·aᵀ, " + shape);
                }
            }
        }
    }

    /** A tile narrower than a block of columns, one just over a block, and one of several blocks. */
    @ParameterizedTest(name = "columns {0} to {1}")
    @CsvSource({"3, 14", "3, 16", "5, 40"})
    void aTileOfColumnsLeavesTheOtherColumnsAlone(int from, int to) {
        SplittableRandom rng = new SplittableRandom(22);
        DMatrixRMaj w = Nets.uniform(rng, 3, 2, -2, 2);
        DMatrixRMaj b = Nets.uniform(rng, 3, 1, -1, 1);
        DMatrixRMaj a = Nets.uniform(rng, 2, 45, -1, 1);
        DMatrixRMaj whole = new DMatrixRMaj(3, 45);
        LayerProducts.weightedInputs(w, b, a, whole, 0, 45);
        DMatrixRMaj tiled = new DMatrixRMaj(3, 45);
        tiled.fill(Double.NaN);
        LayerProducts.weightedInputs(w, b, a, tiled, from, to);
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 45; c++) {
                double expected = c >= from && c < to ? whole.get(r, c) : Double.NaN;
                assertArrayEquals(new double[] {expected}, new double[] {tiled.get(r, c)}, "row " + r + ", column " + c);
            }
        }
    }
}
