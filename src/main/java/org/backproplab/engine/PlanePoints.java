package org.backproplab.engine;

import java.util.List;
import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;

/**
 * The 2-D points behind a set of inputs, and the features computed from them: what augmentation
 * needs to shift a point and compute its features afresh.
 *
 * @param coordinates x₁ in row 0 and x₂ in row 1, one column per point
 * @param features    the network's inputs, one row each, computed from (x₁, x₂)
 */
public record PlanePoints(DMatrixRMaj coordinates, List<InputFeature> features) {

    public PlanePoints {
        if (coordinates.numRows != 2) {
            throw new IllegalArgumentException("points have 2 coordinates, got " + coordinates.numRows);
        }
        features = List.copyOf(features);
    }

    /**
     * Writes the features of the chosen points, each shifted by Gaussian noise of standard deviation
     * σ, into {@code target} (features × count), and the shifted points into {@code shifted} (2 × count).
     * Draws ε₁ then ε₂ for each point in turn.
     */
    void shiftedInputs(int[] columns, int from, int count, double noise, RandomGenerator rng, DMatrixRMaj target,
            DMatrixRMaj shifted) {
        target.reshape(features.size(), count, false);
        shifted.reshape(2, count, false);
        for (int c = 0; c < count; c++) {
            int point = columns[from + c];
            double x1 = coordinates.get(0, point) + noise * rng.nextGaussian();
            double x2 = coordinates.get(1, point) + noise * rng.nextGaussian();
            shifted.set(0, c, x1);
            shifted.set(1, c, x2);
            for (int f = 0; f < features.size(); f++) {
                target.set(f, c, features.get(f).apply(x1, x2));
            }
        }
    }
}
