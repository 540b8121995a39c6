package org.backproplab.ui.stepthrough;

import java.util.Locale;
import javafx.stage.Stage;
import org.backproplab.lesson.Experiment;
import org.backproplab.lesson.Lesson;
import org.backproplab.lesson.LessonFile;
import org.backproplab.trace.StepTrace;
import org.backproplab.ui.common.Messages;
import org.backproplab.ui.shell.LabWindow;

/**
 * Mazur's 2-2-2 lesson in a real window, in English, for the step-through's window tests, with the
 * trace of its first sample made apart from the window to check what the window shows against.
 */
record MazurWindow(LabWindow window, StepThroughMode mode, StepTrace expected) {

    /** Opens the window on {@code stage}; call from TestFX's {@code @Start}. */
    static MazurWindow open(Stage stage) throws Exception {
        Lesson lesson = LessonFile.readResource("/assets/lessons/mazur-2-2-2.json");
        LabWindow window = LabWindow.open(stage, lesson, Messages.forLocale(Locale.ROOT));
        return new MazurWindow(window, window.stepThrough(), Experiment.of(lesson).learner().tracedSample(0));
    }

    /** Waits until no pass is on its way and the sub-step on show has finished moving. */
    void settle() throws Exception {
        Stepping.settle(mode);
    }
}
