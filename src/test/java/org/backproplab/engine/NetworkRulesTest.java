package org.backproplab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Each rule about what a network may be, with a case it allows and one it refuses. */
class NetworkRulesTest {

    private static final NetworkRules.Output SIGMOID_BCE = new NetworkRules.Output(Activation.SIGMOID, Loss.BINARY_CROSS_ENTROPY);

    @Test
    void softmaxSitsOnTheOutputLayerOnly() {
        assertEquals(Optional.empty(), NetworkRules.activation(2, 3, Activation.SOFTMAX));
        assertEquals(Optional.of(new Refusal.SoftmaxBeforeOutput(1)), NetworkRules.activation(1, 3, Activation.SOFTMAX));
        assertEquals(Optional.empty(), NetworkRules.activation(1, 3, Activation.RELU));
    }

    @Test
    void aSoftmaxOutputNeedsAtLeastTwoNeurons() {
        assertEquals(Optional.empty(), NetworkRules.outputLayer(Activation.SOFTMAX, 2));
        assertEquals(Optional.of(new Refusal.SoftmaxTooFewOutputs(1)), NetworkRules.outputLayer(Activation.SOFTMAX, 1));
        assertEquals(Optional.empty(), NetworkRules.outputLayer(Activation.SIGMOID, 1));
        assertEquals(Optional.of(new Refusal.SoftmaxTooFewOutputs(1)),
                NetworkRules.layer(1, 2, new LayerSpec(1, Activation.SOFTMAX)), "asked of the output layer");
        assertEquals(Optional.of(new Refusal.SoftmaxBeforeOutput(0)),
                NetworkRules.layer(0, 2, new LayerSpec(1, Activation.SOFTMAX)), "a hidden softmax is refused for where it sits");
    }

    @Test
    void aCrossEntropyLossNeedsItsOwnOutputActivation() {
        assertEquals(Optional.empty(), NetworkRules.loss(Loss.BINARY_CROSS_ENTROPY, Activation.SIGMOID));
        assertEquals(Optional.of(new Refusal.LossNeedsOutput(Loss.BINARY_CROSS_ENTROPY, Activation.TANH)),
                NetworkRules.loss(Loss.BINARY_CROSS_ENTROPY, Activation.TANH));
        assertEquals(Optional.empty(), NetworkRules.loss(Loss.SOFTMAX_CROSS_ENTROPY, Activation.SOFTMAX));
        assertTrue(NetworkRules.loss(Loss.SOFTMAX_CROSS_ENTROPY, Activation.SIGMOID).isPresent());
        for (Activation output : Activation.values()) {
            assertEquals(Optional.empty(), NetworkRules.loss(Loss.SQUARED_ERROR, output), "squared error follows " + output);
        }
        assertEquals(List.of(Loss.SQUARED_ERROR, Loss.BINARY_CROSS_ENTROPY), NetworkRules.losses(Activation.SIGMOID));
        assertEquals(List.of(Loss.SQUARED_ERROR), NetworkRules.losses(Activation.TANH));
    }

    @Test
    void aLossThatCannotFollowANewOutputGivesWayToSquaredError() {
        assertEquals(Loss.BINARY_CROSS_ENTROPY, NetworkRules.lossFor(Activation.SIGMOID, Loss.BINARY_CROSS_ENTROPY));
        assertEquals(Loss.SQUARED_ERROR, NetworkRules.lossFor(Activation.SOFTMAX, Loss.BINARY_CROSS_ENTROPY));
        assertEquals(Loss.SQUARED_ERROR, NetworkRules.lossFor(Activation.LINEAR, Loss.SQUARED_ERROR));
    }

    @Test
    void classesNeedOneOutputEachOrOneForTwo() {
        assertEquals(Optional.empty(), NetworkRules.outputsForClasses(2, 1));
        assertEquals(Optional.empty(), NetworkRules.outputsForClasses(2, 2));
        assertEquals(Optional.of(new Refusal.ClassesNeedOutputs(2, 3)), NetworkRules.outputsForClasses(2, 3));
        assertEquals(Optional.empty(), NetworkRules.outputsForClasses(3, 3));
        assertEquals(Optional.of(new Refusal.ClassesNeedOutputs(3, 1)), NetworkRules.outputsForClasses(3, 1));
        assertEquals(Optional.empty(), NetworkRules.outputsForClasses(0, 4), "regression is up to its targets");
    }

