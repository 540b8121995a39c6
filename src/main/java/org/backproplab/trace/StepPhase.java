package org.backproplab.trace;

import java.util.Locale;

/**
 * The five parts of a training step, in the order of the pass: a notebook gives each a cell, a
 * handout and an exercise sheet a section.
 */
public enum StepPhase {
    FORWARD, LOSS, BACKWARD, GRADIENTS, UPDATE;

    /** The stem of the phase's keys in the handout's words ("forward" for forward.heading, forward.intro). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The phase a sub-step (of either granularity) belongs to. */
    public static StepPhase of(SubStep subStep) {
        return switch (subStep) {
            case SubStep.ForwardLayer _, SubStep.ForwardNeuron _, SubStep.Normalise _, SubStep.ScaleAndShift _ -> FORWARD;
            case SubStep.ComputeLoss _ -> LOSS;
            case SubStep.BackwardLayer _, SubStep.BackwardNeuron _, SubStep.BackwardNormalise _ -> BACKWARD;
            case SubStep.Gradients _, SubStep.GradientsNeuron _ -> GRADIENTS;
            case SubStep.Update _, SubStep.UpdateNeuron _ -> UPDATE;
        };
    }

    /** The whole-layer sub-step a neuron's sub-step is part of: the code works a layer at a time. */
    public static SubStep wholeLayer(SubStep subStep) {
        return switch (subStep) {
            case SubStep.ForwardNeuron n -> new SubStep.ForwardLayer(n.layer());
            case SubStep.BackwardNeuron n -> new SubStep.BackwardLayer(n.layer());
            case SubStep.GradientsNeuron n -> new SubStep.Gradients(n.layer());
            case SubStep.UpdateNeuron n -> new SubStep.Update(n.layer());
            case SubStep.ForwardLayer _, SubStep.ComputeLoss _, SubStep.BackwardLayer _, SubStep.Gradients _,
                    SubStep.Update _, SubStep.Normalise _, SubStep.ScaleAndShift _, SubStep.BackwardNormalise _ -> subStep;
        };
    }
}
