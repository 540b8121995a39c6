package org.backproplab.trace;

import java.util.function.DoubleBinaryOperator;

/** The few matrix operations formulas need to show intermediate values; results come from the trace. */
final class Matrices {

    private Matrices() {
    }

    static Matrix transposed(Matrix m) {
        double[] out = new double[m.rows() * m.cols()];
        for (int r = 0; r < m.rows(); r++) {
            for (int c = 0; c < m.cols(); c++) {
                out[c * m.rows() + r] = m.get(r, c);
            }
        }
        return new Matrix(m.cols(), m.rows(), out);
    }

    /** f(a, b) element by element for two matrices of one shape. */
    static Matrix combined(Matrix a, Matrix b, DoubleBinaryOperator f) {
        double[] out = new double[a.rows() * a.cols()];
        for (int r = 0; r < a.rows(); r++) {
            for (int c = 0; c < a.cols(); c++) {
                out[r * a.cols() + c] = f.applyAsDouble(a.get(r, c), b.get(r, c));
            }
        }
        return new Matrix(a.rows(), a.cols(), out);
    }

    static Matrix scaled(Matrix m, double factor) {
        double[] out = m.values();
        for (int i = 0; i < out.length; i++) {
            out[i] *= factor;
        }
        return new Matrix(m.rows(), m.cols(), out);
    }

    /** Column c of m. */
    static Matrix column(Matrix m, int c) {
        double[] out = new double[m.rows()];
        for (int r = 0; r < out.length; r++) {
            out[r] = m.get(r, c);
        }
        return Matrix.column(out);
    }
}
