package org.backproplab.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.backproplab.engine.LayerSpec;
import org.backproplab.trace.Matrix;
import org.backproplab.trace.PassQuestions;
import org.backproplab.trace.StepTrace;

/**
 * One variant of an exercise sheet: the lesson with its own starting weights and biases, and one
 * training step of the chosen sample worked by the engine, with every question it raises.
 *
 * @param variant   the variant's number, from 1
 * @param lesson    the lesson of this variant: the original with these weights and biases written in
 * @param sample    the training sample the step trains on, counting from 0 as {@code trace --sample} does
 * @param trace     the engine's step on that sample alone, with all the lesson's settings
 * @param questions every z, a, the loss, δ, gradient and new weight (and bias, when trained), in the order of the pass
 */
public record Exercise(int variant, Lesson lesson, int sample, StepTrace trace, List<ExerciseQuestion> questions) {

    /** Every weight and bias is drawn from −1.00 to 1.00 in steps of 0.01: numbers a student can multiply by hand. */
    static final int HUNDREDTHS = 100;

    public Exercise {
        if (trace.batchSize() != 1) {
            throw new IllegalArgumentException("an exercise is one sample's step, not a batch of " + trace.batchSize());
        }
        questions = List.copyOf(questions);
    }

    /** The variant's lesson traced on its sample: the same step {@code trace LESSON --sample I} prints. */
    static Exercise of(int variant, Lesson lesson, int sample) {
        StepTrace trace = Experiment.of(lesson).learner().tracedSample(sample);
        return new Exercise(variant, lesson, sample, trace, ExerciseQuestion.of(new PassQuestions(trace, 0)));
    }

    /** Fresh weights and biases of two decimals for every layer of {@code lesson}'s network. */
    static List<LayerWeights> drawWeights(Lesson lesson, SplittableRandom random) {
        int inputs = lesson.features().size();
        List<LayerWeights> layers = new ArrayList<>();
        for (LayerSpec layer : lesson.layers()) {
            double[] weights = new double[layer.size() * inputs];
            double[] biases = new double[layer.size()];
            for (int j = 0; j < layer.size(); j++) {
                for (int i = 0; i < inputs; i++) {
                    weights[j * inputs + i] = twoDecimals(random);
                }
                biases[j] = twoDecimals(random);
            }
            layers.add(new LayerWeights(new Matrix(layer.size(), inputs, weights), Matrix.column(biases)));
            inputs = layer.size();
        }
        return layers;
    }

    /** A whole count of hundredths divided once, so 0.29 is the double nearest 0.29 and reads back as such. */
    private static double twoDecimals(SplittableRandom random) {
        return random.nextInt(-HUNDREDTHS, HUNDREDTHS + 1) / (double) HUNDREDTHS;
    }
}
