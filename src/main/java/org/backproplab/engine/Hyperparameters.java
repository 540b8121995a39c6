package org.backproplab.engine;

/**
 * Everything that decides how a gradient becomes a weight change.
 *
 * @param loss              the loss function
 * @param optimizer         the update rule and its learning rate
 * @param regularization    the weight penalty
 * @param gradientClipNorm  when positive, all gradients are scaled down together so that their
 *                          joint norm is at most this; 0 turns clipping off
 * @param trainBiases       false keeps every bias at its initial value (as some textbook examples do)
 */
public record Hyperparameters(
        Loss loss,
        OptimizerSettings optimizer,
        Regularization regularization,
        double gradientClipNorm,
        boolean trainBiases) {

    public Hyperparameters {
        if (!(gradientClipNorm >= 0)) {
            throw new IllegalArgumentException("gradient clip norm must be 0 (off) or positive, got " + gradientClipNorm);
        }
    }

    public static Hyperparameters of(Loss loss, OptimizerSettings optimizer) {
        return new Hyperparameters(loss, optimizer, Regularization.NONE, 0, true);
    }

    public Hyperparameters withOptimizer(OptimizerSettings settings) {
        return new Hyperparameters(loss, settings, regularization, gradientClipNorm, trainBiases);
    }

    public Hyperparameters withLearningRate(double learningRate) {
        return withOptimizer(optimizer.withLearningRate(learningRate));
    }

    public Hyperparameters withRegularization(Regularization penalty) {
        return new Hyperparameters(loss, optimizer, penalty, gradientClipNorm, trainBiases);
    }

    public Hyperparameters withLoss(Loss function) {
        return new Hyperparameters(function, optimizer, regularization, gradientClipNorm, trainBiases);
    }

    public Hyperparameters withGradientClipNorm(double norm) {
        return new Hyperparameters(loss, optimizer, regularization, norm, trainBiases);
    }

    public Hyperparameters withTrainBiases(boolean train) {
        return new Hyperparameters(loss, optimizer, regularization, gradientClipNorm, train);
    }
}
