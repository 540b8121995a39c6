package org.backproplab.engine;

import java.util.Objects;

/**
 * Everything that decides how a gradient becomes a weight change.
 *
 * @param loss              the loss function
 * @param optimizer         the update rule and its learning rate
 * @param regularization    the weight penalty
 * @param gradientClipNorm  when positive, all gradients are scaled down together so that their
 *                          joint norm is at most this; 0 turns clipping off
 * @param trainBiases       false keeps every bias at its initial value (as some textbook examples do)
 * @param schedule          how η changes from epoch to epoch, starting from the optimizer's η
 * @param augmentation      how training points are shifted each time they are used
 */
public record Hyperparameters(
        Loss loss,
        OptimizerSettings optimizer,
        Regularization regularization,
        double gradientClipNorm,
        boolean trainBiases,
        LearningRateSchedule schedule,
        Augmentation augmentation) {

    public static final LearningRateSchedule CONSTANT_RATE = new LearningRateSchedule.Constant();

    public Hyperparameters {
        if (!(gradientClipNorm >= 0)) {
            throw new IllegalArgumentException("gradient clip norm must be 0 (off) or positive, got " + gradientClipNorm);
        }
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(augmentation, "augmentation");
    }

    /** Settings that train at the optimizer's η throughout, on the points as they are. */
    public Hyperparameters(Loss loss, OptimizerSettings optimizer, Regularization regularization, double gradientClipNorm,
            boolean trainBiases) {
        this(loss, optimizer, regularization, gradientClipNorm, trainBiases, CONSTANT_RATE, Augmentation.NONE);
    }

    /** The optimizer as it trains in {@code epoch}: with the η the schedule gives that epoch. */
    public OptimizerSettings optimizerAt(long epoch) {
        double rate = schedule.rate(optimizer.learningRate(), epoch);
        // The very settings while η is unchanged, so that a constant rate costs a training step no allocation.
        return rate == optimizer.learningRate() ? optimizer : optimizer.withLearningRate(rate);
    }

    public static Hyperparameters of(Loss loss, OptimizerSettings optimizer) {
        return new Hyperparameters(loss, optimizer, Regularization.NONE, 0, true, CONSTANT_RATE, Augmentation.NONE);
    }

    public Hyperparameters withOptimizer(OptimizerSettings settings) {
        return new Hyperparameters(loss, settings, regularization, gradientClipNorm, trainBiases, schedule, augmentation);
    }

    public Hyperparameters withLearningRate(double learningRate) {
        return withOptimizer(optimizer.withLearningRate(learningRate));
    }

    public Hyperparameters withRegularization(Regularization penalty) {
        return new Hyperparameters(loss, optimizer, penalty, gradientClipNorm, trainBiases, schedule, augmentation);
    }

    public Hyperparameters withLoss(Loss function) {
        return new Hyperparameters(function, optimizer, regularization, gradientClipNorm, trainBiases, schedule, augmentation);
    }

    public Hyperparameters withGradientClipNorm(double norm) {
        return new Hyperparameters(loss, optimizer, regularization, norm, trainBiases, schedule, augmentation);
    }

    public Hyperparameters withTrainBiases(boolean train) {
        return new Hyperparameters(loss, optimizer, regularization, gradientClipNorm, train, schedule, augmentation);
    }

    public Hyperparameters withSchedule(LearningRateSchedule changed) {
        return new Hyperparameters(loss, optimizer, regularization, gradientClipNorm, trainBiases, changed, augmentation);
    }

    public Hyperparameters withAugmentation(Augmentation shift) {
        return new Hyperparameters(loss, optimizer, regularization, gradientClipNorm, trainBiases, schedule, shift);
    }
}
