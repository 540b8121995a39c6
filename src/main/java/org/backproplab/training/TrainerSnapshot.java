package org.backproplab.training;

import java.util.List;
import java.util.Optional;
import org.backproplab.lesson.LayerWeights;
import org.backproplab.lesson.Lesson;
import org.backproplab.trace.StepTrace;

/**
 * What the trainer publishes: the lab as the views draw it, and the trainer's own state for the
 * controls. Immutable; a newer one replaces an older one that was never taken.
 *
 * @param version  increases with every snapshot, so a view can tell new from seen
 * @param lab      network, heatmaps, points and metrics
 * @param settings the lesson with every setting as it is now (hyperparameters, shape, data)
 * @param playing  whether training runs continuously
 * @param speed    epochs per second while playing; 0 means as fast as possible
 * @param steps    completed training steps
 * @param trace    the last recorded step (from a step command), if any since the network last changed shape
 * @param history  loss and accuracy over the epochs so far
 * @param notice   what the user should be told, if anything happened since the previous snapshot
 * @param commandsApplied how many commands the trainer has applied so far, rejected ones included:
 *                 once it equals {@link Trainer#commandsSent()}, the snapshot reflects everything sent
 * @param undoRedo what an undo or a redo would act on now
 * @param gradientCheck the last gradient check, if one ran since the network last changed shape or data
 */
public record TrainerSnapshot(
        long version,
        LabSnapshot lab,
        Lesson settings,
        boolean playing,
        double speed,
        long steps,
        Optional<StepTrace> trace,
        List<HistoryPoint> history,
        Optional<Notice> notice,
        long commandsApplied,
        UndoRedo undoRedo,
        Optional<GradientReport> gradientCheck) {

    public TrainerSnapshot {
        history = List.copyOf(history);
    }

    /** The same snapshot carrying another notice. */
    TrainerSnapshot withNotice(Optional<Notice> carried) {
        return new TrainerSnapshot(version, lab, settings, playing, speed, steps, trace, history, carried, commandsApplied,
                undoRedo, gradientCheck);
    }

    public long epoch() {
        return lab.epoch();
    }

    /**
     * The lesson as the lab stands in this snapshot: its settings with the network's weights and
     * biases (and batch normalisation's γ, β and running averages) of this moment, what a comparison
     * forks from.
     */
    public Lesson lessonNow() {
        return settings.withWeights(lab.network().layers().stream()
                .map(layer -> new LayerWeights(layer.weights(), layer.biases(), layer.batchNorm())).toList());
    }
}
