package org.backproplab.trace;

import java.util.ArrayList;
import java.util.List;

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
 * @param learningRate    η used for this step
 * @param optimizerConstants the optimizer's other constants (μ; β₁, β₂, ε)
 * @param gradientScale   the factor gradient clipping multiplied every gradient by (1 when not clipped)
 * @param biasesTrained   false when the lesson keeps biases fixed
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
        boolean biasesTrained) {

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
     * output layer back, then each layer's gradients, then each layer's update.
     */
    public List<SubStep> subSteps(Granularity granularity) {
        List<SubStep> steps = new ArrayList<>();
        for (int l = 0; l < layers.size(); l++) {
            if (granularity == Granularity.LAYER) {
                steps.add(new SubStep.ForwardLayer(l));
            } else {
                for (int n = 0; n < layers.get(l).size(); n++) {
                    steps.add(new SubStep.ForwardNeuron(l, n));
                }
            }
        }
        steps.add(new SubStep.ComputeLoss());
        for (int l = layers.size() - 1; l >= 0; l--) {
            if (granularity == Granularity.LAYER) {
                steps.add(new SubStep.BackwardLayer(l));
            } else {
                for (int n = 0; n < layers.get(l).size(); n++) {
                    steps.add(new SubStep.BackwardNeuron(l, n));
                }
            }
        }
        for (int l = 0; l < layers.size(); l++) {
            steps.add(new SubStep.Gradients(l));
        }
        for (int l = 0; l < layers.size(); l++) {
            steps.add(new SubStep.Update(l));
        }
        return List.copyOf(steps);
    }
}
