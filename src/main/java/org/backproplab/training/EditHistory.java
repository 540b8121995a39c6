package org.backproplab.training;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * The undo and redo stacks of a {@link LabSession}: each step is an edit with the lab's state
 * just before and just after it. Bounded twice, by {@link #CAPACITY} steps and by
 * {@link #PARAMETER_BUDGET} numbers kept (a big network's copies add up); beyond either, the
 * oldest steps are forgotten.
 */
final class EditHistory {

    static final int CAPACITY = 100;
    /** Weights and biases all the kept states may hold together: 32 MB of doubles. */
    static final long PARAMETER_BUDGET = 4_000_000;

    /** One undo step; {@code after} changes while later commands continue its edit. */
    record Step(Edit edit, LabState before, LabState after) {

        /**
         * Whether the edit changed the loss along with what it is named for (a data set that needs
         * another loss does). A drag never does: a loss chosen between its commands is a setting.
         */
        boolean changesLoss() {
            return !edit.isDrag() && before.lesson().hyperparameters().loss() != after.lesson().hyperparameters().loss();
        }

        long parameterCount() {
            return (long) before.parameterCount() + after.parameterCount();
        }
    }

    private final Deque<Step> undo = new ArrayDeque<>();
    private final Deque<Step> redo = new ArrayDeque<>();
    private long parametersKept;
    /** Whether the newest undo step may still be continued: not once it was undone or redone. */
    private boolean open;

    /** Whether {@code edit} continues the newest step, so its state before need not be kept. */
    boolean continues(Edit edit) {
        return open && !undo.isEmpty() && edit.continues(undo.peek().edit());
    }

    /**
     * Adds an edit just applied. One that {@linkplain #continues continues} the newest step joins it
     * ({@code before} may then be null); any other is a new step and drops what could be redone.
     */
    void record(Edit edit, LabState before, LabState after) {
        if (continues(edit)) {
            Step joined = undo.pop();
            parametersKept -= joined.parameterCount();
            push(undo, new Step(edit, joined.before(), after));
        } else {
            redo.forEach(step -> parametersKept -= step.parameterCount());
            redo.clear();
            push(undo, new Step(edit, before, after));
        }
        open = true;
        while (undo.size() > CAPACITY || (parametersKept > PARAMETER_BUDGET && undo.size() > 1)) {
            parametersKept -= undo.removeLast().parameterCount();
        }
    }

    Optional<Step> nextUndo() {
        return Optional.ofNullable(undo.peek());
    }

    Optional<Step> nextRedo() {
        return Optional.ofNullable(redo.peek());
    }

    /** Moves the newest step to the redo stack, once its state before was brought back. */
    void undone() {
        redo.push(undo.pop());
        open = false;
    }

    /** Moves the next redo step back to the undo stack, once its state after was brought back. */
    void redone() {
        undo.push(redo.pop());
        open = false;
    }

    void clear() {
        undo.clear();
        redo.clear();
        parametersKept = 0;
        open = false;
    }

    UndoRedo state() {
        return new UndoRedo(nextUndo().map(step -> step.edit().kind()), nextRedo().map(step -> step.edit().kind()));
    }

    private void push(Deque<Step> stack, Step step) {
        stack.push(step);
        parametersKept += step.parameterCount();
    }
}
