package org.backproplab;

/**
 * Recognises JavaFX failing to start on Linux because GTK 3 is not installed, so the launcher can
 * say what to install instead of showing a stack trace from the toolkit's insides.
 */
final class MissingGtk {

    /** The one line a user sees instead. */
    static final String ADVICE = "Backprop Lab needs GTK 3 to open its window: sudo apt install libgtk-3-0";

    /** What glass's GtkApplication throws when it cannot load the GTK 3 library (OpenJFX 26). */
    private static final String GLASS_MESSAGE = "Unable to load glass GTK library";

    private MissingGtk() {
    }

    /** Whether {@code failure}, thrown by Application.launch, or anything it wraps, is that missing GTK. */
    static boolean explains(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UnsupportedOperationException && t.getMessage() != null && t.getMessage().startsWith(GLASS_MESSAGE)) {
                return true;
            }
        }
        return false;
    }
}
