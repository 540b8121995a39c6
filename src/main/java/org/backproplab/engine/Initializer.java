package org.backproplab.engine;



import java.util.Optional;
import java.util.random.RandomGenerator;

/** How a fresh network's weights and biases are drawn. */
public enum Initializer implements LessonName {
    /** TensorFlow Playground's: weights U(−0.5, 0.5), biases 0.1. */
    PLAYGROUND("playground") {
        @Override
        void initialize(Layer layer, RandomGenerator rng) {
            fill(layer, 0.1, () -> rng.nextDouble() - 0.5);
        }
    },
    /** Xavier/Glorot uniform: U(−r, r) with r = √(6 / (fan_in + fan_out)), biases 0. Suits sigmoid and tanh. */
    XAVIER("xavier") {
        @Override
        void initialize(Layer layer, RandomGenerator rng) {
            double r = Math.sqrt(6.0 / (layer.inputSize() + layer.size()));
            fill(layer, 0.0, () -> (2 * rng.nextDouble() - 1) * r);
        }
    },
    /** He normal: N(0, 2 / fan_in), biases 0. Suits ReLU. */
    HE("he") {
        @Override
        void initialize(Layer layer, RandomGenerator rng) {
            double sd = Math.sqrt(2.0 / layer.inputSize());
            fill(layer, 0.0, () -> rng.nextGaussian() * sd);
        }
    };

    private final String id;

    Initializer(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    public static Optional<Initializer> fromId(String id) {
        return LessonName.find(values(), id);
    }

    abstract void initialize(Layer layer, RandomGenerator rng);

    private static void fill(Layer layer, double bias, java.util.function.DoubleSupplier weight) {
        for (int n = 0; n < layer.size(); n++) {
            for (int i = 0; i < layer.inputSize(); i++) {
                layer.setWeight(n, i, weight.getAsDouble());
            }
            layer.setBias(n, bias);
        }
    }
}
