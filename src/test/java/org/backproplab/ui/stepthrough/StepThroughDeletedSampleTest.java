package org.backproplab.ui.stepthrough;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.backproplab.fixtures.TestLessons;
import org.backproplab.ui.bench.UncaughtExceptions;
import org.backproplab.ui.common.Messages;
import org.backproplab.ui.shell.LabWindow;
import org.backproplab.ui.testing.LiveLab;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A pass kept in the step-through's history whose sample the lab no longer has (the points were
 * cleared since): stepping through it still works. Found by the random-input soak, where skipping
 * to its end threw "no training sample 0 (there are 0)" out of the key handler.
 */
@ExtendWith(ApplicationExtension.class)
class StepThroughDeletedSampleTest {

    private LabWindow window;
    private LiveLab lab;

    @Start
    void start(Stage stage) {
        window = LabWindow.open(stage, TestLessons.xor(), Messages.forLocale(Locale.ROOT));
        lab = new LiveLab(window);
    }

    @Stop
    void stop() {
        window.close();
    }

    @Test
    void skippingToTheEndOfAPassWhoseSampleWasClearedShowsItsEnd(FxRobot robot) throws Exception {
        robot.clickOn(".step-toggle");
        robot.clickOn(".step-next");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> LiveLab.onFx(() -> window.stepThrough().model().frame().isPresent()));
        robot.clickOn(".step-toggle");
        robot.clickOn("#clear-points");
        lab.awaitShown(snapshot -> snapshot.lab().trainPoints().isEmpty());
        robot.clickOn(".step-toggle");

        UncaughtExceptions uncaught = new UncaughtExceptions();
        robot.interact(uncaught::install);
        try {
            robot.clickOn(".step-end");
            WaitForAsyncUtils.waitForFxEvents();
        } finally {
            robot.interact(uncaught::uninstall);
        }
        assertEquals(List.of(), uncaught.caught());
        assertTrue(LiveLab.onFx(() -> window.stepThrough().model().frame().orElseThrow().atEnd()), "the pass shows its end");
    }
}
