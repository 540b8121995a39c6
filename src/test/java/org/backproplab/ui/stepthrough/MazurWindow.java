package org.backproplab.ui.stepthrough;

import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.backproplab.lesson.Experiment;
import org.backproplab.lesson.Lesson;
import org.backproplab.lesson.LessonFile;
import org.backproplab.trace.StepTrace;
import org.backproplab.ui.common.Messages;
import org.backproplab.ui.shell.LabWindow;
import org.testfx.util.WaitForAsyncUtils;

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

    static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get();
    }

    /** Waits until no pass is on its way and the sub-step on show has finished moving. */
    void settle() throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> onFx(() -> !mode.model().isWaiting() && !mode.animation().isRunning()));
        WaitForAsyncUtils.waitForFxEvents();
    }
}
