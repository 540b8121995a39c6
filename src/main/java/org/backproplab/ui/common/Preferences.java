package org.backproplab.ui.common;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
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
 * @param lessonFolded whether the lesson's card shows one line rather than its whole commentary
 * @param dividers     where the user left the split panes' dividers, by pane and window size class
 */
public record Preferences(Optional<Locale> language, boolean highContrast, double scale, boolean fullScreen,
        Set<Panel> hiddenPanels, boolean tourSeen, boolean lessonFolded, Map<String, Double> dividers) {

    public static final double MIN_SCALE = 1;
    public static final double MAX_SCALE = 2;

    /** A fresh installation: the system's language, the standard look, every panel shown. */
    public static final Preferences DEFAULTS = new Preferences(Optional.empty(), false, 1, false, Set.of(), false, true,
            Map.of());

    /** The parts of the window a presenter can fold away, leaving the drawings the room. */
    public enum Panel {
        TOOLBAR, SETTINGS, LAYER_STRIP, GRAPH, BOUNDARY, CHARTS, STATUS
    }

    public Preferences {
        scale = Double.isFinite(scale) ? Math.clamp(scale, MIN_SCALE, MAX_SCALE) : 1;
        hiddenPanels = hiddenPanels.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(hiddenPanels));
        dividers = Map.copyOf(dividers);
    }

    public Preferences withLanguage(Optional<Locale> chosen) {
        return new Preferences(chosen, highContrast, scale, fullScreen, hiddenPanels, tourSeen, lessonFolded, dividers);
    }

    public Preferences withHighContrast(boolean on) {
        return new Preferences(language, on, scale, fullScreen, hiddenPanels, tourSeen, lessonFolded, dividers);
    }

    public Preferences withScale(double factor) {
        return new Preferences(language, highContrast, factor, fullScreen, hiddenPanels, tourSeen, lessonFolded, dividers);
    }

    public Preferences withFullScreen(boolean on) {
        return new Preferences(language, highContrast, scale, on, hiddenPanels, tourSeen, lessonFolded, dividers);
    }

    public Preferences withHiddenPanels(Set<Panel> hidden) {
        return new Preferences(language, highContrast, scale, fullScreen, hidden, tourSeen, lessonFolded, dividers);
    }

    public Preferences withLessonFolded(boolean folded) {
        return new Preferences(language, highContrast, scale, fullScreen, hiddenPanels, tourSeen, folded, dividers);
    }

    public Preferences withDividers(Map<String, Double> positions) {
        return new Preferences(language, highContrast, scale, fullScreen, hiddenPanels, tourSeen, lessonFolded,
                positions);
    }

    public Preferences withTourSeen(boolean seen) {
        return new Preferences(language, highContrast, scale, fullScreen, hiddenPanels, seen, lessonFolded, dividers);
    }
}
