package org.backproplab.engine;



import java.util.Optional;
import org.ejml.data.DMatrixRMaj;

/**
 * The loss L of one sample; a batch's loss is the mean over its samples. Cross-entropy losses are
 * computed from z, not a, so a saturated output never produces log(0).
 */
public enum Loss implements LessonName {
    /** E = Σ ½(t − o)² over the outputs. Works with any output activation, softmax included. */
    SQUARED_ERROR("squared-error", null) {
        @Override
        double sampleLoss(DMatrixRMaj z, DMatrixRMaj a, DMatrixRMaj t, int col) {
            double sum = 0;
            for (int r = 0; r < a.numRows; r++) {
                double diff = t.get(r, col) - a.get(r, col);
                sum += 0.5 * diff * diff;
            }
            return sum;
        }
    },
    /** −Σ [t·ln o + (1 − t)·ln(1 − o)] with o = σ(z); needs a sigmoid output. */
    BINARY_CROSS_ENTROPY("binary-cross-entropy", Activation.SIGMOID) {
        @Override
        double sampleLoss(DMatrixRMaj z, DMatrixRMaj a, DMatrixRMaj t, int col) {
            double sum = 0;
            for (int r = 0; r < z.numRows; r++) {
                double zr = z.get(r, col);
                // −t·ln σ(z) − (1−t)·ln(1−σ(z)) = max(z,0) − t·z + ln(1 + e^−|z|)
                sum += Math.max(zr, 0) - t.get(r, col) * zr + Math.log1p(Math.exp(-Math.abs(zr)));
            }
            return sum;
        }
    },
    /** −Σ t·ln softmax(z); needs a softmax output and one-hot targets. */
    SOFTMAX_CROSS_ENTROPY("softmax-cross-entropy", Activation.SOFTMAX) {
        @Override
        double sampleLoss(DMatrixRMaj z, DMatrixRMaj a, DMatrixRMaj t, int col) {
            double max = Double.NEGATIVE_INFINITY;
            for (int r = 0; r < z.numRows; r++) {
                max = Math.max(max, z.get(r, col));
            }
            double sumExp = 0;
            for (int r = 0; r < z.numRows; r++) {
                sumExp += Math.exp(z.get(r, col) - max);
            }
            double logSumExp = max + Math.log(sumExp);
            double sum = 0;
            for (int r = 0; r < z.numRows; r++) {
                sum += t.get(r, col) * (logSumExp - z.get(r, col));
            }
            return sum;
        }
    };

    private final String id;
    private final Activation requiredOutput;

    Loss(String id, Activation requiredOutput) {
        this.id = id;
        this.requiredOutput = requiredOutput;
    }

    @Override
    public String id() {
        return id;
    }

    public static Optional<Loss> fromId(String id) {
        return LessonName.find(values(), id);
    }

    /** The output activation this loss is defined for, if it needs one. */
    public Optional<Activation> requiredOutput() {
        return Optional.ofNullable(requiredOutput);
    }

    /** Whether this loss can sit on top of an output layer with the given activation. */
    public boolean accepts(Activation output) {
        return requiredOutput == null || requiredOutput == output;
    }

    abstract double sampleLoss(DMatrixRMaj z, DMatrixRMaj a, DMatrixRMaj targets, int col);

    /** Mean loss over the batch's columns. */
    public double meanLoss(DMatrixRMaj z, DMatrixRMaj a, DMatrixRMaj targets) {
        double sum = 0;
        for (int c = 0; c < a.numCols; c++) {
            sum += sampleLoss(z, a, targets, c);
        }
        return sum / a.numCols;
    }

    /**
     * The output error δ = ∂L/∂z for each sample. Both cross-entropies, with their matching output,
     * simplify to δ = a − t; squared error goes through the chain rule δ = f′(z) ⊙ (a − t).
     */
    public void outputDelta(Activation output, DMatrixRMaj z, DMatrixRMaj a, DMatrixRMaj targets, DMatrixRMaj delta) {
        double[] as = a.data;
        double[] ts = targets.data;
        double[] ds = delta.data;
        for (int i = 0, n = a.getNumElements(); i < n; i++) {
            ds[i] = as[i] - ts[i];
        }
        if (requiredOutput == null) {
            output.backpropagate(z, a, delta, delta);
        }
    }
}
