package org.backproplab.engine;

import java.util.Objects;

/**
 * Which plane through the network's weights a {@link LossLandscape} shows: the plane in which two
 * chosen parameters vary and every other stays put, or the plane spanned by two random directions
 * through all weights.
 */
public sealed interface LandscapePlane {

    /** x is one weight or bias and y another: the map is the loss as those two alone change. */
    record TwoParameters(GradientCheck.Parameter x, GradientCheck.Parameter y) implements LandscapePlane {
        public TwoParameters {
            Objects.requireNonNull(x);
            Objects.requireNonNull(y);
            if (x.equals(y)) {
                throw new IllegalArgumentException("the two axes must be two different parameters, got "
                        + ParameterText.write(x) + " twice");
            }
        }
    }

    /**
     * Two random directions drawn from {@code seed}, each normalised filter by filter as Li et al.
     * (2018, "Visualizing the Loss Landscape of Neural Nets") do: every neuron's row of incoming
     * weights in the direction gets the length of that neuron's row in the network, so a step of 1
     * along an axis changes each neuron as much as its own weights are large, whatever the layer's
     * scale. Biases get no direction (0), as in the paper: they stay at their values on the plane.
     */
    record RandomDirections(long seed) implements LandscapePlane {
    }
}
