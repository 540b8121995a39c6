package org.backproplab.trace;

import java.util.Arrays;

/**
 * An immutable, row-major matrix of recorded values. Traces hold these rather than EJML matrices
 * so that nothing recorded can change after the step that produced it.
 */
public record Matrix(int rows, int cols, double[] values) {

    public Matrix {
        if (rows < 0 || cols < 0 || values.length != rows * cols) {
            throw new IllegalArgumentException(
                    "a " + rows + "x" + cols + " matrix needs " + rows * cols + " values, got " + values.length);
        }
        values = values.clone();
    }

    /** Copies a row-major array of the given shape. */
    public static Matrix copyOf(int rows, int cols, double[] rowMajor) {
        return new Matrix(rows, cols, Arrays.copyOf(rowMajor, rows * cols));
    }

    public static Matrix of(double[][] rows) {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        double[] values = new double[rows.length * cols];
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != cols) {
                throw new IllegalArgumentException("row " + r + " has " + rows[r].length + " values, expected " + cols);
            }
            System.arraycopy(rows[r], 0, values, r * cols, cols);
        }
        return new Matrix(rows.length, cols, values);
    }

    public static Matrix column(double... values) {
        return new Matrix(values.length, 1, values);
    }

    public double get(int row, int col) {
        return values[row * cols + col];
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    public double[] row(int row) {
        return Arrays.copyOfRange(values, row * cols, (row + 1) * cols);
    }

    public double[][] toArray() {
        double[][] out = new double[rows][];
        for (int r = 0; r < rows; r++) {
            out[r] = row(r);
        }
        return out;
    }

    /** Largest absolute entry; 0 for an empty matrix. */
    public double maxAbs() {
        double max = 0;
        for (double v : values) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }

    /** Euclidean (Frobenius) norm. */
    public double norm() {
        double sum = 0;
        for (double v : values) {
            sum += v * v;
        }
        return Math.sqrt(sum);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Matrix m && m.rows == rows && m.cols == cols && Arrays.equals(m.values, values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return Arrays.deepToString(toArray());
    }
}
