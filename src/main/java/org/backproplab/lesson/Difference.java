package org.backproplab.lesson;

import org.backproplab.engine.Activation;
import org.backproplab.engine.Augmentation;
import org.backproplab.engine.Initializer;
import org.backproplab.engine.LearningRateSchedule;
import org.backproplab.engine.Loss;
import org.backproplab.engine.OptimizerSettings;
import org.backproplab.engine.Regularization;

/**
 * One setting in which run B of a {@link Comparison} differs from run A, with both values, for
 * B's header to list. Derived from the two lessons each time, never kept beside them, so the list
 * can never disagree with what B really trains with. Layers count from 0 for the first layer
 * after the inputs, as everywhere below the UI.
 */
public sealed interface Difference {

    /** The same update rule with another η. */
    record LearningRate(double a, double b) implements Difference {
    }

    /** Another update rule, or the same one with other constants (momentum, β₁, …). */
    record Optimizer(OptimizerSettings a, OptimizerSettings b) implements Difference {
    }

    record LayerActivation(int layer, Activation a, Activation b) implements Difference {
    }

    record LayerDropout(int layer, double a, double b) implements Difference {
    }

    record LayerBatchNorm(int layer, boolean a, boolean b) implements Difference {
    }

    /** B draws its starting weights afresh with another initializer, from the same seed. */
    record WeightInitializer(Initializer a, Initializer b) implements Difference {
    }

    record Penalty(Regularization a, Regularization b) implements Difference {
    }

    record BatchSize(int a, int b) implements Difference {
    }

    record LossFunction(Loss a, Loss b) implements Difference {
    }

    record RateSchedule(LearningRateSchedule a, LearningRateSchedule b) implements Difference {
    }

    /** The gradient clipping norm (0: off). */
    record ClipNorm(double a, double b) implements Difference {
    }

    record BiasTraining(boolean a, boolean b) implements Difference {
    }

    record PointNoise(Augmentation a, Augmentation b) implements Difference {
    }
}
