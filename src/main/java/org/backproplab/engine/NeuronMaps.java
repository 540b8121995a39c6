package org.backproplab.engine;

import org.ejml.data.DMatrixRMaj;

/**
 * Every neuron's output over a fixed grid of points: the heatmaps. The grid's inputs are laid out
 * once; each {@link #evaluate} reuses all buffers, so redrawing heatmaps while training allocates
 * nothing.
 */
public final class NeuronMaps {

    private final ForwardPass forward = new ForwardPass();
    private final DMatrixRMaj gridInputs;

    /**
     * @param gridInputs network inputs for each grid point, one column per point (row-major over the
     *                   grid: column {@code row * width + col})
     */
    public NeuronMaps(DMatrixRMaj gridInputs) {
        this.gridInputs = gridInputs.copy();
    }

    public int points() {
        return gridInputs.numCols;
    }

    /** Runs the whole grid through the network. */
    public void evaluate(Network network) {
        forward.run(network, gridInputs);
    }

    /** Copies one neuron's activation at every grid point into {@code target}. */
    public void copyActivations(int layer, int neuron, double[] target) {
        System.arraycopy(forward.a(layer).data, neuron * gridInputs.numCols, target, 0, gridInputs.numCols);
    }

    /** The activation of one neuron at one grid point. */
    public double activation(int layer, int neuron, int point) {
        return forward.a(layer).get(neuron, point);
    }
}
