package org.backproplab.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.backproplab.engine.Activation;
import org.backproplab.engine.Initializer;
import org.backproplab.engine.LayerSpec;
import org.backproplab.engine.Network;
import org.junit.jupiter.api.Test;

/** Which values of a pass are known after each sub-step, for a 2-2-2 and a 2-3-1 network. */
class PassProgressTest {

    /** Mazur's 2-2-2 network. */
    private final StepTrace twoTwoTwo = MazurExample.trace();
    private final StepTrace twoThreeOne = MazurExample.trace(
            Network.create(2, List.of(new LayerSpec(3, Activation.TANH), new LayerSpec(1, Activation.SIGMOID)),
                    Initializer.XAVIER, new SplittableRandom(7)),
            MazurExample.hyperparameters(), new double[][] {MazurExample.INPUTS}, new double[][] {{1}});

    private static PassProgress after(StepTrace trace, Granularity granularity, SubStep step) {
        List<SubStep> steps = trace.subSteps(granularity);
        return PassProgress.after(steps, steps.indexOf(step));
    }

    @Test
    void beforeTheFirstSubStepNothingIsKnown() {
        PassProgress nothing = PassProgress.after(twoThreeOne.subSteps(Granularity.NEURON), -1);
        assertFalse(nothing.forwardDone(0, 0));
        assertFalse(nothing.lossKnown());
        assertFalse(nothing.deltaKnown(1, 0));
        assertFalse(nothing.gradientKnown(0, 0));
        assertFalse(nothing.updated(0, 0));
    }

    @Test
    void theFirstSubStepComputesTheFirstNeuronOrTheFirstLayer() {
        PassProgress neuron = PassProgress.after(twoThreeOne.subSteps(Granularity.NEURON), 0);
        assertTrue(neuron.forwardDone(0, 0));
        assertFalse(neuron.forwardDone(0, 1), "its neighbour comes next");
        assertFalse(neuron.forwardDone(1, 0));

        PassProgress layer = PassProgress.after(twoThreeOne.subSteps(Granularity.LAYER), 0);
        assertTrue(layer.forwardDone(0, 0));
        assertTrue(layer.forwardDone(0, 2), "a layer step computes every neuron of the layer");
        assertFalse(layer.forwardDone(1, 0));
        assertFalse(layer.lossKnown());
    }

    @Test
    void afterTheLastSubStepEverythingIsKnownAndEveryLayerUpdated() {
        for (StepTrace trace : List.of(twoTwoTwo, twoThreeOne)) {
            for (Granularity granularity : Granularity.values()) {
                List<SubStep> steps = trace.subSteps(granularity);
                PassProgress all = PassProgress.after(steps, steps.size() - 1);
                for (int l = 0; l < trace.layers().size(); l++) {
                    for (int n = 0; n < trace.layers().get(l).size(); n++) {
                        assertTrue(all.forwardDone(l, n) && all.deltaKnown(l, n), l + "," + n);
                        assertTrue(all.gradientKnown(l, n) && all.updated(l, n), l + "," + n);
                    }
                }
                assertTrue(all.lossKnown());
            }
        }
    }

    @Test
    void neuronByNeuronTheBackwardPassRunsFromTheOutputLayerBack() {
        // 2-2-2: after δ of the first output neuron, the second output's δ and the hidden δ are still to come.
        PassProgress partWay = after(twoTwoTwo, Granularity.NEURON, new SubStep.BackwardNeuron(1, 0));
        assertTrue(partWay.lossKnown());
        assertTrue(partWay.forwardDone(1, 1));
        assertTrue(partWay.deltaKnown(1, 0));
        assertFalse(partWay.deltaKnown(1, 1));
        assertFalse(partWay.deltaKnown(0, 0));
        assertFalse(partWay.gradientKnown(1, 0));

        // 2-3-1: the single output's δ is known before any of the three hidden ones.
        PassProgress hidden = after(twoThreeOne, Granularity.NEURON, new SubStep.BackwardNeuron(0, 1));
        assertTrue(hidden.deltaKnown(1, 0));
        assertTrue(hidden.deltaKnown(0, 0) && hidden.deltaKnown(0, 1));
        assertFalse(hidden.deltaKnown(0, 2));
    }

