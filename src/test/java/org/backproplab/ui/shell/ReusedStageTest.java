package org.backproplab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.ref.WeakReference;
import java.util.Locale;
import javafx.stage.Stage;
import org.backproplab.fixtures.TestLessons;
import org.backproplab.ui.common.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A stage that gets a second lab window lets the first one go. The window tests reuse one stage
 * for every test, and before this a replaced window ran on unseen (its frame loop, its recovery
 * timer, its images): the suite grew by every window until a CI run ran out of memory.
 */
@ExtendWith(ApplicationExtension.class)
class ReusedStageTest {

    private final Messages messages = Messages.forLocale(Locale.ROOT);
    private Stage stage;
    private LabWindow latest;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        latest = LabWindow.open(stage, TestLessons.xor(), messages);
    }

    @Stop
    void stop() {
        latest.close();
    }

    @Test
    void theReplacedWindowIsFreed() throws Exception {
        WeakReference<LabWindow> replaced = new WeakReference<>(latest);
        WaitForAsyncUtils.asyncFx(() -> latest = LabWindow.open(stage, TestLessons.xor(), messages)).get();
        WaitForAsyncUtils.waitForFxEvents();
        // TestFX keeps every event fired on its stage until the next test, and a mouse event names the
        // node it hit: registering the stage again starts that record afresh.
        FxToolkit.registerPrimaryStage();
        for (int tries = 0; tries < 50 && replaced.get() != null; tries++) {
            System.gc();
            Thread.sleep(20);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertNull(replaced.get(), "nothing holds the window the stage no longer shows");
    }
}
