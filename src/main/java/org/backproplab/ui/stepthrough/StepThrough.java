package org.backproplab.ui.stepthrough;

import java.util.Optional;
import org.backproplab.trace.Granularity;
import org.backproplab.trace.StepTrace;
import org.backproplab.trace.SubStep;
import org.backproplab.training.LabSnapshot;
import org.backproplab.training.TrainerCommand;
import org.backproplab.training.TrainerSnapshot;

/**
 * Where the step-through stands: the recorded passes, the one on show and the sub-step within it,
 * and what the next new pass will train. Plain state with no JavaFX, so every move is testable.
 *
 * <p>Stepping forward plays the sub-steps of the pass on show; past its end it moves to the next
 * recorded pass, and past the newest it asks the trainer for a new one (the command it returns).
 * Stepping back walks the same way in reverse, into older passes. Nothing is recomputed on the
 * way, so going back and forward again shows identical numbers.
 */
public final class StepThrough {

    /** How far one step forward goes. */
    enum StepSize {
        NEURON(Granularity.NEURON),
        LAYER(Granularity.LAYER),
        /** To the end of the pass, in one go. */
        PASS(Granularity.LAYER);

        private final Granularity granularity;

        StepSize(Granularity granularity) {
            this.granularity = granularity;
        }

        Granularity granularity() {
            return granularity;
        }
    }

    /**
     * What to show: sub-step {@code index} of {@code count} of a pass, and the lab as it was then.
     *
     * @param passIndex where the pass sits in the history, oldest first
     * @param subStep   the sub-step on show; empty for an epoch, which has none
     * @param column    which sample of the pass's batch the values are shown for
     */
    public record Frame(StepPass pass, int passIndex, Granularity granularity, int index, int count,
            Optional<SubStep> subStep, LabSnapshot lab, int column) {

        boolean atEnd() {
            return index == count - 1;
        }
    }

    /** A pass asked of the trainer and not yet arrived. */
    private record Pending(StepPass.Size size, int sample, TrainerSnapshot before) {
    }

    private final StepHistory history;
    /** Predict mode's questions and score, which belong with the passes they were asked about. */
    private final PredictQuiz quiz = new PredictQuiz();
    private StepPass.Size passSize = StepPass.Size.SAMPLE;
    private StepSize stepSize = StepSize.NEURON;
    private int focus;
    private int column;
    /** The pass on show, as an index into the history; −1 before the first pass. */
    private int passIndex = -1;
    private int index;
    private Pending pending;
    private TrainerSnapshot live;
    private StepTrace lastTrace;
    private long passesMade;

    StepThrough(StepHistory history) {
        this.history = history;
    }

    // --- what the trainer publishes ---

    /**
     * Takes every snapshot the trainer publishes, in step-through mode or not ({@code recording}),
     * so that a pass's "before" is always the snapshot shown just before it. While recording, a
     * snapshot with a new trace, or the end of an asked-for epoch, becomes the newest pass and the
     * one on show. Returns whether it did.
     */
    boolean offer(TrainerSnapshot snapshot, boolean recording) {
        StepTrace trace = snapshot.trace().orElse(null);
        boolean newTrace = trace != null && trace != lastTrace;
        lastTrace = trace;
        TrainerSnapshot previous = live;
        live = snapshot;
        focus = Math.clamp(focus, 0, Math.max(0, snapshot.lab().trainPoints().size() - 1));
        if (!recording || previous == null) {
            pending = null;
            return false;
        }
        if (newTrace) {
            boolean asked = pending != null && pending.size() != StepPass.Size.EPOCH;
            TrainerSnapshot before = asked ? pending.before() : previous;
            int sample = asked && pending.size() == StepPass.Size.SAMPLE ? pending.sample() : -1;
            StepPass.Size size = asked ? pending.size()
                    : trace.batchSize() == 1 ? StepPass.Size.SAMPLE : StepPass.Size.BATCH;
            record(new StepPass(++passesMade, size, sample, Optional.of(trace), snapshot.settings(), before.lab(),
                    snapshot.lab()));
            return true;
        }
        if (pending != null && pending.size() == StepPass.Size.EPOCH && snapshot.epoch() > pending.before().epoch()) {
            record(new StepPass(++passesMade, StepPass.Size.EPOCH, -1, Optional.empty(), snapshot.settings(),
                    pending.before().lab(), snapshot.lab()));
            return true;
        }
        if (pending != null && snapshot.notice().isPresent()) {
            // Refused or diverged: no pass is coming.
            pending = null;
        }
        return false;
    }

