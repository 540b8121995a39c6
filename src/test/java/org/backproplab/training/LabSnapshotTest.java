package org.backproplab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.backproplab.data.Domain;
import org.backproplab.engine.Activation;
import org.backproplab.engine.InputFeature;
import org.backproplab.engine.Network;
import org.backproplab.fixtures.TestLessons;
import org.backproplab.lesson.Experiment;
import org.backproplab.trace.Matrix;
import org.junit.jupiter.api.Test;

class LabSnapshotTest {

    private static final int RESOLUTION = 9;

    @Test
    void captureReproducesTheNetworksWeightsBiasesAndActivations() {
        Experiment experiment = Experiment.of(TestLessons.xor());
        LabSnapshot snapshot = LabSnapshot.capture(experiment, RESOLUTION);

        NetworkSnapshot network = snapshot.network();
        assertEquals(List.of(2, 3, 1), network.shape());
        assertEquals(TestLessons.XOR_HIDDEN_WEIGHTS, network.layer(0).weights());
        assertEquals(TestLessons.XOR_HIDDEN_BIASES, network.layer(0).biases());
        assertEquals(TestLessons.XOR_OUTPUT_WEIGHTS, network.outputLayer().weights());
        assertEquals(TestLessons.XOR_OUTPUT_BIASES, network.outputLayer().biases());
        assertEquals(Activation.SIGMOID, network.outputLayer().activation());
        assertEquals(13, network.parameterCount());
        assertEquals("XOR fixture", snapshot.title());
        assertEquals(2, snapshot.classes());
        assertEquals(experiment.trainPoints(), snapshot.trainPoints());
        assertEquals(experiment.testPoints(), snapshot.testPoints());
    }

    @Test
    void inputsAreLabelledInMathematicalNotation() {
        assertEquals("x₁", FeatureLabel.of(InputFeature.X1));
        assertEquals("x₂²", FeatureLabel.of(InputFeature.X2_SQUARED));
        assertEquals("sin(x₁)", FeatureLabel.of(InputFeature.SIN_X1));
        NetworkSnapshot network = LabSnapshot.capture(Experiment.of(TestLessons.xor()), RESOLUTION).network();
        assertEquals(List.of("x₁", "x₂"), network.inputLabels());
    }

    @Test
    void outputHeatmapEqualsPredictionAtEveryGridCellCentreWithRowZeroAtTheTop() {
        Experiment experiment = Experiment.of(TestLessons.xor());
        Network network = experiment.learner().network();
        Heatmaps heatmaps = LabSnapshot.capture(experiment, RESOLUTION).heatmaps();

        Domain domain = experiment.domain();
        double cell = domain.width() / RESOLUTION;
        Matrix output = heatmaps.output(0);
        for (int row = 0; row < RESOLUTION; row++) {
            for (int col = 0; col < RESOLUTION; col++) {
                double x1 = domain.min() + (col + 0.5) * cell;
                double x2 = domain.max() - (row + 0.5) * cell;
                assertEquals(network.predict(x1, x2)[0], output.get(row, col), 1e-12, "cell " + row + "," + col);
                assertEquals(x1, heatmaps.input(0).get(row, col), 1e-12);
                assertEquals(x2, heatmaps.input(1).get(row, col), 1e-12);
            }
        }
    }

    @Test
    void hiddenHeatmapIsThatNeuronsOwnActivation() {
        Experiment experiment = Experiment.of(TestLessons.xor());
        Heatmaps heatmaps = LabSnapshot.capture(experiment, RESOLUTION).heatmaps();
        Domain domain = experiment.domain();
        double cell = domain.width() / RESOLUTION;
        // Top-left cell: x₁ small, x₂ large. Neuron 1 is σ(0.3·x₁ − 3.5·x₂ − 0.4).
        double x1 = domain.min() + 0.5 * cell;
        double x2 = domain.max() - 0.5 * cell;
        double expected = 1 / (1 + Math.exp(-(0.3 * x1 - 3.5 * x2 - 0.4)));
        assertEquals(expected, heatmaps.neuron(0, 1).get(0, 0), 1e-12);
    }

    @Test
    void snapshotDoesNotChangeWhenTrainingContinues() {
        Experiment experiment = Experiment.of(TestLessons.xor());
        LabSnapshot before = LabSnapshot.capture(experiment, RESOLUTION);
        double outputBefore = before.heatmaps().output(0).get(2, 3);

        experiment.learner().runEpoch();
        LabSnapshot after = LabSnapshot.capture(experiment, RESOLUTION);

        assertEquals(TestLessons.XOR_HIDDEN_WEIGHTS, before.network().layer(0).weights());
        assertEquals(outputBefore, before.heatmaps().output(0).get(2, 3));
        assertEquals(0, before.epoch());
        assertEquals(1, after.epoch());
        assertNotEquals(before.network().layer(0).weights(), after.network().layer(0).weights());
    }

    @Test
    void largeNetworksGetCoarserHeatmapsWithinTheBudget() {
        assertEquals(150, HeatmapGrid.affordableResolution(13, 150));
        int biggest = 2 + 16 * 64;
        int resolution = HeatmapGrid.affordableResolution(biggest, 150);
        assertTrue(resolution < 150 && resolution > 20, "resolution " + resolution);
        assertTrue((long) biggest * resolution * resolution <= HeatmapGrid.CELL_BUDGET);
    }

    @Test
    void heatmapsRejectAMapOfTheWrongSize() {
        Matrix small = new Matrix(2, 2, new double[4]);
        assertThrows(IllegalArgumentException.class,
                () -> new Heatmaps(3, Domain.PLAYGROUND, List.of(), List.of(List.of(small))));
    }
}