    @Test
    void pointsNeedOneOutputPerTargetNumber() {
        assertEquals(Optional.empty(), NetworkRules.outputsForTargets(1, 1));
        assertEquals(Optional.of(new Refusal.TargetsNeedOutputs(1, 2)), NetworkRules.outputsForTargets(1, 2));
        assertEquals(Optional.empty(), NetworkRules.outputsForTargets(3, 3));
    }

    @Test
    void layersAreLimitedInNumberAndSize() {
        assertEquals(Optional.empty(), NetworkRules.layerCount(NetworkRules.MAX_LAYERS));
        assertEquals(Optional.of(new Refusal.TooManyLayers(NetworkRules.MAX_LAYERS + 1)),
                NetworkRules.layerCount(NetworkRules.MAX_LAYERS + 1));
        assertEquals(Optional.empty(), NetworkRules.layerSize(1));
        assertEquals(Optional.empty(), NetworkRules.layerSize(NetworkRules.MAX_LAYER_SIZE));
        assertEquals(Optional.of(new Refusal.LayerSizeOutOfRange(0)), NetworkRules.layerSize(0));
        assertEquals(Optional.of(new Refusal.LayerSizeOutOfRange(NetworkRules.MAX_LAYER_SIZE + 1)),
                NetworkRules.layerSize(NetworkRules.MAX_LAYER_SIZE + 1));
    }

    @Test
    void aWholeShapeIsAskedEveryRuleOfItsLayers() {
        LayerSpec hidden = new LayerSpec(4, Activation.TANH);
        assertEquals(Optional.empty(), NetworkRules.layers(List.of(hidden, new LayerSpec(3, Activation.SOFTMAX))));
        assertEquals(Optional.of(new Refusal.SoftmaxBeforeOutput(0)),
                NetworkRules.layers(List.of(new LayerSpec(4, Activation.SOFTMAX), new LayerSpec(3, Activation.SOFTMAX))));
        assertEquals(Optional.of(new Refusal.LayerSizeOutOfRange(NetworkRules.MAX_LAYER_SIZE + 1)),
                NetworkRules.layers(List.of(new LayerSpec(NetworkRules.MAX_LAYER_SIZE + 1, Activation.TANH), hidden)));
        assertEquals(Optional.of(new Refusal.TooManyLayers(NetworkRules.MAX_LAYERS + 1)),
                NetworkRules.layers(Collections.nCopies(NetworkRules.MAX_LAYERS + 1, hidden)));
    }

    @Test
    void theNetworkReadsAtLeastOneFeatureEachOnce() {
        assertEquals(Optional.empty(), NetworkRules.features(List.of(InputFeature.X1, InputFeature.X2)));
        assertEquals(Optional.of(new Refusal.NoInputs()), NetworkRules.features(List.of()));
        assertEquals(Optional.of(new Refusal.RepeatedFeature(InputFeature.X1)),
                NetworkRules.features(List.of(InputFeature.X1, InputFeature.X2, InputFeature.X1)));
    }

    @Test
    void theLabOffersHiddenLayersAllButSoftmaxAndTheOutputWhatSuitsAnOutput() {
        assertEquals(List.of(Activation.SIGMOID, Activation.TANH, Activation.RELU, Activation.LEAKY_RELU, Activation.LINEAR),
                NetworkRules.offeredActivations(0, 2, 4));
        assertEquals(List.of(Activation.SIGMOID, Activation.TANH, Activation.LINEAR), NetworkRules.offeredActivations(1, 2, 1));
        assertEquals(List.of(Activation.SIGMOID, Activation.TANH, Activation.LINEAR, Activation.SOFTMAX),
                NetworkRules.offeredActivations(1, 2, 3));
    }

