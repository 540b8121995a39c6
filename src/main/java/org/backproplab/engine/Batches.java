package org.backproplab.engine;

import org.ejml.data.DMatrixRMaj;

/** Small helpers for building batch matrices (one column per sample). */
final class Batches {

    private Batches() {
    }

    static DMatrixRMaj column(double... values) {
        DMatrixRMaj m = new DMatrixRMaj(values.length, 1);
        System.arraycopy(values, 0, m.data, 0, values.length);
        return m;
    }

    /** Copies the given columns of {@code source} into {@code target}, reshaping it to fit. */
    static void gatherColumns(DMatrixRMaj source, int[] columns, int from, int count, DMatrixRMaj target) {
        target.reshape(source.numRows, count, false);
        int srcCols = source.numCols;
        for (int r = 0; r < source.numRows; r++) {
            int rowStart = r * srcCols;
            int out = r * count;
            for (int c = 0; c < count; c++) {
                target.data[out + c] = source.data[rowStart + columns[from + c]];
            }
        }
    }
}
