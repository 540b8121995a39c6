package org.backproplab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.backproplab.engine.Activation;
import org.backproplab.engine.Loss;
import org.backproplab.engine.Refusal;
import org.backproplab.fixtures.TestLessons;
import org.junit.jupiter.api.Test;

/** A lesson with another data set takes the output that data needs, and says which network rule a misfit breaks. */
class LessonDataSetTest {

    @Test
    void aRegressionSetGivesTheLessonALinearOutputAndSquaredError() throws LessonException {
        Lesson regression = TestLessons.xor().withDataSet(new DataSpec.Generated("regression-gauss", 300, 0, 0.5));

        assertEquals(Activation.LINEAR, regression.layers().getLast().activation());
        assertEquals(Activation.SIGMOID, regression.layers().getFirst().activation(), "hidden layers stay");
        assertEquals(Loss.SQUARED_ERROR, regression.hyperparameters().loss());
        LessonConsistency.check(regression);
    }

    @Test
    void anotherClassSetLeavesTheNetworkAsItIs() {
        Lesson xor = TestLessons.xor();
        Lesson circle = xor.withDataSet(new DataSpec.Generated("circle", 300, 0, 0.5));

        assertEquals(xor.layers(), circle.layers());
        assertEquals(xor.weights(), circle.weights(), "nothing reshaped, so fixed weights still fit");
        assertEquals(xor.hyperparameters(), circle.hyperparameters());
    }

    @Test
    void aSetTheOutputCannotLearnIsRefusedWithTheRuleItBreaks() {
        Lesson spirals = TestLessons.xor().withDataSet(new DataSpec.Generated("spiral3", 600, 0, 0.5));

        LessonException e = assertThrows(LessonException.class, () -> LessonConsistency.check(spirals));
        assertEquals(Optional.of(new Refusal.ClassesNeedOutputs(3, 1)), e.refusal());
    }
}
