package org.backproplab.ui.stepthrough;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntPredicate;
import org.backproplab.lesson.Lesson;
import org.backproplab.trace.FormulaBuilder;
import org.backproplab.trace.Granularity;
import org.backproplab.trace.LayerTrace;
import org.backproplab.trace.Matrix;
import org.backproplab.trace.PassProgress;
import org.backproplab.trace.PassQuestions;
import org.backproplab.trace.StepTrace;
import org.backproplab.trace.SubStep;
import org.backproplab.training.LabSnapshot;
import org.backproplab.training.LayerSnapshot;
import org.backproplab.training.NetworkSnapshot;

/**
 * One recorded training step as the step-through replays it: the engine's trace, and the lab just
 * before and just after. Everything shown for any of its sub-steps is read from these, never
 * recomputed, so replaying a pass (back, then forward again) shows the very same numbers.
 *
 * <p>An epoch is trained in bulk and leaves no trace: it is one step from {@code before} to
 * {@code after}.
 */
final class StepPass {

    /** How much one pass trains. */
    enum Size {
        SAMPLE,
        BATCH,
        EPOCH
    }

    private final long number;
    private final Size size;
    private final int sample;
    private final Optional<StepTrace> trace;
    private final Lesson settings;
    private final LabSnapshot before;
    private final LabSnapshot after;
    /**
     * The lab as shown once the first k neurons (counted layer by layer) have their new weights and
     * bias, made once each so views can tell them apart by identity.
     */
    private final LabSnapshot[] labs;
    private final Map<Integer, FormulaBuilder> builders = new HashMap<>();
    private final Map<Integer, PassQuestions> questions = new HashMap<>();

    /**
     * @param number  counts passes from 1, so the class can say "pass 3"
     * @param sample  the training sample stepped through, or −1 when the pass is not one known sample
     * @param settings the lesson the step was trained with, which the teacher may have changed since
     * @param before  the lab as the window showed it before the step (its heatmaps and metrics)
     * @param after   the lab the trainer published with the trace
     */
    StepPass(long number, Size size, int sample, Optional<StepTrace> trace, Lesson settings, LabSnapshot before,
            LabSnapshot after) {
        this.number = number;
        this.size = size;
        this.sample = sample;
        this.trace = trace;
        this.settings = settings;
        // Heatmaps of another shape cannot be drawn on this network (an edit slipped in before the step).
        this.before = before.network().shape().equals(after.network().shape()) ? before : after;
        this.after = after;
        this.labs = new LabSnapshot[neuronCount() + 1];
    }

    long number() {
        return number;
    }

    Size size() {
        return size;
    }

    int sample() {
        return sample;
    }

    Optional<StepTrace> trace() {
        return trace;
    }

    /** The lesson the step was trained with: its code and settings, not the trainer's now. */
    Lesson settings() {
        return settings;
    }

    LabSnapshot before() {
        return before;
    }

    LabSnapshot after() {
        return after;
    }

    int layerCount() {
        return after.network().layerCount();
    }

    private int neuronCount() {
        int neurons = 0;
        for (int l = 0; l < layerCount(); l++) {
            neurons += after.network().layer(l).size();
        }
        return neurons;
    }

    /** Samples in the step's batch: 1 for a sample, the batch size for a mini-batch, 0 for an epoch. */
    int batchSize() {
        return trace.map(StepTrace::batchSize).orElse(0);
    }

    /** The sub-steps in teaching order; empty for an epoch. */
    List<SubStep> subSteps(Granularity granularity) {
        return trace.map(t -> t.subSteps(granularity)).orElse(List.of());
    }

    /** Places the step-through can stop at: every sub-step, or the one step of an epoch. */
    int stepCount(Granularity granularity) {
        return Math.max(1, subSteps(granularity).size());
    }

    Optional<SubStep> subStep(Granularity granularity, int index) {
        List<SubStep> steps = subSteps(granularity);
        return steps.isEmpty() ? Optional.empty() : Optional.of(steps.get(index));
    }

    /**
     * The lab as it was once the step at {@code index} is done: the network before the step until
     * its neurons are updated (a layer, or one neuron, at a time); the decision boundary and metrics
     * change when the whole update is done.
     */
    LabSnapshot labAt(Granularity granularity, int index) {
        // An epoch, trained in bulk, has no sub-steps: its one step ends with every neuron updated.
        Optional<PassProgress> known = trace.map(t -> PassProgress.after(t.subSteps(granularity), index));
        // The pass updates neurons in one order, layer by layer and first to last within a layer,
        // so how many are updated says which.
        int updated = known.map(this::updatedNeurons).orElse(neuronCount());
        if (labs[updated] == null) {
            labs[updated] = updated == neuronCount() ? after : new LabSnapshot(before.title(), before.commentary(),
                    before.translations(), network(known.orElseThrow()), before.heatmaps(), before.trainPoints(),
                    before.testPoints(), before.classes(), before.domain(), before.epoch(), before.trainMetrics(),
                    before.testMetrics(), before.lastUpdate());
        }
        return labs[updated];
    }

    private int updatedNeurons(PassProgress known) {
        int updated = 0;
        for (int l = 0; l < layerCount(); l++) {
            for (int n = 0; n < after.network().layer(l).size(); n++) {
                updated += known.updated(l, n) ? 1 : 0;
            }
        }
        return updated;
    }

    /** The network with the trace's new weights and bias on each updated neuron and its old ones elsewhere. */
    private NetworkSnapshot network(PassProgress known) {
        NetworkSnapshot shape = after.network();
        List<LayerSnapshot> layers = new ArrayList<>();
        for (int l = 0; l < shape.layerCount(); l++) {
            LayerTrace layer = trace.orElseThrow().layers().get(l);
            int at = l;
            IntPredicate updated = n -> known.updated(at, n);
            layers.add(new LayerSnapshot(shape.layer(l).activation(),
                    rows(updated, layer.weightsAfter(), layer.weightsBefore()),
                    rows(updated, layer.biasesAfter(), layer.biasesBefore()), shape.layer(l).batchNorm()));
        }
        return new NetworkSnapshot(shape.inputLabels(), layers);
    }

    /** Row n of {@code after} where neuron n is updated, of {@code before} elsewhere. */
    private static Matrix rows(IntPredicate updated, Matrix after, Matrix before) {
        double[][] rows = new double[after.rows()][];
        for (int n = 0; n < rows.length; n++) {
            rows[n] = updated.test(n) ? after.row(n) : before.row(n);
        }
        return Matrix.of(rows);
    }

    /** The formulas for sample {@code column} of the step's batch, made once per column. */
    FormulaBuilder formulas(int column) {
        return builders.computeIfAbsent(column, c -> new FormulaBuilder(trace.orElseThrow(), c));
    }

    /** What predict mode asks of sample {@code column} of the step's batch, made once per column. */
    PassQuestions questions(int column) {
        return questions.computeIfAbsent(column, c -> new PassQuestions(trace.orElseThrow(), c));
    }

    /** Heatmap values a lab snapshot holds: by far the largest part of it, so what the history budgets. */
    static long cells(LabSnapshot lab) {
        long maps = lab.heatmaps().inputs().size()
                + lab.heatmaps().layers().stream().mapToLong(List::size).sum();
        return maps * lab.heatmaps().resolution() * lab.heatmaps().resolution();
    }
}
