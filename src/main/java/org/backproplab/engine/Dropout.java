package org.backproplab.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.backproplab.trace.DropoutTrace;
import org.backproplab.trace.Matrix;
import org.ejml.data.DMatrixRMaj;

/**
 * Inverted dropout over one pass of a batch, for every layer whose rate p is above 0.
 *
 * <p>Forward, after the activation: a = m ⊙ f(z) / (1 − p), where each entry of the mask m is 1
 * (kept, with probability 1 − p) or 0 (dropped). Dividing by 1 − p keeps each output's expected
 * value f(z), so evaluation can simply use every neuron unscaled.
 *
 * <p>Backward: a dropped output took no part in the loss, so δ = (Wᵀδ_next) ⊙ m / (1 − p) ⊙ f′(z),
 * with f′ at the same z as before (not at the scaled a).
 *
 * <p>A pass either draws fresh masks (training), uses the masks of the pass before (a gradient
 * check, whose central differences must see the very network the analytic gradient saw), or applies
 * no dropout at all (evaluation: heatmaps, test loss, accuracy, neuron maps).
 */
final class Dropout {

    /** What this pass does with dropout. */
    enum Mode { OFF, DRAW, REPLAY }

    /** Applies no dropout; shared, since nothing ever switches it on. */
    static final Dropout NONE = new Dropout(null);

    private final RandomGenerator source;
    private Mode mode = Mode.OFF;
    /** Per layer: 1 kept, 0 dropped, one column per sample; 0×0 for a layer without dropout this pass. */
    private final List<DMatrixRMaj> masks = new ArrayList<>();
    /** Per layer: f(z) before the mask and the scaling, what f′ and the trace need. */
    private final List<DMatrixRMaj> before = new ArrayList<>();

    /** @param source where fresh masks are drawn from: the lesson's random source, for a reproducible run */
    Dropout(RandomGenerator source) {
        this.source = source;
    }

    void setMode(Mode mode) {
        if (mode == Mode.DRAW && source == null) {
            throw new IllegalStateException("dropout needs a random source to draw its masks from");
        }
        this.mode = mode;
    }

    /** After layer {@code l}'s activation: masks and scales {@code a} in place, keeping f(z) aside. */
    void apply(int l, Layer layer, DMatrixRMaj a) {
        if (mode == Mode.OFF) {
            return;
        }
        while (masks.size() <= l) {
            masks.add(new DMatrixRMaj(0, 0));
            before.add(new DMatrixRMaj(0, 0));
        }
        DMatrixRMaj mask = masks.get(l);
        double p = layer.dropout();
        if (p == 0) {
            mask.reshape(0, 0);
            return;
        }
        if (mode == Mode.REPLAY && (mask.numRows != a.numRows || mask.numCols != a.numCols)) {
            // No mask of this shape was recorded: the pass replayed had no dropout here.
            mask.reshape(0, 0);
            return;
        }
        if (mode == Mode.DRAW) {
            mask.reshape(a.numRows, a.numCols, false);
            for (int i = 0, n = mask.getNumElements(); i < n; i++) {
                mask.data[i] = source.nextDouble() < p ? 0 : 1;
            }
        }
        before.get(l).setTo(a);
        double scale = 1 / (1 - p);
        for (int i = 0, n = a.getNumElements(); i < n; i++) {
            a.data[i] *= mask.data[i] * scale;
        }
    }

    /** Whether layer {@code l}'s outputs went through a mask in this pass. */
    boolean applied(int l) {
        return mode != Mode.OFF && l < masks.size() && masks.get(l).numRows > 0;
    }

    /** f(z) of layer {@code l}: kept aside when a mask changed {@code a}, else {@code a} itself. */
    DMatrixRMaj activation(int l, DMatrixRMaj a) {
        return applied(l) ? before.get(l) : a;
    }

    /** δ ← δ ⊙ m / (1 − p) for layer {@code l}, in place: the same mask and scale as forward. */
    void maskDelta(int l, Layer layer, DMatrixRMaj delta) {
        if (!applied(l)) {
            return;
        }
        double[] mask = masks.get(l).data;
        double scale = 1 / (1 - layer.dropout());
        for (int i = 0, n = delta.getNumElements(); i < n; i++) {
            delta.data[i] *= mask[i] * scale;
        }
    }

    /** What dropout did to layer {@code l} in this pass, copied for a trace. */
    Optional<DropoutTrace> trace(int l, Layer layer) {
        if (!applied(l)) {
            return Optional.empty();
        }
        return Optional.of(new DropoutTrace(layer.dropout(), copy(masks.get(l)), copy(before.get(l))));
    }

    /** Makes the next passes use {@code other}'s last masks (none if it applied none). */
    void replay(Dropout other) {
        mode = other.mode == Mode.OFF ? Mode.OFF : Mode.REPLAY;
        masks.clear();
        before.clear();
        for (DMatrixRMaj mask : other.masks) {
            masks.add(mask.copy());
            before.add(new DMatrixRMaj(0, 0));
        }
    }

    private static Matrix copy(DMatrixRMaj m) {
        return Matrix.copyOf(m.numRows, m.numCols, m.data);
    }
}
