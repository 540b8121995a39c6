package org.backproplab.trace;

/**
 * One number of a pass a student can be asked to work out: a neuron's z or a, the loss, a δ, an
 * edge's ∂E/∂w, or a weight's or bias's new value. Layers, neurons and inputs count from 0 as in
 * {@link SubStep}; {@code input} is −1 for a neuron's own quantity, layer and neuron are −1 for the loss.
 */
public record Question(Quantity quantity, int layer, int neuron, int input) {

    /** What kind of number is asked. */
    public enum Quantity {
        Z, A, LOSS, DELTA, WEIGHT_GRADIENT, WEIGHT, BIAS
    }

    public static Question z(int layer, int neuron) {
        return new Question(Quantity.Z, layer, neuron, -1);
    }

    public static Question a(int layer, int neuron) {
        return new Question(Quantity.A, layer, neuron, -1);
    }

    public static Question loss() {
        return new Question(Quantity.LOSS, -1, -1, -1);
    }

    public static Question delta(int layer, int neuron) {
        return new Question(Quantity.DELTA, layer, neuron, -1);
    }

    public static Question weightGradient(int layer, int neuron, int input) {
        return new Question(Quantity.WEIGHT_GRADIENT, layer, neuron, input);
    }

    public static Question weight(int layer, int neuron, int input) {
        return new Question(Quantity.WEIGHT, layer, neuron, input);
    }

    public static Question bias(int layer, int neuron) {
        return new Question(Quantity.BIAS, layer, neuron, -1);
    }

    /** Whether the answer belongs to an edge (a weight's gradient or new value) rather than a neuron. */
    public boolean onEdge() {
        return input >= 0;
    }

    /**
     * Whether this is the first number its layer is asked in its part of the pass (forward, loss,
     * backward, gradients, update): the one a "one per layer" quiz asks.
     */
    public boolean firstOfItsLayer() {
        return switch (quantity) {
            case LOSS -> true;
            case Z, DELTA -> neuron == 0;
            case WEIGHT_GRADIENT, WEIGHT -> neuron == 0 && input == 0;
            case A, BIAS -> false;
        };
    }
}
