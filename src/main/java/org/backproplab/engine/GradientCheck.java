package org.backproplab.engine;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * Shows that backpropagation computes the true derivative: each analytic ∂J/∂θ of a batch is
 * compared with the central difference (J(θ + h) − J(θ − h)) / 2h, where J is the loss plus the
 * penalty. The network itself is never changed; the differences are taken on a copy.
 */
public final class GradientCheck {

    /** h: small enough for the difference to approximate the derivative, large enough to stay clear of rounding. */
    public static final double STEP = 1e-5;
    /** A parameter passes when analytic and numeric derivatives agree to this relative error. */
    public static final double TOLERANCE = 1e-5;
    /**
     * Relative errors of derivatives smaller than this are measured against it instead: the central
     * difference itself is only accurate to about ε·J/h + h²·J‴, some 10⁻¹⁰ on a saturated sigmoid
     * net, so a tiny derivative would otherwise fail a correct backpropagation. Differences below
     * TOLERANCE × SCALE_FLOOR = 10⁻⁹ count as agreement.
     */
    public static final double SCALE_FLOOR = 1e-4;

    private GradientCheck() {
    }

    /** Which parameter a comparison is about; indices from 0. */
    public sealed interface Parameter {
        int layer();

        int neuron();

        record Weight(int layer, int neuron, int input) implements Parameter {
        }

        record Bias(int layer, int neuron) implements Parameter {
        }

        /** γ of a neuron whose layer normalises its batch. */
        record Gamma(int layer, int neuron) implements Parameter {
        }

        /** β of a neuron whose layer normalises its batch. */
        record Beta(int layer, int neuron) implements Parameter {
        }
    }

    /** One parameter's analytic and numeric derivative. */
    public record Comparison(Parameter parameter, double analytic, double numeric) {

        public double relativeError() {
            double difference = Math.abs(analytic - numeric);
            return difference == 0 ? 0 : difference / Math.max(Math.max(Math.abs(analytic), Math.abs(numeric)), SCALE_FLOOR);
        }

        public boolean passes() {
            return relativeError() <= TOLERANCE;
        }
    }

    /**
     * Every parameter's comparison, in layer, neuron, input order (each neuron's bias after its
     * weights, then its γ and β when its layer normalises its batch).
     */
    public record Result(List<Comparison> comparisons) {

        public Result {
            comparisons = List.copyOf(comparisons);
        }

        public boolean passed() {
            return comparisons.stream().allMatch(Comparison::passes);
        }

        public double worstRelativeError() {
            return comparisons.stream().mapToDouble(Comparison::relativeError).max().orElse(0);
        }
    }

    /**
     * Checks the gradients backpropagation computes for this batch. Batch normalisation couples the
     * batch's samples, so with it the whole batch is the fixed input both sides differentiate.
     */
    public static Result run(Network network, DMatrixRMaj inputs, DMatrixRMaj targets, Hyperparameters hyper) {
        return run(network, inputs, targets, hyper, BackpropFault.NONE);
    }

    /**
     * Checks the gradients a backpropagation that makes {@code fault} would compute: the check should
     * fail. A network that drops outputs is checked through one fixed set of masks: J is then a smooth
     * function of the weights, and the differences see the very network the analytic gradients saw.
     */
    public static Result run(Network network, DMatrixRMaj inputs, DMatrixRMaj targets, Hyperparameters hyper,
            BackpropFault fault) {
        Backpropagation masked = new Backpropagation();
        return compare(masked.gradients(network, inputs, targets, hyper, fault), masked, network, inputs, targets, hyper);
    }

    /** Checks given analytic gradients (one per layer) against central differences, without dropout. */
    public static Result compare(List<LayerGradient> analytic, Network network, DMatrixRMaj inputs, DMatrixRMaj targets,
            Hyperparameters hyper) {
        return compare(analytic, new Backpropagation(), network, inputs, targets, hyper);
    }

    /** The comparison, with J taken through the dropout masks of {@code masked}'s last pass. */
    private static Result compare(List<LayerGradient> analytic, Backpropagation masked, Network network, DMatrixRMaj inputs,
            DMatrixRMaj targets, Hyperparameters hyper) {
        Network probe = network.copy();
        Evaluator evaluator = new Evaluator(masked);
        List<Comparison> comparisons = new ArrayList<>();
        for (int l = 0; l < probe.layerCount(); l++) {
            DMatrixRMaj weights = probe.layer(l).weights();
            DMatrixRMaj biases = probe.layer(l).biases();
            for (int n = 0; n < weights.numRows; n++) {
                for (int i = 0; i < weights.numCols; i++) {
                    double numeric = centralDifference(weights, n * weights.numCols + i, probe, evaluator, inputs, targets, hyper);
                    comparisons.add(new Comparison(new Parameter.Weight(l, n, i), analytic.get(l).weights().get(n, i), numeric));
                }
                double numeric = centralDifference(biases, n, probe, evaluator, inputs, targets, hyper);
                comparisons.add(new Comparison(new Parameter.Bias(l, n), analytic.get(l).biases().get(n, 0), numeric));
                if (probe.layer(l).batchNorm().isPresent()) {
                    BatchNorm batchNorm = probe.layer(l).batchNorm().get();
                    LayerGradient.Normalisation gradient = analytic.get(l).batchNorm().orElseThrow();
                    comparisons.add(new Comparison(new Parameter.Gamma(l, n), gradient.gamma().get(n, 0),
                            centralDifference(batchNorm.gammas(), n, probe, evaluator, inputs, targets, hyper)));
                    comparisons.add(new Comparison(new Parameter.Beta(l, n), gradient.beta().get(n, 0),
                            centralDifference(batchNorm.betas(), n, probe, evaluator, inputs, targets, hyper)));
                }
            }
        }
        return new Result(comparisons);
    }

    /** J = loss + penalty, through fixed masks. */
    private record Evaluator(Backpropagation masked, Backpropagation backpropagation) {
        Evaluator(Backpropagation masked) {
            this(masked, new Backpropagation());
        }

        double objective(Network network, DMatrixRMaj inputs, DMatrixRMaj targets, Hyperparameters hyper) {
            return backpropagation.lossWithMasksOf(masked, network, inputs, targets, hyper.loss())
                    + hyper.regularization().penalty(network);
        }
    }

    private static double centralDifference(DMatrixRMaj parameters, int index, Network probe, Evaluator evaluator,
            DMatrixRMaj inputs, DMatrixRMaj targets, Hyperparameters hyper) {
        double original = parameters.data[index];
        parameters.data[index] = original + STEP;
        double above = evaluator.objective(probe, inputs, targets, hyper);
        parameters.data[index] = original - STEP;
        double below = evaluator.objective(probe, inputs, targets, hyper);
        parameters.data[index] = original;
        return (above - below) / (2 * STEP);
    }
}
