package org.backproplab.training;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.backproplab.data.DataPoint;
import org.backproplab.lesson.DataSpec;
import org.backproplab.lesson.Experiment;

/**
 * One undoable edit, as the undo history sees it: its kind, and where it started and ended, so that
 * the many small commands of one drag can be told to continue each other.
 *
 * @param kind what was changed
 * @param from what the edit started from: the weight or bias (for those), or the point before a move
 * @param to   what it ended at: the same weight or bias, or the point after a move
 */
record Edit(EditKind kind, Object from, Object to) {

    /**
     * Whether this edit carries on {@code previous}, so that the two are one undo step: the same
     * weight or bias set again (dragged, scrolled, slid or retyped), or a point moved on from where
     * the previous move left it (dragged). Every other edit is a step of its own.
     */
    boolean continues(Edit previous) {
        return isDrag() && previous.kind == kind && previous.to.equals(from);
    }

    /** Whether later commands may carry this edit on, so that its step spans more than one command. */
    boolean isDrag() {
        return switch (kind) {
            case WEIGHT, BIAS, MOVE_POINT -> true;
            default -> false;
        };
    }

    /** The edit {@code command} makes to {@code experiment}, or empty if the command is no edit (it cannot be undone). */
    static Optional<Edit> of(TrainerCommand command, Experiment experiment) {
        return Optional.ofNullable(switch (command) {
            case TrainerCommand.SetWeight(int layer, int neuron, int input, double value) -> same(EditKind.WEIGHT,
                    List.of(layer, neuron, input));
            case TrainerCommand.SetBias(int layer, int neuron, double value) -> same(EditKind.BIAS, List.of(layer, neuron));
            case TrainerCommand.SetActivation setActivation -> simple(EditKind.ACTIVATION);
            case TrainerCommand.SetBatchNorm setBatchNorm -> simple(EditKind.BATCH_NORM);
            case TrainerCommand.ChooseOutputActivation chooseOutputActivation -> simple(EditKind.ACTIVATION);
            case TrainerCommand.SetDropout setDropout -> simple(EditKind.DROPOUT);
            case TrainerCommand.AddLayer addLayer -> simple(EditKind.ADD_LAYER);
            case TrainerCommand.RemoveLayer removeLayer -> simple(EditKind.REMOVE_LAYER);
            case TrainerCommand.AddNeuron addNeuron -> simple(EditKind.ADD_NEURON);
            case TrainerCommand.RemoveNeuron removeNeuron -> simple(EditKind.REMOVE_NEURON);
            case TrainerCommand.SetFeatures setFeatures -> simple(EditKind.FEATURES);
            case TrainerCommand.SetData(DataSpec data) -> dataEdit(experiment, data);
            case TrainerCommand.ChooseDataSet(DataSpec data) -> dataEdit(experiment, data);
            default -> null;
        });
    }

    /** New data as the undo history names it: generated data as a whole, the user's points by what changed in them. */
    private static Edit dataEdit(Experiment experiment, DataSpec data) {
        return switch (data) {
            case DataSpec.Generated generated -> simple(EditKind.DATA);
            case DataSpec.Inline inline -> pointEdit(experiment.dataset().points(), inline.points());
        };
    }

    /** Names a change of the user's points by what was added and removed, whatever their order. */
    private static Edit pointEdit(List<DataPoint> before, List<DataPoint> after) {
        if (after.isEmpty() && !before.isEmpty()) {
            return simple(EditKind.CLEAR_POINTS);
        }
        List<DataPoint> added = missingFrom(before, after);
        List<DataPoint> removed = missingFrom(after, before);
        if (added.size() == 1 && removed.isEmpty()) {
            return simple(EditKind.ADD_POINT);
        }
        if (removed.size() == 1 && added.isEmpty()) {
            return simple(EditKind.DELETE_POINT);
        }
        if (removed.size() == 1 && added.size() == 1) {
            return new Edit(EditKind.MOVE_POINT, removed.getFirst(), added.getFirst());
        }
        return simple(EditKind.POINTS);
    }

    /** The points of {@code in} that {@code base} does not have (counting repeats). */
    private static List<DataPoint> missingFrom(List<DataPoint> base, List<DataPoint> in) {
        Map<DataPoint, Integer> left = new HashMap<>();
        base.forEach(point -> left.merge(point, 1, Integer::sum));
        List<DataPoint> missing = new ArrayList<>();
        for (DataPoint point : in) {
            if (left.merge(point, -1, Integer::sum) < 0) {
                missing.add(point);
            }
        }
        return missing;
    }

    private static Edit same(EditKind kind, Object target) {
        return new Edit(kind, target, target);
    }

    private static Edit simple(EditKind kind) {
        return new Edit(kind, kind, kind);
    }
}
