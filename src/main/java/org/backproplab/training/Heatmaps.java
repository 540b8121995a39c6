package org.backproplab.training;

import java.util.List;
import org.backproplab.data.Domain;
import org.backproplab.trace.Matrix;

/**
 * What every input and every neuron outputs over a square grid of the input plane, frozen at one
 * moment. Each map is a {@code resolution × resolution} {@link Matrix} whose row 0 is the top of
 * the plane (largest x₂) and column 0 its left edge (smallest x₁); cell (row, col) holds the value
 * at that cell's centre. Matrices are immutable, so views read them without copying.
 *
 * @param resolution cells along each side
 * @param domain     the square of the plane the grid covers
 * @param inputs     one map per input feature (x₁, x₁², …)
 * @param layers     per layer, one map per neuron; the last layer is the output
 */
public record Heatmaps(int resolution, Domain domain, List<Matrix> inputs, List<List<Matrix>> layers) {

    public Heatmaps {
        if (resolution < 1) {
            throw new IllegalArgumentException("a heatmap needs at least one cell per side, got " + resolution);
        }
        inputs = List.copyOf(inputs);
        layers = layers.stream().map(List::copyOf).toList();
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("heatmaps need at least the output layer");
        }
        inputs.forEach(map -> requireSquare(map, resolution));
        layers.forEach(layer -> layer.forEach(map -> requireSquare(map, resolution)));
    }

    private static void requireSquare(Matrix map, int resolution) {
        if (map.rows() != resolution || map.cols() != resolution) {
            throw new IllegalArgumentException("a heatmap of resolution " + resolution + " needs a " + resolution
                    + "x" + resolution + " matrix, got " + map.rows() + "x" + map.cols());
        }
    }

    /** The map of input feature {@code feature}. */
    public Matrix input(int feature) {
        return inputs.get(feature);
    }

    /** The activation map of one neuron. */
    public Matrix neuron(int layer, int neuron) {
        return layers.get(layer).get(neuron);
    }

    /** The map of output {@code neuron}: what the network predicts over the plane. */
    public Matrix output(int neuron) {
        return layers.getLast().get(neuron);
    }

    public int outputCount() {
        return layers.getLast().size();
    }
}
