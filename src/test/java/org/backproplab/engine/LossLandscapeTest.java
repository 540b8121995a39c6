package org.backproplab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class LossLandscapeTest {

    private static final GradientCheck.Parameter W = new GradientCheck.Parameter.Weight(1, 2, 3);
    private static final GradientCheck.Parameter B = new GradientCheck.Parameter.Bias(0, 1);

    /** A trained net whose evaluation differs from training: dropout in one layer, batch normalisation in another. */
    private record Lab(Network network, TrainingData data) {

        static Lab trained(boolean remedies) {
            SplittableRandom rng = new SplittableRandom(7);
            List<LayerSpec> specs = List.of(new LayerSpec(4, Activation.TANH, remedies ? 0.2 : 0, false),
                    new LayerSpec(5, Activation.RELU, 0, remedies), new LayerSpec(1, Activation.SIGMOID));
            Network network = Network.create(2, specs, Initializer.XAVIER, rng);
            DMatrixRMaj inputs = Nets.uniform(rng, 2, 40, -2, 2);
            DMatrixRMaj targets = Nets.uniform(rng, 1, 40, 0, 1);
            TrainingData data = new TrainingData(inputs, targets, new DMatrixRMaj(2, 0), new DMatrixRMaj(1, 0),
                    new Task.Regression());
            Learner learner = new Learner(network, data, Hyperparameters.of(Loss.SQUARED_ERROR, new OptimizerSettings.Sgd(0.1)),
                    8, rng);
            for (int epoch = 0; epoch < 5; epoch++) {
                learner.runEpoch();
            }
            return new Lab(network, data);
        }

        LossLandscape through(LandscapePlane plane) {
            return LossLandscape.through(network, data, Loss.SQUARED_ERROR, plane);
        }

        /** Σ ½(t − o)² over the training points, one prediction at a time: a recomputation that shares no batch code. */
        double directLoss(Network at) {
            double sum = 0;
            for (int c = 0; c < data.trainSize(); c++) {
                double output = at.predict(data.trainInputs().get(0, c), data.trainInputs().get(1, c))[0];
                double difference = data.trainTargets().get(0, c) - output;
                sum += 0.5 * difference * difference;
            }
            return sum / data.trainSize();
        }
    }

    @Test
    void aMapOfTwoParametersHoldsTheLossWithThoseTwoSetByHand() {
        Lab lab = Lab.trained(true);
        double weightBefore = lab.network().layer(1).weight(2, 3);
        LossLandscape.Map map = lab.through(new LandscapePlane.TwoParameters(W, B)).map(0.8, 9);

        assertEquals(weightBefore, map.x()[4], 1e-15);
        assertEquals(lab.network().layer(0).bias(1), map.y()[4], 1e-15);
        assertEquals(weightBefore - 0.8, map.x()[0], 1e-15);
        assertEquals(weightBefore + 0.8, map.x()[8], 1e-15);
        for (int[] at : new int[][] {{0, 0}, {0, 8}, {3, 5}, {4, 4}, {8, 2}, {7, 8}}) {
            int i = at[0];
            int j = at[1];
            Network byHand = lab.network().copy();
            byHand.layer(1).setWeight(2, 3, map.x()[j]);
            byHand.layer(0).setBias(1, map.y()[i]);
            assertEquals(lab.directLoss(byHand), map.loss()[i][j], 1e-12, "loss at y[" + i + "], x[" + j + "]");
        }
        assertEquals(weightBefore, lab.network().layer(1).weight(2, 3), "the map leaves the network alone");
    }

    @Test
    void aMapOfRandomDirectionsHoldsTheLossOfThePlanesWeights() {
        Lab lab = Lab.trained(true);
        LossLandscape landscape = lab.through(new LandscapePlane.RandomDirections(3));
        LossLandscape.Map map = landscape.map(0.5, 7);

        assertEquals(lab.directLoss(lab.network()), map.loss()[3][3], 1e-12, "the centre is the network as it is");
        for (int[] at : new int[][] {{0, 0}, {6, 6}, {2, 5}, {5, 1}}) {
            Network onPlane = landscape.networkAt(map.x()[at[1]], map.y()[at[0]]);
            assertEquals(lab.directLoss(onPlane), map.loss()[at[0]][at[1]], 1e-12);
        }
    }

    @Test
    void randomDirectionsAreNormalisedNeuronByNeuronAndLeaveBiasesAlone() {
        Lab lab = Lab.trained(false);
        Network stepped = lab.through(new LandscapePlane.RandomDirections(11)).networkAt(1, 0);
        for (int l = 0; l < lab.network().layerCount(); l++) {
            Layer before = lab.network().layer(l);
            Layer after = stepped.layer(l);
            for (int n = 0; n < before.size(); n++) {
                double own = 0;
                double moved = 0;
                for (int i = 0; i < before.inputSize(); i++) {
                    own += before.weight(n, i) * before.weight(n, i);
                    moved += Math.pow(after.weight(n, i) - before.weight(n, i), 2);
                }
                assertEquals(Math.sqrt(own), Math.sqrt(moved), 1e-12, "layer " + l + " neuron " + n);
                assertEquals(before.bias(n), after.bias(n));
            }
        }
    }

    @Test
    void aRunAlongOneAxisProjectsOntoThatAxis() {
        Lab lab = Lab.trained(false);
        LossLandscape random = lab.through(new LandscapePlane.RandomDirections(5));
        for (double t : new double[] {-0.9, -0.25, 0, 0.3, 1.7}) {
            LossLandscape.Point point = random.project(random.networkAt(t, 0));
            assertEquals(t, point.x(), 1e-9);
            assertEquals(0, point.y(), 1e-9);
        }
        LossLandscape.Point anywhere = random.project(random.networkAt(0.4, -0.6));
        assertEquals(0.4, anywhere.x(), 1e-9, "the directions are not orthogonal; the projection still finds the point");
        assertEquals(-0.6, anywhere.y(), 1e-9);

        LossLandscape two = lab.through(new LandscapePlane.TwoParameters(W, B));
        double y = lab.network().layer(0).bias(1);
        Network moved = lab.network().copy();
        for (double t = -1; t <= 1; t += 0.5) {
            moved.layer(1).setWeight(2, 3, t);
            assertEquals(new LossLandscape.Point(t, y), two.project(moved));
        }
    }

    @Test
    void theSlopeOfTwoParametersIsBackpropagationsGradient() {
        Lab lab = Lab.trained(false);
        LossLandscape.Point slope = lab.through(new LandscapePlane.TwoParameters(W, B)).slope(lab.network());
        List<LayerGradient> gradients = new Backpropagation().gradients(lab.network(), lab.data().trainInputs(),
                lab.data().trainTargets(), Hyperparameters.of(Loss.SQUARED_ERROR, new OptimizerSettings.Sgd(0.1)));
        assertEquals(gradients.get(1).weights().get(2, 3), slope.x(), 1e-8);
        assertEquals(gradients.get(0).biases().get(1, 0), slope.y(), 1e-8);
        assertTrue(Math.abs(slope.x()) + Math.abs(slope.y()) > 1e-6, "a trained net still has a slope to check");
    }

    @Test
    void aPlaneNamesParametersTheNetworkHas() {
        Lab lab = Lab.trained(false);
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> lab.through(new LandscapePlane.TwoParameters(new GradientCheck.Parameter.Weight(0, 4, 0), B)));
        assertEquals("W1[5,1]: layer 1 has 4 neurons", missing.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new LandscapePlane.TwoParameters(B, B));
        assertThrows(IllegalArgumentException.class, () -> lab.through(new LandscapePlane.RandomDirections(1)).map(0, 5));
        assertThrows(IllegalArgumentException.class, () -> lab.through(new LandscapePlane.RandomDirections(1)).map(1, 1));
    }

    @Test
    void parameterTextReadsAndWritesTheFormulasIndices() {
        assertEquals(new GradientCheck.Parameter.Weight(1, 2, 0), ParameterText.parse("W2[3,1]"));
        assertEquals(new GradientCheck.Parameter.Bias(0, 3), ParameterText.parse("b1[4]"));
        assertEquals(new GradientCheck.Parameter.Weight(0, 0, 1), ParameterText.parse(" w1[ 1 , 2 ] "));
        assertEquals("W2[3,1]", ParameterText.write(ParameterText.parse("W2[3,1]")));
        assertEquals("b1[4]", ParameterText.write(new GradientCheck.Parameter.Bias(0, 3)));
        for (String bad : new String[] {"", "x", "W1[1]", "b1[1,2]", "W0[1,1]", "b1[0]", "W1[a,b]", "W1(1,1)", "W1[1,1]x"}) {
            assertThrows(IllegalArgumentException.class, () -> ParameterText.parse(bad), bad);
        }
        Network network = Lab.trained(false).network();
        assertEquals("W3[1,6]: each neuron of layer 3 has 5 inputs",
                assertThrows(IllegalArgumentException.class, () -> ParameterText.check(ParameterText.parse("W3[1,6]"), network))
                        .getMessage());
        assertEquals("b4[1]: the network has 3 layers (hidden layers, then the output layer)",
                assertThrows(IllegalArgumentException.class, () -> ParameterText.check(ParameterText.parse("b4[1]"), network))
                        .getMessage());
    }
}
