package org.backproplab.engine;

import org.ejml.data.DMatrixRMaj;

/**
 * Inputs and targets, one column per sample, split into a training and a test set.
 *
 * @param trainInputs   network inputs (features × samples)
 * @param trainTargets  targets (outputs × samples)
 * @param testInputs    held-out inputs, possibly with no columns
 * @param testTargets   held-out targets
 * @param task          how outputs are judged
 */
public record TrainingData(
        DMatrixRMaj trainInputs,
        DMatrixRMaj trainTargets,
        DMatrixRMaj testInputs,
        DMatrixRMaj testTargets,
        Task task) {

    public TrainingData {
        if (trainInputs.numCols != trainTargets.numCols || testInputs.numCols != testTargets.numCols) {
            throw new IllegalArgumentException("every input column needs a target column");
        }
    }

    public int trainSize() {
        return trainInputs.numCols;
    }
}
