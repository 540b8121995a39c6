package org.backproplab.lesson;

import java.util.List;
import org.backproplab.trace.Formula;

/**
 * One number a student works out on an exercise sheet, with the engine's answer and the working
 * that leads to it. Positions count from 0 here, as in the trace; {@code exercises.json} and the
 * sheets show them from 1.
 *
 * @param quantity what is asked
 * @param layer    the layer (0 for the first hidden layer), or −1 for the loss
 * @param neuron   the neuron of the layer, or −1 for the loss
 * @param input    the input of the weight (a neuron of the layer below, or an input feature), or −1
 *                 when the quantity is not a weight's
 * @param answer   the engine's number, unrounded
 * @param working  the formulas that lead to the answer, from the trace; the last one's subject is
 *                 what is asked and its result is the answer
 */
public record ExerciseQuestion(Quantity quantity, int layer, int neuron, int input, double answer, List<Formula> working) {

    /** What a question asks for, by the name {@code exercises.json} gives it. */
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

        private final String id;

        Quantity(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        /** Whether the quantity belongs to one neuron of one layer: all but the loss. */
        public boolean ofNeuron() {
            return this != LOSS;
        }

        /** Whether the quantity belongs to one weight, which also names its input. */
        public boolean ofWeight() {
            return this == WEIGHT_GRADIENT || this == WEIGHT;
        }
    }

    public ExerciseQuestion {
        working = List.copyOf(working);
        if (working.isEmpty()) {
            throw new IllegalArgumentException("a question needs the working of its answer");
        }
        if (quantity.ofNeuron() != (layer >= 0 && neuron >= 0) || quantity.ofWeight() != input >= 0) {
            throw new IllegalArgumentException(quantity.id() + " at layer " + layer + ", neuron " + neuron + ", input " + input);
        }
    }

    /** The formula whose result is the answer: the sheet leaves its result blank. */
    public Formula asked() {
        return working.getLast();
    }
}
