package org.backproplab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.backproplab.trace.LayerTrace;
import org.backproplab.trace.StepTrace;
import org.junit.jupiter.api.Test;

/**
 * The shipped Mazur lesson reproduces, from the file alone, the numbers of Matt Mazur's "A Step by
 * Step Backpropagation Example" (2015), which students check by hand.
 */
class MazurLessonTest {

    private static final double BLOG_PRECISION = 1e-8;

    @Test
    void firstStepMatchesTheBlogPost() throws LessonException {
        Experiment mazur = Experiment.of(LessonFile.readResource("/assets/lessons/mazur-2-2-2.json"));

        StepTrace step = mazur.learner().tracedSample(0);

        LayerTrace hidden = step.layers().get(0);
        LayerTrace output = step.outputLayer();
        assertEquals(0.593269992, hidden.a().get(0, 0), BLOG_PRECISION, "out_h1");
        assertEquals(0.75136507, output.a().get(0, 0), BLOG_PRECISION, "out_o1");
        assertEquals(0.298371109, step.loss(), BLOG_PRECISION, "E_total");
        assertEquals(0.35891648, output.weightsAfter().get(0, 0), BLOG_PRECISION, "new w5");
        assertEquals(0.149780716, hidden.weightsAfter().get(0, 0), BLOG_PRECISION, "new w1");
        // Mazur leaves the biases alone, and so does the lesson.
        assertEquals(hidden.biasesBefore(), hidden.biasesAfter());
        assertEquals(output.biasesBefore(), output.biasesAfter());
    }
}
