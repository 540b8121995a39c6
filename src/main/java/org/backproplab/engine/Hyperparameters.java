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
 * @param augmentation      how training points are shifted each time they are used
 */
public record Hyperparameters(
        Loss loss,
        OptimizerSettings optimizer,
        Regularization regularization,
        double gradientClipNorm,
        boolean trainBiases,
        Augmentation augmentation) {

    public Hyperparameters {
        if (!(gradientClipNorm >= 0)) {
            throw new IllegalArgumentException("gradient clip norm must be 0 (off) or positive, got " + gradientClipNorm);
        }
    }

    /** Settings that train on the points as they are. */
    public Hyperparameters(Loss loss, OptimizerSettings optimizer, Regularization regularization, double gradientClipNorm,
            boolean trainBiases) {
        this(loss, optimizer, regularization, gradientClipNorm, trainBiases, Augmentation.NONE);
    }

    public static Hyperparameters of(Loss loss, OptimizerSettings optimizer) {
        return new Hyperparameters(loss, optimizer, Regularization.NONE, 0, true);
    }

    public Hyperparameters withOptimizer(OptimizerSettings settings) {
        return new Hyperparameters(loss, settings, regularization, gradientClipNorm, trainBiases, augmentation);
    }

    public Hyperparameters withLearningRate(double learningRate) {
        return withOptimizer(optimizer.withLearningRate(learningRate));
    }

    public Hyperparameters withRegularization(Regularization penalty) {
        return new Hyperparameters(loss, optimizer, penalty, gradientClipNorm, trainBiases, augmentation);
    }

    public Hyperparameters withLoss(Loss function) {
        return new Hyperparameters(function, optimizer, regularization, gradientClipNorm, trainBiases, augmentation);
    }

    public Hyperparameters withGradientClipNorm(double norm) {
        return new Hyperparameters(loss, optimizer, regularization, norm, trainBiases, augmentation);
    }

    public Hyperparameters withTrainBiases(boolean train) {
        return new Hyperparameters(loss, optimizer, regularization, gradientClipNorm, train, augmentation);
    }

    public Hyperparameters withAugmentation(Augmentation shift) {
        return new Hyperparameters(loss, optimizer, regularization, gradientClipNorm, trainBiases, shift);
    }
}
