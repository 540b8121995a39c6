package org.backproplab.trace;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.backproplab.trace.SubStep.BackwardLayer;
import org.backproplab.trace.SubStep.BackwardNeuron;
import org.backproplab.trace.SubStep.ComputeLoss;
import org.backproplab.trace.SubStep.ForwardLayer;
import org.backproplab.trace.SubStep.ForwardNeuron;
import org.backproplab.trace.SubStep.Gradients;
import org.backproplab.trace.SubStep.GradientsNeuron;
import org.backproplab.trace.SubStep.Update;
import org.backproplab.trace.SubStep.UpdateNeuron;

/**
 * How far a student has followed a pass: which of its values the sub-steps done so far have
 * computed. The one place that says whether a neuron's z and a, the loss, a δ, the gradients of a
 * neuron's weights and bias or their new values are known yet, so the formulas, the graph's numbers and the shown network
 * never disagree about it.
 *
 * <p>It answers the same whichever granularity the sub-steps were listed at: a neuron's values of
 * any phase are known once its own sub-step of that phase or its whole layer's is done. Layers count from 0 after
 * the inputs, as in {@link SubStep}.
 *
 * @param done       the sub-steps finished so far
 * @param normalised the layers that normalise their batch, whose a is known only after their scale and shift
 */
public record PassProgress(Set<SubStep> done, Set<Integer> normalised) {

    public PassProgress {
        done = Set.copyOf(done);
        normalised = Set.copyOf(normalised);
    }

    /**
     * Once the sub-steps {@code steps[0..last]} are done; {@code last} = −1 is the moment before the
     * first, when nothing is known yet.
     */
    public static PassProgress after(List<SubStep> steps, int last) {
        Objects.checkIndex(last + 1, steps.size() + 1);
        Set<Integer> normalised = new HashSet<>();
        steps.forEach(step -> {
            if (step instanceof SubStep.ScaleAndShift(int layer)) {
                normalised.add(layer);
            }
        });
        return new PassProgress(new HashSet<>(steps.subList(0, last + 1)), normalised);
    }

    /** Once sub-step {@code at} of the trace's pass is done, at the granularity {@code at} belongs to. */
    public static PassProgress through(StepTrace trace, SubStep at) {
        List<SubStep> steps = trace.subSteps(at.granularity());
        int now = steps.indexOf(at);
        if (now < 0) {
            throw new IllegalArgumentException(at + " is not a sub-step of this trace");
        }
        return after(steps, now);
    }

    /** Whether z and a of neuron {@code neuron} of {@code layer} have been computed (a normalised one's a after its scale and shift). */
    public boolean forwardDone(int layer, int neuron) {
        boolean summed = done.contains(new ForwardNeuron(layer, neuron)) || done.contains(new ForwardLayer(layer));
        return summed && (!normalised.contains(layer) || done.contains(new SubStep.ScaleAndShift(layer)));
    }

    /** Whether the loss has been computed (and so the targets brought in). */
    public boolean lossKnown() {
        return done.contains(new ComputeLoss());
    }

    /** Whether δ of neuron {@code neuron} of {@code layer} has been computed (a normalised one's after the step back through it). */
    public boolean deltaKnown(int layer, int neuron) {
        boolean sent = done.contains(new BackwardNeuron(layer, neuron)) || done.contains(new BackwardLayer(layer));
        return sent && (!normalised.contains(layer) || done.contains(new SubStep.BackwardNormalise(layer)));
    }

    /** Whether the gradients of the weights into neuron {@code neuron} of {@code layer}, and of its bias, have been computed. */
    public boolean gradientKnown(int layer, int neuron) {
        return done.contains(new GradientsNeuron(layer, neuron)) || done.contains(new Gradients(layer));
    }

    /** Whether the weights into neuron {@code neuron} of {@code layer}, and its bias, have been given their new values. */
    public boolean updated(int layer, int neuron) {
        return done.contains(new UpdateNeuron(layer, neuron)) || done.contains(new Update(layer));
    }
}
