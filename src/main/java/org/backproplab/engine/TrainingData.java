package org.backproplab.engine;

import java.util.Optional;
import org.ejml.data.DMatrixRMaj;

/**
 * Inputs and targets, one column per sample, split into a training and a test set.
 *
 * @param trainInputs   network inputs (features × samples)
 * @param trainTargets  targets (outputs × samples)
 * @param testInputs    held-out inputs, possibly with no columns
 * @param testTargets   held-out targets
 * @param task          how outputs are judged
 * @param trainPoints   the points the training inputs were computed from, when they were: what
 *                      augmentation shifts
 */
public record TrainingData(
        DMatrixRMaj trainInputs,
        DMatrixRMaj trainTargets,
        DMatrixRMaj testInputs,
        DMatrixRMaj testTargets,
        Task task,
        Optional<PlanePoints> trainPoints) {

    public TrainingData {
        if (trainInputs.numCols != trainTargets.numCols || testInputs.numCols != testTargets.numCols) {
            throw new IllegalArgumentException("every input column needs a target column");
        }
        trainPoints.ifPresent(points -> {
            if (points.coordinates().numCols != trainInputs.numCols) {
                throw new IllegalArgumentException("every training input needs its point");
            }
        });
    }

    /** Data whose inputs were not computed from points, so it cannot be augmented. */
    public TrainingData(DMatrixRMaj trainInputs, DMatrixRMaj trainTargets, DMatrixRMaj testInputs, DMatrixRMaj testTargets,
            Task task) {
        this(trainInputs, trainTargets, testInputs, testTargets, task, Optional.empty());
    }

    public int trainSize() {
        return trainInputs.numCols;
    }
}
