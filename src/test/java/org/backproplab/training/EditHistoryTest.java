package org.backproplab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.backproplab.engine.Activation;
import org.backproplab.engine.LayerSpec;
import org.backproplab.fixtures.TestLessons;
import org.backproplab.lesson.Experiment;
import org.backproplab.lesson.Lesson;
import org.backproplab.lesson.LessonFile;
import org.junit.jupiter.api.Test;

class EditHistoryTest {

    @Test
    void theCopiesOfABigNetworkAreKeptWithinTheBudgetDroppingTheOldestSteps() {
        List<LayerSpec> layers = new ArrayList<>(Collections.nCopies(LessonFile.MAX_LAYERS - 1,
                new LayerSpec(LessonFile.MAX_LAYER_SIZE, Activation.RELU)));
        layers.add(new LayerSpec(1, Activation.SIGMOID));
        Lesson xor = TestLessons.xor();
        LabState state = LabState.of(Experiment.of(xor.withArchitecture(xor.features(), layers)));
        EditHistory history = new EditHistory();

        for (int i = 0; i < 50; i++) {
            // Alternating weights, so that no edit continues the one before.
            history.record(new Edit(EditKind.WEIGHT, List.of(0, i % 2, 0), List.of(0, i % 2, 0)), state, state);
        }

        int kept = 0;
        while (history.nextUndo().isPresent()) {
            history.undone();
            kept++;
        }
        assertEquals(EditHistory.PARAMETER_BUDGET / (2L * state.parameterCount()), kept);
    }
}
