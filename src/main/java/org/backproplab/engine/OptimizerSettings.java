package org.backproplab.engine;

import java.util.List;

/** Which update rule turns a gradient into a step, with its hyperparameters. */
public sealed interface OptimizerSettings {

    /** η, the learning rate. */
    double learningRate();

    /** The name used in lesson files and traces. */
    String id();

    OptimizerSettings withLearningRate(double learningRate);

    /** The names of the update rules, in the order the lab offers them. */
    List<String> IDS = List.of("sgd", "momentum", "adam", "rmsprop");

    /** The rule named {@code id} (one of {@link #IDS}; anything else is SGD) at rate η, with its usual constants. */
    static OptimizerSettings usual(String id, double learningRate) {
        return switch (id) {
            case "momentum" -> new Momentum(learningRate, Momentum.DEFAULT_MOMENTUM);
            case "adam" -> new Adam(learningRate);
            case "rmsprop" -> new RmsProp(learningRate);
            default -> new Sgd(learningRate);
        };
    }

    /** θ ← θ − η·g */
    record Sgd(double learningRate) implements OptimizerSettings {
        @Override
        public String id() {
            return "sgd";
        }

        @Override
        public Sgd withLearningRate(double learningRate) {
            return new Sgd(learningRate);
        }
    }

    /** v ← μ·v − η·g, θ ← θ + v */
    record Momentum(double learningRate, double momentum) implements OptimizerSettings {
        public static final double DEFAULT_MOMENTUM = 0.9;

        @Override
        public String id() {
            return "momentum";
        }

        @Override
        public Momentum withLearningRate(double learningRate) {
            return new Momentum(learningRate, momentum);
        }
    }

    /** Adam (Kingma &amp; Ba): bias-corrected moment estimates m̂, v̂; θ ← θ − η·m̂ / (√v̂ + ε) */
    record Adam(double learningRate, double beta1, double beta2, double epsilon) implements OptimizerSettings {
        public static final double DEFAULT_BETA1 = 0.9;
        public static final double DEFAULT_BETA2 = 0.999;
        public static final double DEFAULT_EPSILON = 1e-8;

        public Adam(double learningRate) {
            this(learningRate, DEFAULT_BETA1, DEFAULT_BETA2, DEFAULT_EPSILON);
        }

        @Override
        public String id() {
            return "adam";
        }

        @Override
        public Adam withLearningRate(double learningRate) {
            return new Adam(learningRate, beta1, beta2, epsilon);
        }
    }

    /** RMSprop (Hinton): s ← ρ·s + (1 − ρ)·g², θ ← θ − η·g/(√s + ε), a running mean of g² per parameter. */
    record RmsProp(double learningRate, double rho, double epsilon) implements OptimizerSettings {
        public static final double DEFAULT_RHO = 0.9;
        public static final double DEFAULT_EPSILON = 1e-8;

        public RmsProp(double learningRate) {
            this(learningRate, DEFAULT_RHO, DEFAULT_EPSILON);
        }

        @Override
        public String id() {
            return "rmsprop";
        }

        @Override
        public RmsProp withLearningRate(double learningRate) {
            return new RmsProp(learningRate, rho, epsilon);
        }
    }
}