    @Test
    void aRegressionSetBringsALinearOutputAndSquaredError() {
        assertEquals(new NetworkRules.Output(Activation.LINEAR, Loss.SQUARED_ERROR), NetworkRules.outputForData(2, 0, SIGMOID_BCE));
        NetworkRules.Output tanh = new NetworkRules.Output(Activation.TANH, Loss.SQUARED_ERROR);
        assertEquals(tanh, NetworkRules.outputForData(0, 0, tanh), "regression to regression keeps the user's choice");
    }

    @Test
    void classesAfterRegressionBringASigmoidBackInPlaceOfALinearOutput() {
        NetworkRules.Output linear = new NetworkRules.Output(Activation.LINEAR, Loss.SQUARED_ERROR);
        assertEquals(new NetworkRules.Output(Activation.SIGMOID, Loss.SQUARED_ERROR), NetworkRules.outputForData(0, 2, linear));
        NetworkRules.Output tanh = new NetworkRules.Output(Activation.TANH, Loss.SQUARED_ERROR);
        assertEquals(tanh, NetworkRules.outputForData(0, 2, tanh), "a bounded output already suits classes");
        assertEquals(SIGMOID_BCE, NetworkRules.outputForData(2, 3, SIGMOID_BCE), "classes to classes change nothing");
    }

    @Test
    void dropoutAndBatchNormalisationBelongToHiddenLayers() {
        LayerSpec hidden = new LayerSpec(4, Activation.RELU);
        assertEquals(Optional.empty(), NetworkRules.layer(0, 2, hidden.withDropout(0.5).withBatchNorm(true)));
        LayerSpec output = new LayerSpec(1, Activation.SIGMOID);
        assertEquals(Optional.of(new Refusal.DropoutOnOutput()), NetworkRules.layer(1, 2, output.withDropout(0.5)));
        assertEquals(Optional.of(new Refusal.BatchNormOnOutput()), NetworkRules.layer(1, 2, output.withBatchNorm(true)));
    }

    @Test
    void aDropoutRateMustLeaveSomethingToKeep() {
        LayerSpec layer = new LayerSpec(4, Activation.RELU);
        assertEquals("a dropout rate must be at least 0 and below 1, got 1.0",
                assertThrows(IllegalArgumentException.class, () -> layer.withDropout(1)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> layer.withDropout(-0.1));
        assertThrows(IllegalArgumentException.class, () -> layer.withDropout(Double.NaN));
    }

    @Test
    void everyReasonHasAMessageKeyAndEnglish() {
        List<Refusal> refusals = List.of(new Refusal.SoftmaxBeforeOutput(0), new Refusal.SoftmaxTooFewOutputs(1),
                new Refusal.LossNeedsOutput(Loss.SOFTMAX_CROSS_ENTROPY, Activation.SIGMOID), new Refusal.ClassesNeedOutputs(2, 3),
                new Refusal.ClassesNeedOutputs(3, 1), new Refusal.TargetsNeedOutputs(1, 2), new Refusal.TooManyLayers(17),
                new Refusal.LayerSizeOutOfRange(0), new Refusal.NoInputs(), new Refusal.RepeatedFeature(InputFeature.X1),
                new Refusal.DropoutOnOutput(), new Refusal.BatchNormOnOutput());
        for (Refusal refusal : refusals) {
            assertTrue(refusal.messageKey().startsWith("rule."), refusal::toString);
            assertTrue(!refusal.english().isBlank(), refusal::toString);
        }
    }

    @Test
    void theEngineRefusesToBuildANetworkTheRulesForbid() {
        var rng = new SplittableRandom(1);
        IllegalArgumentException hidden = assertThrows(IllegalArgumentException.class, () -> Network.create(2,
                List.of(new LayerSpec(3, Activation.SOFTMAX), new LayerSpec(2, Activation.SOFTMAX)), Initializer.XAVIER, rng));
        assertEquals("softmax is only allowed on the output layer, found on layer 1", hidden.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Network.create(2, List.of(new LayerSpec(1, Activation.SOFTMAX)), Initializer.XAVIER, rng));
    }
}
