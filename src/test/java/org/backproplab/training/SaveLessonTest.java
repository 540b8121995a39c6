package org.backproplab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.backproplab.fixtures.TestLessons;
import org.backproplab.lesson.DataSpec;
import org.backproplab.lesson.LessonFile;
import org.backproplab.lesson.LayerWeights;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saving from the trainer: the weights as trained, and never a file that could not be opened again. */
class SaveLessonTest {

    private final LabSession session = new LabSession(TestLessons.fewPoints(), 8);

    @Test
    void aSavedLessonCarriesTheWeightsAsTrainedSoFar(@TempDir Path folder) throws Exception {
        session.apply(new TrainerCommand.StepEpoch());
        session.apply(new TrainerCommand.StepEpoch());
        Path file = folder.resolve("trained.json");

        session.apply(new TrainerCommand.SaveLesson(file));

        List<LayerWeights> saved = LessonFile.read(file).weights().orElseThrow();
        assertEquals(session.snapshot(1).lab().network().layer(0).weights(), saved.getFirst().weights());
    }

    @Test
    void aBlankPlaneOfPointsCanBeDrawnOnButNotSaved(@TempDir Path folder) {
        session.apply(new TrainerCommand.SetData(new DataSpec.Inline(List.of(), 2, 1.0)));
        assertTrue(session.snapshot(1).lab().trainPoints().isEmpty(), "clearing the points is allowed");
        Path file = folder.resolve("blank.json");

        session.apply(new TrainerCommand.SaveLesson(file));

        Notice notice = session.snapshot(2).notice().orElseThrow();
        assertTrue(assertInstanceOf(Notice.Rejected.class, notice).reason().contains("no point to train on"), notice::toString);
        assertFalse(Files.exists(file));
    }

    @Test
    void everySaveReportsWhetherItWasWrittenInOrder(@TempDir Path folder) throws Exception {
        // Tests run as root, who may write anywhere: a "folder" that is a plain file refuses every save.
        Path notAFolder = Files.writeString(folder.resolve("plain"), "a file, not a folder");
        Path good = folder.resolve("good.json");
        Path bad = notAFolder.resolve("lesson.json");

        session.apply(new TrainerCommand.SaveLesson(bad));
        assertInstanceOf(Notice.Rejected.class, session.snapshot(1).notice().orElseThrow(), "the refusal says why");
        session.apply(new TrainerCommand.SaveLesson(good));

        assertEquals(List.of(new SaveOutcome(bad, false), new SaveOutcome(good, true)), session.takeSaves());
        assertEquals(List.of(), session.takeSaves(), "each outcome is handed out once");
    }
}
