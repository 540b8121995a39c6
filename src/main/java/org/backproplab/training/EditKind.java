package org.backproplab.training;

/** What an undoable edit changed, so an Undo or Redo item can say what it will take back or do again. */
public enum EditKind {
    WEIGHT,
    BIAS,
    ACTIVATION,
    DROPOUT,
    /** Batch normalisation switched on or off in a hidden layer. */
    BATCH_NORM,
    ADD_LAYER,
    REMOVE_LAYER,
    ADD_NEURON,
    REMOVE_NEURON,
    FEATURES,
    ADD_POINT,
    MOVE_POINT,
    DELETE_POINT,
    CLEAR_POINTS,
    /** The user's points replaced in any other way, e.g. imported from a file. */
    POINTS,
    /** Generated data: another data set, noise, count or split, or the same drawn afresh. */
    DATA
}
