package org.backproplab.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.IntFunction;

/**
 * Everything one training step (one sample or one mini-batch) computed, in the order a student
 * follows it. Built by the engine only when a step is asked to record, so bulk training pays
 * nothing for it.
 *
 * @param inputs          the network's inputs, one column per sample
 * @param targets         the targets, one column per sample
 * @param layers          what each layer did, from the first hidden layer to the output layer
 * @param loss            the data loss, mean over the batch
 * @param penalty         the regularization penalty added to the loss (0 when off)
 * @param lossFunction    the loss's lesson-file name, e.g. {@code "squared-error"}
 * @param optimizer       the optimizer's lesson-file name, e.g. {@code "adam"}
 * @param learningRate    η used for this step: the lesson's η as the schedule gives it for this step's epoch
 * @param optimizerConstants the optimizer's other constants (μ; β₁, β₂, ε)
 * @param gradientScale   the factor gradient clipping multiplied every gradient by (1 when not clipped)
 * @param biasesTrained   false when the lesson keeps biases fixed
 * @param schedule        how the schedule chose {@code learningRate}: the lesson's η, the epoch, the constants
 */
public record StepTrace(
        Matrix inputs,
        Matrix targets,
        List<LayerTrace> layers,
        double loss,
        double penalty,
        String lossFunction,
        String optimizer,
        double learningRate,
        OptimizerConstants optimizerConstants,
        double gradientScale,
        boolean biasesTrained,
        ScheduledRate schedule) {

    public StepTrace {
        layers = List.copyOf(layers);
    }

    public int batchSize() {
        return inputs.cols();
    }

    public LayerTrace outputLayer() {
        return layers.getLast();
    }

    /**
     * The sub-steps of this pass in teaching order: forward layer by layer, the loss, δ from the
     * output layer back, then each layer's gradients, then each layer's update. Neuron by neuron,
     * each of those but the loss takes the layer's neurons one at a time, first to last.
     */
    public List<SubStep> subSteps(Granularity granularity) {
        List<SubStep> steps = new ArrayList<>();
        for (int l = 0; l < layers.size(); l++) {
            add(steps, granularity, l, SubStep.ForwardLayer::new, SubStep.ForwardNeuron::new);
            if (layers.get(l).batchNorm().isPresent()) {
                steps.add(new SubStep.Normalise(l));
                steps.add(new SubStep.ScaleAndShift(l));
            }
        }
        steps.add(new SubStep.ComputeLoss());
        for (int l = layers.size() - 1; l >= 0; l--) {
            add(steps, granularity, l, SubStep.BackwardLayer::new, SubStep.BackwardNeuron::new);
            if (layers.get(l).batchNorm().isPresent()) {
                steps.add(new SubStep.BackwardNormalise(l));
            }
        }
        for (int l = 0; l < layers.size(); l++) {
            add(steps, granularity, l, SubStep.Gradients::new, SubStep.GradientsNeuron::new);
        }
        for (int l = 0; l < layers.size(); l++) {
            add(steps, granularity, l, SubStep.Update::new, SubStep.UpdateNeuron::new);
        }
        return List.copyOf(steps);
    }

    /** Layer {@code l}'s part of one phase: its one layer sub-step, or one sub-step per neuron. */
    private void add(List<SubStep> steps, Granularity granularity, int l, IntFunction<SubStep> wholeLayer,
            BiFunction<Integer, Integer, SubStep> oneNeuron) {
        if (granularity == Granularity.LAYER) {
            steps.add(wholeLayer.apply(l));
        } else {
            for (int n = 0; n < layers.get(l).size(); n++) {
                steps.add(oneNeuron.apply(l, n));
            }
        }
    }
}
