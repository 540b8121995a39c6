package org.backproplab.ui.graph;

/**
 * What the network graph's edges show. The weight says what the network has learned; the gradient
 * and the step say where the last training step pushed it, which is what backpropagation is about.
 */
public enum EdgeValue {
    /** w, the weight itself. */
    WEIGHT("weight"),
    /** ∂L/∂w of the last training step. */
    GRADIENT("gradient"),
    /** Δw, how far the last training step moved the weight. */
    STEP("step");

    private final String key;

    EdgeValue(String key) {
        this.key = key;
    }

    /** The part of message keys that names this choice (edges.weight, graph.legend.width.weight, …). */
    public String key() {
        return key;
    }
}
