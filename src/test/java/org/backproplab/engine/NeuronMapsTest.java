package org.backproplab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class NeuronMapsTest {

    private final SplittableRandom rng = new SplittableRandom(5);
    private final Network network = Nets.random(rng, 2, List.of(new LayerSpec(6, Activation.TANH),
            new LayerSpec(4, Activation.RELU), new LayerSpec(1, Activation.SIGMOID)));

    @Test
    void everyPointOfALargeGridMatchesTheNetworkOnThatPointAlone() {
        // 64×64 points: large enough that the grid is split between two threads.
        DMatrixRMaj grid = Nets.uniform(rng, 2, 64 * 64, -6, 6);
        NeuronMaps maps = new NeuronMaps(grid);
        maps.evaluate(network);

        double[] output = new double[maps.points()];
        maps.copyActivations(2, 0, output);
        double[] hidden = new double[maps.points()];
        maps.copyActivations(0, 3, hidden);
        for (int p = 0; p < maps.points(); p++) {
            DMatrixRMaj point = new DMatrixRMaj(2, 1, true, grid.get(0, p), grid.get(1, p));
            NeuronMaps single = new NeuronMaps(point);
            single.evaluate(network);
            assertEquals(network.predict(grid.get(0, p), grid.get(1, p))[0], output[p], 0, "output at point " + p);
            assertEquals(single.activation(0, 3, 0), hidden[p], 0, "hidden neuron at point " + p);
            assertEquals(hidden[p], maps.activation(0, 3, p), 0);
        }
    }

    @Test
    void aSecondEvaluationInBothHalvesFollowsChangedWeights() {
        DMatrixRMaj grid = Nets.uniform(rng, 2, 64 * 64, -6, 6);
        NeuronMaps maps = new NeuronMaps(grid);
        maps.evaluate(network);
        network.outputLayer().setBias(0, network.outputLayer().bias(0) + 5);
        maps.evaluate(network);

        double[] output = new double[maps.points()];
        maps.copyActivations(2, 0, output);
        // The first and last points of each half.
        for (int p : new int[] {0, maps.points() / 2 - 1, maps.points() / 2, maps.points() - 1}) {
            assertEquals(network.predict(grid.get(0, p), grid.get(1, p))[0], output[p], 0, "point " + p);
        }
    }
}
