package org.backproplab.engine;



import java.util.Optional;
import org.ejml.data.DMatrixRMaj;

/**
 * A penalty on the weights (never the biases) added to the loss: L1 = λ·Σ|w|, L2 = λ·Σ½w².
 * Its gradient, λ·sign(w) or λ·w, is added to ∂L/∂W before the update.
 */
public record Regularization(Kind kind, double rate) {

    public static final Regularization NONE = new Regularization(Kind.NONE, 0);

    public enum Kind implements LessonName {
        NONE("none"), L1("l1"), L2("l2");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        public static Optional<Kind> fromId(String id) {
            return LessonName.find(values(), id);
        }
    }

    public boolean isActive() {
        return kind != Kind.NONE && rate != 0;
    }

    /** The penalty for the whole network. */
    public double penalty(Network network) {
        if (!isActive()) {
            return 0;
        }
        double sum = 0;
        for (int l = 0; l < network.layerCount(); l++) {
            for (double w : network.layer(l).weights().data) {
                sum += kind == Kind.L1 ? Math.abs(w) : 0.5 * w * w;
            }
        }
        return rate * sum;
    }

    /** Writes the penalty's gradient with respect to {@code weights} into {@code gradient}. */
    void gradient(DMatrixRMaj weights, DMatrixRMaj gradient) {
        double[] w = weights.data;
        double[] g = gradient.data;
        for (int i = 0, n = weights.getNumElements(); i < n; i++) {
            g[i] = switch (kind) {
                case NONE -> 0;
                case L1 -> rate * Math.signum(w[i]);
                case L2 -> rate * w[i];
            };
        }
    }
}
