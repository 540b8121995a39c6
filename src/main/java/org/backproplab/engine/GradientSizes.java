package org.backproplab.engine;

import java.util.List;

/**
 * How large the gradients are in each layer at one moment, first hidden layer first and output
 * layer last: side by side they show whether gradients shrink (vanish) or grow (explode) on their
 * way back from the output.
 *
 * @param weightGradientNorms per layer, ‖∂L/∂W‖: the Frobenius norm of the batch-mean gradient of
 *                            the data loss (no penalty and no clipping: those are the optimizer's
 *                            business, not how the error flows back)
 * @param meanAbsDeltas       per layer, mean |δ| over the layer's neurons and the batch's samples
 */
public record GradientSizes(List<Double> weightGradientNorms, List<Double> meanAbsDeltas) {

    public GradientSizes {
        weightGradientNorms = List.copyOf(weightGradientNorms);
        meanAbsDeltas = List.copyOf(meanAbsDeltas);
        if (weightGradientNorms.size() != meanAbsDeltas.size()) {
            throw new IllegalArgumentException(weightGradientNorms.size() + " weight gradient norms but "
                    + meanAbsDeltas.size() + " mean deltas");
        }
    }

    public int layerCount() {
        return weightGradientNorms.size();
    }
}
