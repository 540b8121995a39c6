package org.backproplab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class NeuronMapsTest {

    /**
     * Heatmaps compute tanh approximately (they only colour pixels): far closer to the exact
     * network than one of 256 colour steps, though not to the last bit.
     */
    private static final double COLOUR_PRECISION = 1e-5;

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
            assertEquals(network.predict(grid.get(0, p), grid.get(1, p))[0], output[p], COLOUR_PRECISION, "output at point " + p);
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
            assertEquals(network.predict(grid.get(0, p), grid.get(1, p))[0], output[p], COLOUR_PRECISION, "point " + p);
        }
    }

    @Test
    void fastTanhIsFarBelowOneColourStepFromTheExactValue() {
        double worst = 0;
        for (int i = -2_000_000; i <= 2_000_000; i++) {
            double z = i * 1e-5;
            worst = Math.max(worst, Math.abs(NeuronMaps.fastTanh(z) - Math.tanh(z)));
        }
        for (double z : new double[] {-1e300, -40, -19.1, 19.1, 40, 1e300, Double.MIN_VALUE, -0.0}) {
            worst = Math.max(worst, Math.abs(NeuronMaps.fastTanh(z) - Math.tanh(z)));
        }
        assertTrue(worst <= NeuronMaps.FAST_TANH_ERROR, "largest error " + worst);
        assertTrue(NeuronMaps.FAST_TANH_ERROR < 1.0 / 256 / 1000, "a thousandth of a colour step");
    }

    @Test
    void everyActivationOfAHeatmapIsWithinTheApproximationOfTheExactNetwork() {
        for (Activation hidden : List.of(Activation.TANH, Activation.SIGMOID, Activation.RELU, Activation.LEAKY_RELU)) {
            Network net = Nets.random(rng, 2, List.of(new LayerSpec(7, hidden), new LayerSpec(5, Activation.TANH),
                    new LayerSpec(3, Activation.SOFTMAX)));
            DMatrixRMaj grid = Nets.uniform(rng, 2, 50 * 50, -6, 6);
            NeuronMaps maps = new NeuronMaps(grid);
            maps.evaluate(net);
            double[] output = new double[maps.points()];
            for (int o = 0; o < 3; o++) {
                maps.copyActivations(2, o, output);
                for (int p = 0; p < maps.points(); p += 7) {
                    assertEquals(net.predict(grid.get(0, p), grid.get(1, p))[o], output[p], COLOUR_PRECISION,
                            hidden + ", output " + o + " at point " + p);
                }
            }
        }
    }
}
