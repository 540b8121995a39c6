package org.backproplab.ui.common;

import javafx.scene.control.Tooltip;
import javafx.util.Duration;

/**
 * Tooltips made for a classroom: they explain a control in the lesson's terms, so they come up
 * quickly (a student should not have to hold still for a second), stay long enough to be read
 * aloud, and wrap into a narrow column instead of one line across the projector.
 */
public final class Tips {

    public static final Duration SHOW_DELAY = Duration.millis(300);
    static final Duration SHOW_DURATION = Duration.seconds(30);
    /** Wide enough for two short sentences per line or so, narrow enough to stay beside the control. */
    static final double MAX_WIDTH = 360;

    private Tips() {
    }

    /** A tooltip saying {@code text}. */
    public static Tooltip of(String text) {
        Tooltip tip = new Tooltip(text);
        tip.setShowDelay(SHOW_DELAY);
        tip.setShowDuration(SHOW_DURATION);
        tip.setWrapText(true);
        tip.setMaxWidth(MAX_WIDTH);
        return tip;
    }
}
