package org.backproplab.trace;

/**
 * One thing a student watches happen inside a training step. Layers are numbered from 0 for the
 * first layer after the inputs; neurons from 0 within their layer.
 */
public sealed interface SubStep {

    /** z and a of a whole layer. */
    record ForwardLayer(int layer) implements SubStep {
    }

    /** z and a of one neuron. */
    record ForwardNeuron(int layer, int neuron) implements SubStep {
    }

    /** The loss, from the outputs and the targets. */
    record ComputeLoss() implements SubStep {
    }

    /** δ of a whole layer: the output error for the last layer, (Wᵀδ) ⊙ f′(z) for hidden ones. */
    record BackwardLayer(int layer) implements SubStep {
    }

    /** δ of one neuron. */
    record BackwardNeuron(int layer, int neuron) implements SubStep {
    }

    /** ∂L/∂W = δ·aᵀ and ∂L/∂b = δ of one layer. */
    record Gradients(int layer) implements SubStep {
    }

    /** ∂L/∂w = δ·a of each weight into one neuron, and ∂L/∂b = δ of its bias. */
    record GradientsNeuron(int layer, int neuron) implements SubStep {
    }

    /** W ← W + ΔW, b ← b + Δb of one layer. */
    record Update(int layer) implements SubStep {
    }

    /** w ← w + Δw of each weight into one neuron, and b ← b + Δb of its bias. */
    record UpdateNeuron(int layer, int neuron) implements SubStep {
    }

    /**
     * The granularity whose pass lists this sub-step. The loss is one sub-step at either; it
     * answers {@link Granularity#LAYER}.
     */
    default Granularity granularity() {
        return switch (this) {
            case ForwardNeuron _, BackwardNeuron _, GradientsNeuron _, UpdateNeuron _ -> Granularity.NEURON;
            case ForwardLayer _, ComputeLoss _, BackwardLayer _, Gradients _, Update _ -> Granularity.LAYER;
        };
    }
}