    @Test
    void layerByLayerGradientsThenUpdatesGoFirstLayerToLast() {
        PassProgress lossOnly = after(twoThreeOne, Granularity.LAYER, new SubStep.ComputeLoss());
        assertTrue(lossOnly.lossKnown());
        assertTrue(lossOnly.forwardDone(1, 0));
        assertFalse(lossOnly.deltaKnown(1, 0));

        PassProgress firstGradients = after(twoTwoTwo, Granularity.LAYER, new SubStep.Gradients(0));
        assertTrue(firstGradients.deltaKnown(0, 1), "every δ comes before any gradient");
        assertTrue(firstGradients.gradientKnown(0, 0) && firstGradients.gradientKnown(0, 1));
        assertFalse(firstGradients.gradientKnown(1, 0));

        PassProgress firstUpdate = after(twoThreeOne, Granularity.LAYER, new SubStep.Update(0));
        assertTrue(firstUpdate.gradientKnown(1, 0));
        assertTrue(firstUpdate.updated(0, 0) && firstUpdate.updated(0, 2));
        assertFalse(firstUpdate.updated(1, 0));
    }

    @Test
    void neuronByNeuronTheGradientsAndUpdatesTakeOneNeuronAtATimeAfterEveryDelta() {
        List<SubStep> steps = twoThreeOne.subSteps(Granularity.NEURON);
        assertEquals(List.of(new SubStep.BackwardNeuron(0, 2),
                        new SubStep.GradientsNeuron(0, 0), new SubStep.GradientsNeuron(0, 1), new SubStep.GradientsNeuron(0, 2),
                        new SubStep.GradientsNeuron(1, 0),
                        new SubStep.UpdateNeuron(0, 0), new SubStep.UpdateNeuron(0, 1), new SubStep.UpdateNeuron(0, 2),
                        new SubStep.UpdateNeuron(1, 0)),
                steps.subList(steps.size() - 9, steps.size()));
        assertEquals(17, steps.size(), "4 forward, the loss, 4 δ, 4 gradients, 4 updates");

        PassProgress secondGradients = after(twoThreeOne, Granularity.NEURON, new SubStep.GradientsNeuron(0, 1));
        assertTrue(secondGradients.deltaKnown(0, 2), "every δ comes before any gradient");
        assertTrue(secondGradients.gradientKnown(0, 0) && secondGradients.gradientKnown(0, 1));
        assertFalse(secondGradients.gradientKnown(0, 2), "the third hidden neuron's gradients come next");
        assertFalse(secondGradients.gradientKnown(1, 0));
        assertFalse(secondGradients.updated(0, 0));

        PassProgress secondUpdate = after(twoThreeOne, Granularity.NEURON, new SubStep.UpdateNeuron(0, 1));
        assertTrue(secondUpdate.gradientKnown(1, 0), "every gradient comes before any update");
        assertTrue(secondUpdate.updated(0, 0) && secondUpdate.updated(0, 1));
        assertFalse(secondUpdate.updated(0, 2));
        assertFalse(secondUpdate.updated(1, 0));
    }

    @Test
    void aSubStepAnswersTheSameAtTheGranularityItBelongsTo() {
        SubStep neuronStep = new SubStep.ForwardNeuron(0, 1);
        assertEquals(after(twoThreeOne, Granularity.NEURON, neuronStep), PassProgress.through(twoThreeOne, neuronStep));
        SubStep layerStep = new SubStep.BackwardLayer(1);
        assertEquals(after(twoThreeOne, Granularity.LAYER, layerStep), PassProgress.through(twoThreeOne, layerStep));
        SubStep neuronUpdate = new SubStep.UpdateNeuron(0, 2);
        assertEquals(after(twoThreeOne, Granularity.NEURON, neuronUpdate), PassProgress.through(twoThreeOne, neuronUpdate));
        assertEquals("Update[layer=2] is not a sub-step of this trace",
                assertThrows(IllegalArgumentException.class,
                        () -> PassProgress.through(twoThreeOne, new SubStep.Update(2))).getMessage());
    }

    @Test
    void aMomentOutsideThePassIsRefused() {
        List<SubStep> steps = twoTwoTwo.subSteps(Granularity.LAYER);
        assertThrows(IndexOutOfBoundsException.class, () -> PassProgress.after(steps, steps.size()));
        assertThrows(IndexOutOfBoundsException.class, () -> PassProgress.after(steps, -2));
    }
}