    private void record(StepPass pass) {
        pending = null;
        history.add(pass);
        passIndex = history.size() - 1;
        column = 0;
        index = stepSize == StepSize.PASS ? lastIndex() : 0;
    }

    /** The newest snapshot the trainer published, recorded or not. */
    Optional<TrainerSnapshot> live() {
        return Optional.ofNullable(live);
    }

    // --- moving ---

    /**
     * One step forward. Returns the command that trains a new pass when there is no recorded one
     * left to show; nothing is asked while an earlier request is still on its way.
     */
    Optional<TrainerCommand> forward() {
        if (pending != null) {
            return Optional.empty();
        }
        if (passIndex >= 0) {
            int last = lastIndex();
            if (index < last) {
                index = stepSize == StepSize.PASS ? last : index + 1;
                return Optional.empty();
            }
            if (passIndex < history.size() - 1) {
                passIndex++;
                column = 0;
                index = stepSize == StepSize.PASS ? lastIndex() : 0;
                return Optional.empty();
            }
        }
        return requestPass();
    }

    private Optional<TrainerCommand> requestPass() {
        if (live == null || live.lab().trainPoints().isEmpty()) {
            return Optional.empty();
        }
        pending = new Pending(passSize, focus, live);
        return Optional.of(switch (passSize) {
            case SAMPLE -> new TrainerCommand.StepSample(focus);
            case BATCH -> new TrainerCommand.StepBatch();
            case EPOCH -> new TrainerCommand.StepEpoch();
        });
    }

    /** One step back, into the previous pass when at the start of this one. Returns whether it moved. */
    boolean back() {
        if (passIndex < 0) {
            return false;
        }
        if (index > 0 && stepSize != StepSize.PASS) {
            index--;
            return true;
        }
        if (passIndex > 0) {
            passIndex--;
            column = 0;
            index = lastIndex();
            return true;
        }
        return false;
    }

    /** To the end of the pass on show. Returns whether it moved. */
    boolean skipToEnd() {
        if (passIndex < 0 || index == lastIndex()) {
            return false;
        }
        index = lastIndex();
        return true;
    }

    boolean canGoBack() {
        return passIndex > 0 || (passIndex == 0 && index > 0 && stepSize != StepSize.PASS);
    }

    boolean isWaiting() {
        return pending != null;
    }

    /** Forgets an unanswered request, e.g. when step-through mode is switched off. */
    void cancelRequest() {
        pending = null;
    }

    // --- the history slider ---

    /** Stops across the whole history at the current step size. */
    int positions() {
        int total = 0;
        for (int p = 0; p < history.size(); p++) {
            total += stopsIn(history.get(p));
        }
        return total;
    }

    /** The current stop, counted across the history. */
    public int position() {
        int before = 0;
        for (int p = 0; p < passIndex; p++) {
            before += stopsIn(history.get(p));
        }
        return passIndex < 0 ? 0 : before + (stepSize == StepSize.PASS ? 0 : index);
    }

    /** Shows the stop at {@code position} of the whole history. */
    void seek(int position) {
        int remaining = Math.max(0, position);
        for (int p = 0; p < history.size(); p++) {
            int stops = stopsIn(history.get(p));
            if (remaining < stops || p == history.size() - 1) {
                passIndex = p;
                column = 0;
                index = stepSize == StepSize.PASS ? lastIndex() : Math.min(remaining, lastIndex());
                return;
            }
            remaining -= stops;
        }
    }

    private int stopsIn(StepPass pass) {
        return stepSize == StepSize.PASS ? 1 : pass.stepCount(stepSize.granularity());
    }

