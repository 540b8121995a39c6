package org.backproplab.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.backproplab.data.DataPoint;
import org.backproplab.engine.Learner;
import org.backproplab.engine.Network;
import org.backproplab.trace.Matrix;
import org.backproplab.trace.StepTrace;
import org.ejml.data.DMatrixRMaj;

/**
 * The first training steps of a lesson as the app takes them, with everything a program needs to
 * take them again: the training points in the order the app holds them, their targets, the
 * starting weights, the samples of each mini-batch as the app drew them, and every step's trace to
 * check against.
 *
 * @param lesson   the lesson, for its settings
 * @param points   the training points, in the order of the training data's columns
 * @param targets  their targets, one column per point
 * @param start    each layer's weights and biases before the first step
 * @param batches  per step, the training points (indices into {@code points}) of its mini-batch
 * @param shifted  per step, its batch's points as augmentation shifted them (x₁ row, x₂ row), when it did
 * @param traces   per step, everything the app computed; dropout's masks are in them
 */
public record RecordedRun(Lesson lesson, List<DataPoint> points, Matrix targets, List<LayerWeights> start,
        List<int[]> batches, List<Optional<Matrix>> shifted, List<StepTrace> traces) {

    public RecordedRun {
        points = List.copyOf(points);
        shifted = List.copyOf(shifted);
        start = List.copyOf(start);
        batches = batches.stream().map(int[]::clone).toList();
        traces = List.copyOf(traces);
    }

    /**
     * Trains a fresh experiment of {@code lesson} for {@code steps} mini-batches and records them.
     *
     * @throws LessonException if the lesson has no training points to train on
     */
    public static RecordedRun of(Lesson lesson, int steps) throws LessonException {
        if (steps < 1) {
            throw new IllegalArgumentException("a run has at least one step, got " + steps);
        }
        Experiment experiment = Experiment.of(lesson);
        Learner learner = experiment.learner();
        if (learner.data().trainSize() == 0) {
            throw new LessonException("the lesson has no training points to train on");
        }
        Network network = learner.network();
        List<LayerWeights> start = new ArrayList<>();
        for (int l = 0; l < network.layerCount(); l++) {
            start.add(LayerWeights.of(network.layer(l)));
        }
        List<int[]> batches = new ArrayList<>();
        List<Optional<Matrix>> shifted = new ArrayList<>();
        List<StepTrace> traces = new ArrayList<>();
        for (int step = 0; step < steps; step++) {
            batches.add(learner.nextBatchSamples());
            traces.add(learner.tracedBatch());
            shifted.add(learner.lastShiftedPoints());
        }
        DMatrixRMaj targets = learner.data().trainTargets();
        return new RecordedRun(lesson, experiment.trainPoints(),
                Matrix.copyOf(targets.numRows, targets.numCols, targets.data), start, batches, shifted, traces);
    }
}
