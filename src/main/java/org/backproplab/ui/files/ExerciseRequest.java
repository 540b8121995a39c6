package org.backproplab.ui.files;

import org.backproplab.lesson.ExerciseSet;

/**
 * What the teacher asked for in File ▸ Export ▸ Exercise sheets…: how many variants, drawn from
 * which seed (the same seed writes the same sheets again).
 */
public record ExerciseRequest(int variants, long seed) {

    /** Enough for neighbours in a row to hold different sheets. */
    static final int SUGGESTED_VARIANTS = 5;

    /** Seeds offered are short enough to write down on the answer keys' folder. */
    static final int SUGGESTED_SEED_BOUND = 100_000;

    public ExerciseRequest {
        if (variants < 1 || variants > ExerciseSet.MAX_VARIANTS) {
            throw new IllegalArgumentException("variants must be from 1 to " + ExerciseSet.MAX_VARIANTS + ", got " + variants);
        }
    }
}
