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

    /** μ and σ² of z over the batch and x̂ = (z − μ)/√(σ² + ε), of a layer that normalises its batch. */
    record Normalise(int layer) implements SubStep {
    }

    /** y = γ·x̂ + β and a = f(y), of a layer that normalises its batch. */
    record ScaleAndShift(int layer) implements SubStep {
    }

    /** ∂L/∂γ, ∂L/∂β and δ = ∂L/∂z from δʸ, back through a layer's batch normalisation. */
    record BackwardNormalise(int layer) implements SubStep {
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
     * The granularity whose pass lists this sub-step. The loss and batch normalisation's steps
     * (whose numbers couple a layer's whole batch) are one sub-step at either; they answer
     * {@link Granularity#LAYER}.
     */
    default Granularity granularity() {
        return switch (this) {
            case ForwardNeuron _, BackwardNeuron _, GradientsNeuron _, UpdateNeuron _ -> Granularity.NEURON;
            case ForwardLayer _, ComputeLoss _, BackwardLayer _, Gradients _, Update _, Normalise _, ScaleAndShift _,
                    BackwardNormalise _ -> Granularity.LAYER;
        };
    }
}
