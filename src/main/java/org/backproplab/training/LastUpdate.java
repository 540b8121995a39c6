package org.backproplab.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.backproplab.engine.Learner;
import org.backproplab.trace.Matrix;

/**
 * What the last training step did to the weights, layer by layer: the gradient ∂L/∂W it followed
 * (penalty included, clipping applied) and the step Δw it took. Lets the graph show where learning
 * pushes each weight, not only where the weight is.
 *
 * @param gradients per layer, ∂L/∂W in the shape of that layer's weights
 * @param steps     per layer, Δw in the same shape
 */
public record LastUpdate(List<Matrix> gradients, List<Matrix> steps) {

    public LastUpdate {
        gradients = List.copyOf(gradients);
        steps = List.copyOf(steps);
        if (gradients.size() != steps.size()) {
            throw new IllegalArgumentException(gradients.size() + " gradients but " + steps.size() + " steps");
        }
    }

    /**
     * Copies the learner's last step, or nothing if it has not trained since its network last
     * changed shape (its gradients would not fit the network any more).
     */
    static Optional<LastUpdate> of(Learner learner) {
        List<Matrix> gradients = new ArrayList<>();
        List<Matrix> steps = new ArrayList<>();
        for (int l = 0; l < learner.network().layerCount(); l++) {
            Optional<Matrix> gradient = learner.lastWeightGradient(l);
            Optional<Matrix> step = learner.lastWeightStep(l);
            if (gradient.isEmpty() || step.isEmpty()) {
                return Optional.empty();
            }
            gradients.add(gradient.get());
            steps.add(step.get());
        }
        return Optional.of(new LastUpdate(gradients, steps));
    }

    /** ∂L/∂w for the weight from input {@code input} into neuron {@code neuron} of layer {@code layer}. */
    public double gradient(int layer, int neuron, int input) {
        return gradients.get(layer).get(neuron, input);
    }

    /** Δw for the same weight. */
    public double step(int layer, int neuron, int input) {
        return steps.get(layer).get(neuron, input);
    }
}
