package org.backproplab.training;

import java.util.Optional;

/**
 * What {@link TrainerCommand.Undo} and {@link TrainerCommand.Redo} would act on now, carried in
 * every snapshot so the Edit menu can name them, or grey them out, without asking the trainer.
 *
 * @param undo the edit an undo takes back, if any
 * @param redo the edit a redo makes again, if any
 */
public record UndoRedo(Optional<EditKind> undo, Optional<EditKind> redo) {

    public static final UndoRedo NONE = new UndoRedo(Optional.empty(), Optional.empty());
}