    // --- choices ---

    StepPass.Size passSize() {
        return passSize;
    }

    /** What the next new pass trains; passes already recorded stay as they were. */
    void setPassSize(StepPass.Size size) {
        passSize = size;
    }

    StepSize stepSize() {
        return stepSize;
    }

    /** Changes the step size, staying at the same moment of the pass (as near as the new size allows). */
    void setStepSize(StepSize size) {
        if (passIndex >= 0 && size.granularity() != stepSize.granularity()) {
            StepPass pass = current();
            Optional<SubStep> now = pass.subStep(stepSize.granularity(), index);
            index = now.map(step -> pass.subSteps(size.granularity()).indexOf(counterpart(step, pass))).orElse(0);
        }
        stepSize = size;
    }

    /** The same moment at the other granularity: a whole layer done is its last neuron done, and back. */
    private static SubStep counterpart(SubStep step, StepPass pass) {
        return switch (step) {
            case SubStep.ForwardNeuron(int layer, int neuron) -> new SubStep.ForwardLayer(layer);
            case SubStep.BackwardNeuron(int layer, int neuron) -> new SubStep.BackwardLayer(layer);
            case SubStep.GradientsNeuron(int layer, int neuron) -> new SubStep.Gradients(layer);
            case SubStep.UpdateNeuron(int layer, int neuron) -> new SubStep.Update(layer);
            case SubStep.ForwardLayer(int layer) -> new SubStep.ForwardNeuron(layer, neuronsIn(pass, layer) - 1);
            case SubStep.BackwardLayer(int layer) -> new SubStep.BackwardNeuron(layer, neuronsIn(pass, layer) - 1);
            case SubStep.Gradients(int layer) -> new SubStep.GradientsNeuron(layer, neuronsIn(pass, layer) - 1);
            case SubStep.Update(int layer) -> new SubStep.UpdateNeuron(layer, neuronsIn(pass, layer) - 1);
            case SubStep.ComputeLoss loss -> loss;
            // Batch normalisation couples the layer's whole batch: one sub-step at either granularity.
            case SubStep.Normalise normalise -> normalise;
            case SubStep.ScaleAndShift scaleAndShift -> scaleAndShift;
            case SubStep.BackwardNormalise backward -> backward;
        };
    }

    private static int neuronsIn(StepPass pass, int layer) {
        return pass.after().network().layer(layer).size();
    }

    /** The training sample the next sample pass steps through. */
    int focus() {
        return focus;
    }

    public void setFocus(int sample) {
        if (!hasSample(sample)) {
            throw new IllegalArgumentException("no training sample " + sample + " (there are " + liveSamples() + ")");
        }
        focus = sample;
    }

    /**
     * Whether the lab has training sample {@code sample} now: a pass in the history may be of a
     * sample that has since been deleted, or of a lab with more points than this one.
     */
    boolean hasSample(int sample) {
        return sample >= 0 && sample < liveSamples();
    }

    private int liveSamples() {
        return live == null ? 0 : live.lab().trainPoints().size();
    }

    /** Shows the values of another sample of a mini-batch pass. */
    void setColumn(int sampleInBatch) {
        if (passIndex < 0 || sampleInBatch < 0 || sampleInBatch >= Math.max(1, current().batchSize())) {
            throw new IllegalArgumentException("no sample " + sampleInBatch + " in this pass's batch");
        }
        column = sampleInBatch;
    }

    // --- what to show ---

    public Optional<Frame> frame() {
        if (passIndex < 0) {
            return Optional.empty();
        }
        StepPass pass = current();
        Granularity granularity = stepSize.granularity();
        return Optional.of(new Frame(pass, passIndex, granularity, index, pass.stepCount(granularity),
                pass.subStep(granularity, index), pass.labAt(granularity, index), column));
    }

    PredictQuiz quiz() {
        return quiz;
    }

    int passCount() {
        return history.size();
    }

    private StepPass current() {
        return history.get(passIndex);
    }

    private int lastIndex() {
        return current().stepCount(stepSize.granularity()) - 1;
    }
}
