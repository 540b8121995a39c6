package org.backproplab.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;
import org.ejml.data.DMatrixRMaj;

/**
 * Every neuron's output over a fixed grid of points: the heatmaps. The grid's inputs are laid out
 * once; each {@link #evaluate} reuses all buffers, so redrawing heatmaps while training allocates
 * nothing.
 *
 * <p>Heatmaps only colour pixels, so tanh is computed with a vectorisable approximation
 * ({@link #fastTanh}) rather than exp(), which alone would keep a deep net's redraw above a frame's
 * budget. Large grids are also split in two halves computed at once: the caller's thread takes
 * one, a pool thread the other (or the caller too, if the pool is busy). The task object is reused
 * from call to call, so the split allocates nothing either.
 */
public final class NeuronMaps {

    /** Below this many points, handing half to another thread costs more than it saves. */
    private static final int SPLIT_THRESHOLD = 2048;

    private final int points;
    private final Half first;
    private final Half second;

    /** One contiguous run of grid columns and every layer's activations over them. */
    private static final class Half extends RecursiveAction {
        private static final long serialVersionUID = 1L;

        private final transient DMatrixRMaj inputs;
        /** a of each layer over this half's points: one row per neuron, one column per point. */
        private final transient List<DMatrixRMaj> activations = new ArrayList<>();
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
            fitTo(network);
            // Speed trick: a tile of points goes through every layer before the next tile starts, so
            // the activations it reads (a few neurons × TILE points) are still in the CPU's cache.
            for (int from = 0; from < size(); from += TILE) {
                int to = Math.min(size(), from + TILE);
                DMatrixRMaj previous = inputs;
                for (int l = 0; l < network.layerCount(); l++) {
                    Layer layer = network.layer(l);
                    DMatrixRMaj a = activations.get(l);
                    LayerProducts.weightedInputs(layer.weights(), layer.biases(), previous, a, from, to);
                    if (layer.batchNorm().isPresent()) {
                        layer.batchNorm().get().normaliseWithRunningAverages(a, from, to);
                    }
                    approximateActivation(layer.activation(), a, from, to);
                    previous = a;
                }
            }
        }

        private void fitTo(Network network) {
            while (activations.size() > network.layerCount()) {
                activations.removeLast();
            }
            for (int l = 0; l < network.layerCount(); l++) {
                int rows = network.layer(l).size();
                if (l == activations.size()) {
                    activations.add(new DMatrixRMaj(rows, size()));
                } else {
                    activations.get(l).reshape(rows, size(), false);
                }
            }
        }

        int size() {
            return inputs.numCols;
        }

        void copyActivations(int layer, int neuron, double[] target) {
            int count = size();
            if (count > 0) {
                System.arraycopy(activations.get(layer).data, neuron * count, target, offset, count);
            }
        }

        double activation(int layer, int neuron, int point) {
            return activations.get(layer).get(neuron, point - offset);
        }
    }

    /** Points per tile: 8 neurons × 512 points × 8 bytes = 32 KB, one layer's tile in a core's L1/L2 cache. */
    private static final int TILE = 512;

    /**
     * a = f(z) in place on columns [from, to) of every row. Heatmaps only colour pixels, so tanh
     * (Playground's default, and the benchmark's) uses {@link #fastTanh}, whose error (below 3e-7)
     * is thousands of times smaller than one of the 256 colour steps; training and every shown
     * number use the exact value. σ stays exact: hand-worked tests pin sigmoid maps to 1e-12.
     */
    private static void approximateActivation(Activation f, DMatrixRMaj z, int from, int to) {
        int stride = z.numCols;
        double[] v = z.data;
        for (int row = 0; row < z.numRows * stride; row += stride) {
            switch (f) {
                case TANH -> {
                    for (int j = row + from; j < row + to; j++) {
                        v[j] = fastTanh(v[j]);
                    }
                }
                case SIGMOID -> {
                    for (int j = row + from; j < row + to; j++) {
                        v[j] = Activation.sigmoid(v[j]);
                    }
                }
                case SOFTMAX -> {
                    // Column by column, below.
                }
                default -> {
                    for (int j = row + from; j < row + to; j++) {
                        v[j] = f.value(v[j]);
                    }
                }
            }
        }
        if (f == Activation.SOFTMAX) {
            Activation.softmaxColumns(v, v, z.numRows, stride, from, to);
        }
    }

    /** Largest |tanh(z) − fastTanh(z)| over all z (the tests check it). */
    static final double FAST_TANH_ERROR = 3e-7;

    private static final double CLAMP = 7.90531110763549805;

    /**
     * tanh(z) for heatmaps, within {@link #FAST_TANH_ERROR}: a rational function x·P(x²)/Q(x²) on z
     * clamped to ±7.905 (where tanh is 1 to within the error), the approximation Eigen uses for
     * single precision. Trick: no exp() and no branch (Math.min/max compile to min/max
     * instructions), so the JIT vectorises the loops that call it, several points per instruction.
     */
    static double fastTanh(double z) {
        double x = Math.max(-CLAMP, Math.min(CLAMP, z));
        double x2 = x * x;
        double p = x * (4.89352455891786e-03 + x2 * (6.37261928875436e-04 + x2 * (1.48572235717979e-05
                + x2 * (5.12229709037114e-08 + x2 * (-8.60467152213735e-11 + x2 * (2.00018790482477e-13
                + x2 * -2.76076847742355e-16))))));
        double q = 4.89352518554385e-03 + x2 * (2.26843463243900e-03 + x2 * (1.18534705686654e-04
                + x2 * 1.19825839466702e-06));
        return p / q;
    }

    /**
     * @param gridInputs network inputs for each grid point, one column per point (row-major over the
     *                   grid: column {@code row * width + col})
     */
    public NeuronMaps(DMatrixRMaj gridInputs) {
        this(gridInputs, true);
    }

    /**
     * @param mayShare false keeps the whole grid on the caller's thread, to measure one core alone;
     *                 true splits a large grid in two when there is more than one core
     */
    public NeuronMaps(DMatrixRMaj gridInputs, boolean mayShare) {
        this.points = gridInputs.numCols;
        boolean split = mayShare && points >= SPLIT_THRESHOLD && Runtime.getRuntime().availableProcessors() > 1;
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
        return half.activation(layer, neuron, point);
    }
}
