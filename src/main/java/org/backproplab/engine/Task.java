package org.backproplab.engine;

import org.ejml.data.DMatrixRMaj;

/** What the targets mean, which decides how accuracy is counted. */
public sealed interface Task {

    /** Counts a sample correct when its output and target fall on the same side of the threshold. */
    record BinaryClassification(double threshold) implements Task {
    }

    /** Counts a sample correct when the largest output is at the target's one-hot position. */
    record MultiClassClassification() implements Task {
    }

    /** Real-valued targets: no accuracy. */
    record Regression() implements Task {
    }

    /** Fraction of columns classified correctly; NaN for regression or an empty batch. */
    default double accuracy(DMatrixRMaj outputs, DMatrixRMaj targets) {
        int samples = outputs.numCols;
        if (this instanceof Regression || samples == 0) {
            return Double.NaN;
        }
        int correct = 0;
        for (int c = 0; c < samples; c++) {
            boolean hit = switch (this) {
                case BinaryClassification(double threshold) ->
                        (outputs.get(0, c) >= threshold) == (targets.get(0, c) >= threshold);
                case MultiClassClassification() -> argmax(outputs, c) == argmax(targets, c);
                case Regression() -> false;
            };
            correct += hit ? 1 : 0;
        }
        return (double) correct / samples;
    }

    private static int argmax(DMatrixRMaj m, int col) {
        int best = 0;
        for (int r = 1; r < m.numRows; r++) {
            if (m.get(r, col) > m.get(best, col)) {
                best = r;
            }
        }
        return best;
    }
}
