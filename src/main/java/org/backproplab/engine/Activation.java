package org.backproplab.engine;

import java.util.Optional;
import org.ejml.data.DMatrixRMaj;

/**
 * The function f in a = f(z). All but softmax act element by element; softmax normalises each
 * column (sample) and is only allowed on the output layer.
 */
public enum Activation implements LessonName {
    SIGMOID("sigmoid") {
        @Override
        double value(double z) {
            return sigmoid(z);
        }

        @Override
        double slope(double z, double a) {
            return a * (1.0 - a);
        }
    },
    TANH("tanh") {
        @Override
        double value(double z) {
            return tanh(z);
        }

        @Override
        double slope(double z, double a) {
            return 1.0 - a * a;
        }
    },
    RELU("relu") {
        @Override
        double value(double z) {
            return z > 0 ? z : 0.0;
        }

        @Override
        double slope(double z, double a) {
            return z > 0 ? 1.0 : 0.0;
        }
    },
    LEAKY_RELU("leaky-relu") {
        @Override
        double value(double z) {
            return z > 0 ? z : LEAK * z;
        }

        @Override
        double slope(double z, double a) {
            return z > 0 ? 1.0 : LEAK;
        }
    },
    LINEAR("linear") {
        @Override
        double value(double z) {
            return z;
        }

        @Override
        double slope(double z, double a) {
            return 1.0;
        }
    },
    SOFTMAX("softmax") {
        @Override
        double value(double z) {
            throw new UnsupportedOperationException("softmax acts on a whole layer");
        }

        @Override
        double slope(double z, double a) {
            throw new UnsupportedOperationException("softmax acts on a whole layer");
        }

        @Override
        public void apply(DMatrixRMaj z, DMatrixRMaj a) {
            softmaxColumns(z.data, a.data, z.numRows, z.numCols, 0, z.numCols);
        }

        @Override
        public void backpropagate(DMatrixRMaj z, DMatrixRMaj a, DMatrixRMaj upstream, DMatrixRMaj delta) {
            // δᵢ = aᵢ·(gᵢ − Σⱼ aⱼ·gⱼ): the softmax Jacobian applied to g = ∂L/∂a.
            int rows = z.numRows;
            int cols = z.numCols;
            for (int c = 0; c < cols; c++) {
                double dot = 0;
                for (int r = 0; r < rows; r++) {
                    dot += a.data[r * cols + c] * upstream.data[r * cols + c];
                }
                for (int r = 0; r < rows; r++) {
                    int i = r * cols + c;
                    delta.data[i] = a.data[i] * (upstream.data[i] - dot);
                }
            }
        }
    };

    /**
     * Softmax of columns [from, to) of a row-major block {@code rows} high and {@code stride} wide,
     * from {@code z} into {@code a} (which may be the same array): training and the heatmaps share it,
     * so a map shows exactly what the network computes.
     */
    static void softmaxColumns(double[] z, double[] a, int rows, int stride, int from, int to) {
        for (int c = from; c < to; c++) {
            // Subtracting the column's largest z keeps exp() from overflowing; softmax is unchanged.
            double max = Double.NEGATIVE_INFINITY;
            for (int r = 0; r < rows; r++) {
                max = Math.max(max, z[r * stride + c]);
            }
            double sum = 0;
            for (int r = 0; r < rows; r++) {
                double e = Math.exp(z[r * stride + c] - max);
                a[r * stride + c] = e;
                sum += e;
            }
            for (int r = 0; r < rows; r++) {
                a[r * stride + c] /= sum;
            }
        }
    }

    /**
     * Whether this JVM was started with the Vector API ({@code --add-modules jdk.incubator.vector},
     * as the build, the launcher and the tests do). Without it training computes tanh one value at a
     * time: slower, with the very same numbers; {@link VectorTanh} is then never loaded.
     */
    static final boolean VECTORS = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    /** Slope of leaky ReLU for negative z. */
    public static final double LEAK = 0.01;

    private final String id;

    Activation(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    public static Optional<Activation> fromId(String id) {
        return LessonName.find(values(), id);
    }

    /** f(z) for one value. */
    abstract double value(double z);

    /** f′(z), given z and a = f(z) (whichever is cheaper to use). */
    abstract double slope(double z, double a);

    /** a = f(z), element by element (column by column for softmax). */
    public void apply(DMatrixRMaj z, DMatrixRMaj a) {
        apply(z.data, a.data, z.getNumElements());
    }

    /**
     * a = f(z) on the first {@code n} entries. Speed trick: one loop per function, each calling a
     * static method the JIT inlines. A single loop calling {@code value()} would see five enum
     * classes at one call site and pay a virtual call per element (half of all training time).
     */
    void apply(double[] zs, double[] as, int n) {
        switch (this) {
            case SIGMOID -> {
                for (int i = 0; i < n; i++) {
                    as[i] = sigmoid(zs[i]);
                }
            }
            case TANH -> {
                // Whole vectors at a time where the JVM has the Vector API, the rest one by one.
                for (int i = VECTORS ? VectorTanh.apply(zs, as, n) : 0; i < n; i++) {
                    as[i] = tanh(zs[i]);
                }
            }
            default -> {
                for (int i = 0; i < n; i++) {
                    as[i] = value(zs[i]);
                }
            }
        }
    }

    /** The exact σ(z) that training uses. */
    static double sigmoid(double z) {
        return 1.0 / (1.0 + Math.exp(-z));
    }

    /** The exact tanh z that training uses: see {@link Tanh}. */
    static double tanh(double z) {
        return Tanh.of(z);
    }

    /** f′(z) for one value, for views and formulas; softmax has no element-wise derivative. */
    public double derivative(double z) {
        return slope(z, value(z));
    }

    /**
     * δ = ∂L/∂z from g = ∂L/∂a: f′(z) ⊙ g for element-wise functions, the Jacobian product for softmax.
     * {@code upstream} and {@code delta} may be the same matrix.
     */
    public void backpropagate(DMatrixRMaj z, DMatrixRMaj a, DMatrixRMaj upstream, DMatrixRMaj delta) {
        double[] zs = z.data;
        double[] as = a.data;
        double[] g = upstream.data;
        double[] d = delta.data;
        int n = z.getNumElements();
        // As in apply(): tanh, the usual hidden activation, gets its own loop so that f′ is inlined.
        if (this == TANH) {
            for (int i = 0; i < n; i++) {
                d[i] = (1.0 - as[i] * as[i]) * g[i];
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            d[i] = slope(zs[i], as[i]) * g[i];
        }
    }
}
