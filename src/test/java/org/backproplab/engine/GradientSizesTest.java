package org.backproplab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.backproplab.trace.LayerTrace;
import org.backproplab.trace.StepTrace;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** What the gradient flow chart plots: the sizes of the data loss's gradients, measured without training. */
class GradientSizesTest {

    @Test
    void sizesAreThoseOfTheFullBatchDataGradientAndMeasuringChangesNothing() {
        SplittableRandom rng = new SplittableRandom(5);
        DMatrixRMaj inputs = Nets.uniform(rng, 2, 60, -3, 3);
        DMatrixRMaj targets = Nets.oneHot(rng, 3, 60);
        TrainingData data = new TrainingData(inputs, targets, new DMatrixRMaj(2, 0), new DMatrixRMaj(3, 0),
                new Task.MultiClassClassification());
        Network network = Nets.random(rng, 2, List.of(new LayerSpec(5, Activation.TANH), new LayerSpec(3, Activation.SOFTMAX)));
        Hyperparameters plain = Hyperparameters.of(Loss.SOFTMAX_CROSS_ENTROPY, new OptimizerSettings.Sgd(0.1));
        // A penalty and clipping change the step, not how the error flows back: the sizes leave them out.
        Hyperparameters penalised = plain.withRegularization(new Regularization(Regularization.Kind.L2, 0.5))
                .withGradientClipNorm(0.01);
        Learner learner = new Learner(network, data, penalised, 7, rng);
        Network before = network.copy();

        GradientSizes sizes = learner.gradientSizes().orElseThrow();

        StepTrace fullBatch = new Backpropagation().tracedStep(before.copy(), inputs, targets, plain);
        for (int l = 0; l < 2; l++) {
            LayerTrace layer = fullBatch.layers().get(l);
            assertEquals(layer.weightGradient().norm(), sizes.weightGradientNorms().get(l), 1e-12, "‖∂L/∂W‖ of layer " + (l + 1));
            double meanAbsDelta = Arrays.stream(layer.delta().values()).map(Math::abs).average().orElseThrow();
            assertEquals(meanAbsDelta, sizes.meanAbsDeltas().get(l), 1e-12, "mean |δ| of layer " + (l + 1));
            assertEquals(before.layer(l).weightMatrix(), network.layer(l).weightMatrix(), "measuring does not train");
        }
    }
}
