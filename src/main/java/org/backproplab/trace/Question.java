package org.backproplab.trace;

/**
 * One number of a pass a student can be asked to work out: a neuron's z or a, the loss, a δ, an
 * edge's ∂E/∂w, a bias's ∂E/∂b, or a weight's or bias's new value. The one record of which number
 * is asked, whether predict mode asks it or an exercise sheet does; {@link PassQuestions} answers
 * and works it. Layers, neurons and inputs count from 0 as in {@link SubStep}; {@code input} is −1
 * for a neuron's own quantity, layer and neuron are −1 for the loss.
 */
public record Question(Quantity quantity, int layer, int neuron, int input) {

    /** What kind of number is asked, by the name {@code exercises.json} gives it. */
    public enum Quantity {
        Z("z"),
        A("a"),
        LOSS("loss"),
        DELTA("delta"),
        WEIGHT_GRADIENT("weightGradient"),
        BIAS_GRADIENT("biasGradient"),
        /** A weight after the step. */
        WEIGHT("weight"),
        /** A bias after the step. */
        BIAS("bias");

        private final String jsonName;

        Quantity(String jsonName) {
            this.jsonName = jsonName;
        }

        /** The quantity's name in {@code exercises.json}. */
        public String jsonName() {
            return jsonName;
        }

        /** Whether the quantity belongs to one neuron of one layer: all but the loss. */
        public boolean ofNeuron() {
            return this != LOSS;
        }

        /** Whether the quantity belongs to one edge's weight, which also names its input. */
        public boolean ofEdge() {
            return this == WEIGHT_GRADIENT || this == WEIGHT;
        }
    }

    public Question {
        if (quantity.ofNeuron() != (layer >= 0 && neuron >= 0) || quantity.ofEdge() != input >= 0) {
            throw new IllegalArgumentException(quantity.jsonName() + " at layer " + layer + ", neuron " + neuron + ", input " + input);
        }
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

    public static Question biasGradient(int layer, int neuron) {
        return new Question(Quantity.BIAS_GRADIENT, layer, neuron, -1);
    }

    public static Question weight(int layer, int neuron, int input) {
        return new Question(Quantity.WEIGHT, layer, neuron, input);
    }

    public static Question bias(int layer, int neuron) {
        return new Question(Quantity.BIAS, layer, neuron, -1);
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
            case A, BIAS_GRADIENT, BIAS -> false;
        };
    }
}
