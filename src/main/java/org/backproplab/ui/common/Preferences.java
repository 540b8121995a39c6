package org.backproplab.ui.common;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What the window remembers between runs: how it looks in this room (language, theme, scale, full
 * screen, which panels are hidden) and whether the first-run tour has been seen. Lessons and work
 * are never kept here; those are files.
 *
 * @param language     the language chosen in the window; empty follows the system's language
 * @param highContrast the high-contrast theme for washed-out projectors
 * @param scale        how much larger than normal text and lines are drawn (1 is normal)
 * @param fullScreen   whether the window last ran full screen
 * @param hiddenPanels the panels the presenter folded away
 * @param tourSeen     whether the first-run tour has been shown (it starts by itself only once)
 */
public record Preferences(Optional<Locale> language, boolean highContrast, double scale, boolean fullScreen,
        Set<Panel> hiddenPanels, boolean tourSeen) {

    public static final double MIN_SCALE = 1;
    public static final double MAX_SCALE = 2;

    /** A fresh installation: the system's language, the standard look, every panel shown. */
    public static final Preferences DEFAULTS = new Preferences(Optional.empty(), false, 1, false, Set.of(), false);

    /** The parts of the window a presenter can fold away, leaving the drawings the room. */
    public enum Panel {
        TOOLBAR, SETTINGS, LAYER_STRIP, GRAPH, BOUNDARY, CHARTS, STATUS
    }

    public Preferences {
        scale = Double.isFinite(scale) ? Math.clamp(scale, MIN_SCALE, MAX_SCALE) : 1;
        hiddenPanels = hiddenPanels.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(hiddenPanels));
    }

    public Preferences withLanguage(Optional<Locale> chosen) {
        return new Preferences(chosen, highContrast, scale, fullScreen, hiddenPanels, tourSeen);
    }

    public Preferences withHighContrast(boolean on) {
        return new Preferences(language, on, scale, fullScreen, hiddenPanels, tourSeen);
    }

    public Preferences withScale(double factor) {
        return new Preferences(language, highContrast, factor, fullScreen, hiddenPanels, tourSeen);
    }

    public Preferences withFullScreen(boolean on) {
        return new Preferences(language, highContrast, scale, on, hiddenPanels, tourSeen);
    }

    public Preferences withHiddenPanels(Set<Panel> hidden) {
        return new Preferences(language, highContrast, scale, fullScreen, hidden, tourSeen);
    }

    public Preferences withTourSeen(boolean seen) {
        return new Preferences(language, highContrast, scale, fullScreen, hiddenPanels, seen);
    }
}
