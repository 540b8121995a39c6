package org.backproplab.lesson;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.backproplab.engine.LayerSpec;

/**
 * The variants of one exercise: the lesson's network with other starting weights and biases in each,
 * the lesson's data, settings and sample unchanged. Variant K's weights come only from the seed and
 * the variants before it, so the same seed gives the same sheets, and asking for more variants
 * adds sheets without changing the first ones.
 */
public final class ExerciseSet {

    /** More than a class needs, few enough that a folder of sheets stays browsable. */
    public static final int MAX_VARIANTS = 200;

    private ExerciseSet() {
    }

    /**
     * Draws {@code variants} variants of {@code lesson} from {@code seed}, each one step of training
     * sample {@code sample} (counting from 0 in the lesson's training points, as {@code trace --sample}
     * counts them).
     *
     * @throws IllegalArgumentException if the count is not 1 to {@link #MAX_VARIANTS} or the lesson has
     *                                  no such training sample; the message is one line
     */
    public static List<Exercise> draw(Lesson lesson, int variants, long seed, int sample) {
        if (variants < 1 || variants > MAX_VARIANTS) {
            throw new IllegalArgumentException("the number of variants must be from 1 to " + MAX_VARIANTS + ", got " + variants);
        }
        if (lesson.layers().stream().anyMatch(LayerSpec::batchNorm)) {
            // Batch normalisation couples the batch's samples: no one-sample step to work by hand.
            throw new IllegalArgumentException("an exercise is one sample's step worked by hand, but batch normalisation"
                    + " steps a whole mini-batch; switch it off on every layer for the exercise");
        }
        int samples = trainingSamples(lesson);
        if (sample < 0 || sample >= samples) {
            throw new IllegalArgumentException(samples == 0 ? "the lesson has no training samples"
                    : "the sample must be from 0 to " + (samples - 1) + " (the lesson has " + samples
                            + " training samples), got " + sample);
        }
        SplittableRandom random = new SplittableRandom(seed);
        Set<List<LayerWeights>> drawn = new HashSet<>();
        List<Exercise> exercises = new ArrayList<>();
        for (int k = 1; k <= variants; k++) {
            List<LayerWeights> weights = Exercise.drawWeights(lesson, random);
            // Two students with the same numbers could share their answers; the chance is tiny, but draw again.
            while (!drawn.add(weights)) {
                weights = Exercise.drawWeights(lesson, random);
            }
            exercises.add(Exercise.of(k, lesson.withWeights(weights), sample));
        }
        return List.copyOf(exercises);
    }

    /** How many training points the lesson's seed leaves for training after the split. */
    public static int trainingSamples(Lesson lesson) {
        return Experiment.of(lesson).learner().data().trainSize();
    }
}
