package org.backproplab.lesson;

import java.util.Optional;
import org.backproplab.engine.BatchNorm;
import org.backproplab.engine.Layer;
import org.backproplab.trace.Matrix;

/**
 * Explicit parameters of one layer: W with one row per neuron and one column per input, and b; and
 * when the layer normalises its batch, γ, β and the running averages, so that a saved network
 * reopens exactly.
 */
public record LayerWeights(Matrix weights, Matrix biases, Optional<Normalisation> batchNorm) {

    /** γ, β and the running averages of μ and σ², each a column with one row per neuron. */
    public record Normalisation(Matrix gamma, Matrix beta, Matrix runningMean, Matrix runningVariance) {

        public static Normalisation of(BatchNorm batchNorm) {
            return new Normalisation(batchNorm.gammaVector(), batchNorm.betaVector(), batchNorm.runningMeanVector(),
                    batchNorm.runningVarianceVector());
        }

        /** Puts these values into {@code batchNorm}. */
        public void applyTo(BatchNorm batchNorm) {
            for (int n = 0; n < batchNorm.size(); n++) {
                batchNorm.set(n, gamma.get(n, 0), beta.get(n, 0), runningMean.get(n, 0), runningVariance.get(n, 0));
            }
        }
    }

    /** A layer without batch normalisation's values (a plain layer, or one whose γ and β start fresh). */
    public LayerWeights(Matrix weights, Matrix biases) {
        this(weights, biases, Optional.empty());
    }

    public LayerWeights withNormalisation(Optional<Normalisation> values) {
        return new LayerWeights(weights, biases, values);
    }

    /** Everything {@code layer} holds now, copied. */
    public static LayerWeights of(Layer layer) {
        return new LayerWeights(layer.weightMatrix(), layer.biasVector(), layer.batchNorm().map(Normalisation::of));
    }
}
