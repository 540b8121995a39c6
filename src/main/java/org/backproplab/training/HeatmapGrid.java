package org.backproplab.training;

import java.util.ArrayList;
import java.util.List;
import org.backproplab.data.Domain;
import org.backproplab.engine.Network;
import org.backproplab.engine.NeuronMaps;
import org.backproplab.engine.LayerSpec;
import org.backproplab.lesson.Encoding;
import org.backproplab.lesson.Experiment;
import org.backproplab.lesson.Lesson;
import org.backproplab.trace.Matrix;
import org.ejml.data.DMatrixRMaj;

/**
 * A fixed grid over the input plane that turns a network into {@link Heatmaps}. The grid's inputs
 * and forward-pass buffers are built once, so a trainer that samples after every few epochs only
 * pays for the forward pass and the copies it hands out. Not thread-safe: belongs to the thread
 * that owns the network.
 */
public final class HeatmapGrid {

    /**
     * Most grid cells one set of heatmaps may hold, over all maps: about 8 MB of doubles. A small
     * network gets fine maps; the largest a lesson allows (16 layers of 64) gets coarser ones rather
     * than snapshots of hundreds of megabytes.
     */
    public static final int CELL_BUDGET = 1 << 20;

    private final int resolution;
    private final Domain domain;
    private final NeuronMaps maps;
    private final List<Matrix> inputMaps;
    private final double[] buffer;

    public HeatmapGrid(Encoding encoding, Domain domain, int resolution) {
        if (resolution < 1) {
            throw new IllegalArgumentException("a heatmap needs at least one cell per side, got " + resolution);
        }
        this.resolution = resolution;
        this.domain = domain;
        DMatrixRMaj gridInputs = encoding.gridInputs(resolution, domain.min(), domain.max());
        this.maps = new NeuronMaps(gridInputs);
        this.buffer = new double[resolution * resolution];
        // Inputs do not depend on the weights: their maps are made once and shared by every snapshot.
        List<Matrix> inputs = new ArrayList<>();
        for (int f = 0; f < gridInputs.numRows; f++) {
            System.arraycopy(gridInputs.data, f * buffer.length, buffer, 0, buffer.length);
            inputs.add(new Matrix(resolution, resolution, buffer));
        }
        this.inputMaps = List.copyOf(inputs);
    }

    /**
     * A grid for the experiment's inputs and domain, {@code wanted} cells per side, or fewer if a very
     * large network would otherwise exceed {@link #CELL_BUDGET}.
     */
    public static HeatmapGrid forExperiment(Experiment experiment, int wanted) {
        Lesson lesson = experiment.lesson();
        int maps = lesson.features().size() + lesson.layers().stream().mapToInt(LayerSpec::size).sum();
        return new HeatmapGrid(experiment.encoding(), experiment.domain(), affordableResolution(maps, wanted));
    }

    /** The finest resolution, at most {@code wanted}, at which {@code maps} heatmaps stay within {@link #CELL_BUDGET}. */
    public static int affordableResolution(int maps, int wanted) {
        int affordable = (int) Math.floor(Math.sqrt((double) CELL_BUDGET / Math.max(maps, 1)));
        return Math.max(1, Math.min(wanted, affordable));
    }

    public int resolution() {
        return resolution;
    }

    public Domain domain() {
        return domain;
    }

    /** Runs the grid through the network and copies out every neuron's map. */
    public Heatmaps sample(Network network) {
        maps.evaluate(network);
        List<List<Matrix>> layers = new ArrayList<>();
        for (int l = 0; l < network.layerCount(); l++) {
            List<Matrix> neurons = new ArrayList<>();
            for (int n = 0; n < network.layer(l).size(); n++) {
                maps.copyActivations(l, n, buffer);
                neurons.add(new Matrix(resolution, resolution, buffer));
            }
            layers.add(neurons);
        }
        return new Heatmaps(resolution, domain, inputMaps, layers);
    }
}
