package org.backproplab.training;

import org.backproplab.engine.Network;
import org.backproplab.engine.NetworkRules;
import org.backproplab.lesson.Experiment;
import org.backproplab.lesson.Lesson;
import org.backproplab.lesson.LessonConsistency;
import org.backproplab.lesson.LessonException;

/**
 * What an undo or redo brings back: the network (every weight and bias, its shape and
 * activations), the input features, and the data exactly as drawn and split. Held as a copy, so
 * training on afterwards cannot change it.
 *
 * @param lesson  the lesson at that moment: shape, features and data spec (its settings are not brought back)
 * @param points  the points as drawn and split
 * @param network a private copy of the network
 */
record LabState(Lesson lesson, Experiment.Points points, Network network) {

    static LabState of(Experiment experiment) {
        return new LabState(experiment.lesson(), experiment.points(), experiment.learner().network().copy());
    }

    /**
     * This state brought back into {@code current}: its network, features and points with the
     * settings of now (learning rate, optimizer, loss, batch size), which are not edits one undoes;
     * a batch size too small for a normalised layer brought back rises to the smallest it allows.
     * The loss of that moment comes back with it when {@code withItsLoss} (the edit itself changed
     * the loss, as choosing a regression set does), or when the loss chosen since cannot train this
     * state's output layer (say softmax after squared error), since no lesson may hold both.
     */
    Experiment restoreInto(Experiment current, boolean withItsLoss) {
        Lesson now = current.lesson();
        // Batch normalisation brought back cannot train on the batch of one chosen since it was
        // turned off: rather than block the undo, the batch size rises to the smallest it can train on.
        int batchSize = Math.max(now.batchSize(), NetworkRules.smallestBatchSize(lesson.layers()));
        Lesson restored = lesson.withHyperparameters(now.hyperparameters()).withBatchSize(batchSize);
        if (withItsLoss || !consistent(restored)) {
            restored = restored.withHyperparameters(now.hyperparameters().withLoss(lesson.hyperparameters().loss()));
        }
        return current.restored(restored, points, network.copy());
    }

    /** How many numbers this state keeps of its own: the points are shared with the experiment. */
    int parameterCount() {
        return network.parameterCount();
    }

    private static boolean consistent(Lesson lesson) {
        try {
            LessonConsistency.check(lesson);
            return true;
        } catch (LessonException e) {
            return false;
        }
    }
}
