package org.backproplab.ui.stepthrough;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Optional;
import org.backproplab.lesson.Experiment;
import org.backproplab.lesson.Lesson;
import org.backproplab.lesson.LessonFile;
import org.backproplab.trace.StepTrace;
import org.backproplab.training.LabSnapshot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StepHistoryTest {

    private static final int RESOLUTION = 10;

    private Lesson lesson;
    private Experiment experiment;
    private LabSnapshot last;
    private long passes;

    @BeforeEach
    void mazur() throws Exception {
        lesson = LessonFile.readResource("/assets/lessons/mazur-2-2-2.json");
        experiment = Experiment.of(lesson);
        last = LabSnapshot.capture(experiment, RESOLUTION);
    }

    /** The next pass, its "before" the previous pass's "after", as the step-through records them. */
    private StepPass pass() {
        StepTrace trace = experiment.learner().tracedSample(0);
        LabSnapshot after = LabSnapshot.capture(experiment, RESOLUTION);
        StepPass pass = new StepPass(++passes, StepPass.Size.SAMPLE, 0, Optional.of(trace), lesson, last, after);
        last = after;
        return pass;
    }

    @Test
    void keepsTheNewestPassesUpToItsLimit() {
        StepHistory history = new StepHistory();
        for (int i = 0; i < StepHistory.MAX_PASSES + 7; i++) {
            history.add(pass());
        }
        assertEquals(StepHistory.MAX_PASSES, history.size());
        assertEquals(8, history.get(0).number(), "the oldest seven went");
        assertEquals(StepHistory.MAX_PASSES + 7, history.get(history.size() - 1).number());
    }

    @Test
    void aSnapshotSharedByNeighbouringPassesIsCountedOnce() {
        StepHistory history = new StepHistory();
        StepPass first = pass();
        history.add(first);
        history.add(pass());
        long perSnapshot = StepPass.cells(first.before());
        assertEquals(6L * RESOLUTION * RESOLUTION, perSnapshot, "two inputs and four neurons");
        assertEquals(3 * perSnapshot, history.cells());
    }

    @Test
    void dropsOldPassesToStayWithinItsMemoryBudget() {
        long perSnapshot = 6L * RESOLUTION * RESOLUTION;
        StepHistory history = new StepHistory(100, 5 * perSnapshot);
        for (int i = 0; i < 10; i++) {
            history.add(pass());
        }
        assertEquals(4, history.size(), "four passes share five snapshots");
        assertEquals(5 * perSnapshot, history.cells());
    }

    @Test
    void theNewestPassStaysEvenWhenItAloneIsOverBudget() {
        StepHistory history = new StepHistory(100, 1);
        history.add(pass());
        StepPass newest = pass();
        history.add(newest);
        assertEquals(1, history.size());
        assertSame(newest, history.get(0));
    }
}
