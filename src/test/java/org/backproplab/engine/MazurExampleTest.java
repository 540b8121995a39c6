package org.backproplab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.backproplab.trace.LayerTrace;
import org.backproplab.trace.StepTrace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Matt Mazur's "A Step by Step Backpropagation Example": the 2-2-2 sigmoid net students check
 * their hand calculations against. Every number below is printed in that post; the app must
 * show the same ones.
 */
class MazurExampleTest {

    /** The post prints 8–9 significant digits. */
    private static final double PRINTED = 1e-8;

    private StepTrace trace;

    @BeforeEach
    void trainOneStep() {
        Network network = Network.create(2,
                List.of(new LayerSpec(2, Activation.SIGMOID), new LayerSpec(2, Activation.SIGMOID)),
                Initializer.PLAYGROUND, new SplittableRandom(1));
        Layer hidden = network.layer(0);
        Layer output = network.layer(1);
        setRows(hidden, new double[][] {{0.15, 0.20}, {0.25, 0.30}}, 0.35);
        setRows(output, new double[][] {{0.40, 0.45}, {0.50, 0.55}}, 0.60);
        Hyperparameters hyper = Hyperparameters.of(Loss.SQUARED_ERROR, new OptimizerSettings.Sgd(0.5))
                .withTrainBiases(false);

        trace = new Backpropagation().tracedStep(network,
                Nets.rows(new double[] {0.05}, new double[] {0.10}),
                Nets.rows(new double[] {0.01}, new double[] {0.99}), hyper);
    }

    @Test
    void forwardPassMatchesThePost() {
        LayerTrace hidden = trace.layers().get(0);
        LayerTrace output = trace.outputLayer();
        assertEquals(0.3775, hidden.z().get(0, 0), PRINTED, "net_h1");
        assertEquals(0.593269992, hidden.a().get(0, 0), PRINTED, "out_h1");
        assertEquals(0.596884378, hidden.a().get(1, 0), PRINTED, "out_h2");
        assertEquals(0.75136507, output.a().get(0, 0), PRINTED, "out_o1");
        assertEquals(0.772928465, output.a().get(1, 0), PRINTED, "out_o2");
        assertEquals(0.298371109, trace.loss(), PRINTED, "E_total");
    }

    @Test
    void outputLayerGradientAndUpdateMatchThePost() {
        LayerTrace output = trace.outputLayer();
        assertEquals(0.082167041, output.weightGradient().get(0, 0), PRINTED, "∂E/∂w5");
        assertEquals(0.35891648, output.weightsAfter().get(0, 0), PRINTED, "w5");
        assertEquals(0.408666186, output.weightsAfter().get(0, 1), PRINTED, "w6");
        assertEquals(0.511301270, output.weightsAfter().get(1, 0), PRINTED, "w7");
        assertEquals(0.561370121, output.weightsAfter().get(1, 1), PRINTED, "w8");
    }

    @Test
    void hiddenLayerUpdateUsesTheOriginalOutputWeights() {
        LayerTrace hidden = trace.layers().get(0);
        assertEquals(0.149780716, hidden.weightsAfter().get(0, 0), PRINTED, "w1");
        assertEquals(0.19956143, hidden.weightsAfter().get(0, 1), PRINTED, "w2");
        assertEquals(0.24975114, hidden.weightsAfter().get(1, 0), PRINTED, "w3");
        assertEquals(0.29950229, hidden.weightsAfter().get(1, 1), PRINTED, "w4");
    }

    @Test
    void biasesStayFixedAsInThePost() {
        for (LayerTrace layer : trace.layers()) {
            assertEquals(layer.biasesBefore(), layer.biasesAfter());
        }
    }

    private static void setRows(Layer layer, double[][] weights, double bias) {
        for (int n = 0; n < weights.length; n++) {
            for (int i = 0; i < weights[n].length; i++) {
                layer.setWeight(n, i, weights[n][i]);
            }
            layer.setBias(n, bias);
        }
    }
}
