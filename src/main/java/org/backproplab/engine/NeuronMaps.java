package org.backproplab.engine;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;
import org.ejml.data.DMatrixRMaj;

/**
 * Every neuron's output over a fixed grid of points: the heatmaps. The grid's inputs are laid out
 * once; each {@link #evaluate} reuses all buffers, so redrawing heatmaps while training allocates
 * nothing.
 *
 * <p>A full grid costs one exp() per neuron per point, which alone would keep a deep net's
 * redraw above a frame's budget on one core, so large grids are split in two halves computed at
 * once: the caller's thread takes one, a pool thread the other (or the caller too, if the pool is
 * busy). The task object is reused from call to call, so the split allocates nothing either.
 */
public final class NeuronMaps {

    /** Below this many points, handing half to another thread costs more than it saves. */
    private static final int SPLIT_THRESHOLD = 2048;

    private final int points;
    private final Half first;
    private final Half second;

    /** One contiguous run of grid columns and the forward pass over them. */
    private static final class Half extends RecursiveAction {
        private static final long serialVersionUID = 1L;

        private final transient ForwardPass forward = new ForwardPass();
        private final transient DMatrixRMaj inputs;
        private final int offset;
        private transient Network network;

        Half(DMatrixRMaj gridInputs, int offset, int count) {
            this.inputs = new DMatrixRMaj(gridInputs.numRows, count);
            for (int r = 0; r < gridInputs.numRows; r++) {
                System.arraycopy(gridInputs.data, r * gridInputs.numCols + offset, inputs.data, r * count, count);
            }
            this.offset = offset;
        }

        @Override
        protected void compute() {
            forward.run(network, inputs);
        }

        int size() {
            return inputs.numCols;
        }

        void copyActivations(int layer, int neuron, double[] target) {
            int count = size();
            if (count > 0) {
                System.arraycopy(forward.a(layer).data, neuron * count, target, offset, count);
            }
        }
    }

    /**
     * @param gridInputs network inputs for each grid point, one column per point (row-major over the
     *                   grid: column {@code row * width + col})
     */
    public NeuronMaps(DMatrixRMaj gridInputs) {
        this.points = gridInputs.numCols;
        boolean split = points >= SPLIT_THRESHOLD && Runtime.getRuntime().availableProcessors() > 1;
        int firstSize = split ? points / 2 : points;
        this.first = new Half(gridInputs, 0, firstSize);
        this.second = new Half(gridInputs, firstSize, points - firstSize);
    }

    public int points() {
        return points;
    }

    /** Runs the whole grid through the network. */
    public void evaluate(Network network) {
        first.network = network;
        second.network = network;
        if (second.size() == 0) {
            first.compute();
            return;
        }
        second.reinitialize();
        ForkJoinPool.commonPool().execute(second);
        first.compute();
        // join() runs the half itself if no pool thread has picked it up yet.
        second.join();
    }

    /** Copies one neuron's activation at every grid point into {@code target}. */
    public void copyActivations(int layer, int neuron, double[] target) {
        first.copyActivations(layer, neuron, target);
        second.copyActivations(layer, neuron, target);
    }

    /** The activation of one neuron at one grid point. */
    public double activation(int layer, int neuron, int point) {
        Half half = point < second.offset || second.size() == 0 ? first : second;
        return half.forward.a(layer).get(neuron, point - half.offset);
    }
}
