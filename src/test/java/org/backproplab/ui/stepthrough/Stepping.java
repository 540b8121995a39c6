package org.backproplab.ui.stepthrough;

import java.util.concurrent.TimeUnit;
import org.backproplab.ui.testing.LiveLab;
import org.testfx.util.WaitForAsyncUtils;

/** Waiting for the step-through in window tests: for what it draws, never for a time. */
final class Stepping {

    private Stepping() {
    }

    /** Waits until no pass is on its way and the sub-step on show has finished moving. */
    static void settle(StepThroughMode mode) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> LiveLab.onFx(() -> !mode.model().isWaiting() && !mode.animation().isRunning()));
        WaitForAsyncUtils.waitForFxEvents();
    }
}
