package org.backproplab;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Only JavaFX's own "no GTK" failure becomes the one line of advice; every other failure keeps its stack trace. */
class MissingGtkTest {

    @Test
    void glasssMissingGtkIsRecognisedWrappedOrNot() {
        // As thrown by com.sun.glass.ui.gtk.GtkApplication when libgtk-3.so.0 cannot be loaded.
        UnsupportedOperationException glass = new UnsupportedOperationException("Unable to load glass GTK library.");

        assertTrue(MissingGtk.explains(glass));
        assertTrue(MissingGtk.explains(new RuntimeException("Exception in Application start method", glass)));
    }

    @Test
    void otherStartupFailuresAreLeftAsTheyAre() {
        assertFalse(MissingGtk.explains(new UnsupportedOperationException("Unable to open DISPLAY")));
        assertFalse(MissingGtk.explains(new IllegalStateException("Unable to load glass GTK library.")));
        assertFalse(MissingGtk.explains(new UnsupportedOperationException()));
    }
}
