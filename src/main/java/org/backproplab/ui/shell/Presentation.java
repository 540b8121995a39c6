package org.backproplab.ui.shell;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javafx.beans.value.ChangeListener;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.backproplab.ui.common.Palette;
import org.backproplab.ui.common.Preferences.Panel;
import org.backproplab.ui.common.Preferences;

/**
 * How the window is shown to a room: which panels are on screen (and the presenter view that keeps
 * only the drawings), full screen, how large text and lines are drawn, and the high-contrast theme.
 * It outlives the content the window builds for each look, applies itself to every new one, and
 * keeps every choice in the window's preferences, so the next lesson starts the way this one ended.
 */
final class Presentation {

    /** The sizes a presenter steps through: normal up to twice as large. */
    static final double[] SCALES = {1, 1.25, 1.5, 1.75, 2};
    /** Text size at scale 1; lab.css's {@code .root} says the same for views shown without a window. */
    static final double BASE_FONT_SIZE = 15;
    /** What the presenter view keeps: the two drawings the class looks at. */
    static final Set<Panel> PRESENTER_SHOWS = EnumSet.of(Panel.GRAPH, Panel.BOUNDARY);
    static final String HIGH_CONTRAST_CLASS = "high-contrast";

    private final Stage stage;
    private final LabWindow window;
    private WindowContent content;
    /** The panels hidden before the presenter view began, brought back when it ends; empty when not presenting. */
    private Optional<Set<Panel>> beforePresenting = Optional.empty();
    private boolean blank;
    /**
     * Leaving full screen with Escape (the stage's own key) is remembered too; closing the window,
     * which may leave full screen on its way out, is not. Held to be taken off again: the stage may
     * outlive this window (a test's stage gets the next one).
     */
    private final ChangeListener<Boolean> fullScreenRemembered;

    Presentation(Stage stage, LabWindow window) {
        this.stage = stage;
        this.window = window;
        fullScreenRemembered = (property, was, on) -> {
            if (stage.isShowing()) {
                window.updatePreferences(preferences -> preferences.withFullScreen(on));
            }
        };
        // A presenter view remembered from the last run ends by showing everything.
        if (hidden().equals(presenterHidden())) {
            beforePresenting = Optional.of(Set.of());
        }
    }

    /** The palette for the remembered theme. */
    static Palette palette(Preferences preferences) {
        return preferences.highContrast() ? Palette.HIGH_CONTRAST : Palette.STANDARD;
    }

    /** Takes over the stage once it has its scene: remembered full screen, and the presenter's keys. */
    void start(Scene scene) {
        stage.setFullScreen(window.preferences().fullScreen());
        stage.fullScreenProperty().addListener(fullScreenRemembered);
        // After the controls had their turn: Escape in a field still only cancels the edit.
        scene.addEventHandler(KeyEvent.KEY_PRESSED, this::key);
        // Before them: while the screen is blank, a key only brings it back (the step-through must not move unseen).
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::blankingKey);
        scene.addEventFilter(MouseEvent.MOUSE_PRESSED, event -> {
            if (blank) {
                setBlank(false);
                event.consume();
            }
        });
    }

    /** Lets the stage go: it no longer tells this window about full screen. */
    void stop() {
        stage.fullScreenProperty().removeListener(fullScreenRemembered);
    }

    /** Shows content just built for a look the way the room has it: its panels, its size, its theme. */
    void apply(WindowContent built) {
        content = built;
        stage.setFullScreenExitHint(built.look().messages().get("present.fullScreen.hint"));
        if (built.look().palette().equals(Palette.HIGH_CONTRAST)) {
            built.root().getStyleClass().add(HIGH_CONTRAST_CLASS);
        }
        // The toolbar's settings switch and the View menu hide the same panel.
        built.toolbar().settingsShownProperty().addListener((property, was, shown) -> setShown(Panel.SETTINGS, shown));
        showScale();
        showPanels();
    }

    // --- panels ---

    Set<Panel> hidden() {
        return window.preferences().hiddenPanels();
    }

    boolean isShown(Panel panel) {
        return !hidden().contains(panel);
    }

    void setShown(Panel panel, boolean shown) {
        if (isShown(panel) == shown) {
            return;
        }
        Set<Panel> panels = EnumSet.noneOf(Panel.class);
        panels.addAll(hidden());
        if (shown) {
            panels.remove(panel);
        } else {
            panels.add(panel);
        }
        hide(panels);
    }

    void toggle(Panel panel) {
        setShown(panel, !isShown(panel));
    }

    /** Whether the presenter view is on: only the drawings (and the step-through, while stepping). */
    boolean presenting() {
        return beforePresenting.isPresent();
    }

    /** Starts the presenter view, or ends it, bringing back exactly the panels shown before. */
    void togglePresenting() {
        if (presenting()) {
            Set<Panel> before = beforePresenting.get();
            beforePresenting = Optional.empty();
            hide(before);
        } else {
            beforePresenting = Optional.of(hidden());
            hide(presenterHidden());
        }
    }

    private static Set<Panel> presenterHidden() {
        return EnumSet.complementOf(EnumSet.copyOf(PRESENTER_SHOWS));
    }

    private void hide(Set<Panel> panels) {
        window.updatePreferences(preferences -> preferences.withHiddenPanels(panels));
        showPanels();
    }

    private void showPanels() {
        if (content != null) {
            content.layout().setHiddenPanels(hidden());
            content.toolbar().settingsShownProperty().set(isShown(Panel.SETTINGS));
        }
    }

    // --- full screen, size, theme ---

    boolean fullScreen() {
        return stage.isFullScreen();
    }

    void toggleFullScreen() {
        stage.setFullScreen(!stage.isFullScreen());
    }

    double scale() {
        return window.preferences().scale();
    }

    /** One size larger (+1) or smaller (−1), within the sizes offered. */
    void zoom(int steps) {
        int now = 0;
        for (int i = 0; i < SCALES.length; i++) {
            if (Math.abs(SCALES[i] - scale()) < Math.abs(SCALES[now] - scale())) {
                now = i;
            }
        }
        setScale(SCALES[Math.clamp(now + steps, 0, SCALES.length - 1)]);
    }

    void setScale(double scale) {
        window.updatePreferences(preferences -> preferences.withScale(scale));
        showScale();
        // Larger text on a small screen leaves the drawings no room beside the settings: they fold away, as in a narrow window.
        if (stage.getScene() != null && stage.getScene().getWidth() < window.roomForSettings()) {
            setShown(Panel.SETTINGS, false);
        }
    }

    /** Text scales from the root's font size (lab.css sizes everything else in em); drawings scale their lines and labels. */
    private void showScale() {
        if (content != null) {
            content.root().setStyle(String.format(Locale.ROOT, "-fx-font-size: %.2fpx;", BASE_FONT_SIZE * scale()));
            content.setDrawingScale(scale());
        }
    }

    boolean highContrast() {
        return window.preferences().highContrast();
    }

    /** Switches the theme: the window's content is built afresh in the other palette while training goes on. */
    void setHighContrast(boolean on) {
        window.updatePreferences(preferences -> preferences.withHighContrast(on));
        window.restyle(new Look(window.look().messages(), palette(window.preferences())));
    }

    /** Whether the window shows nothing but black: the class looks at the teacher, not at the lab. */
    boolean blank() {
        return blank;
    }

    /** Blanks the window or brings it back; training carries on meanwhile. */
    void setBlank(boolean on) {
        blank = on;
        Scene scene = stage.getScene();
        if (scene != null) {
            scene.setFill(on ? Color.BLACK : Color.WHITE);
            scene.getRoot().setVisible(!on);
        }
    }

    /** B and the full stop, which clickers' blank-screen buttons send, blank the window; any key or click brings it back. */
    private void blankingKey(KeyEvent event) {
        if (blank) {
            setBlank(false);
            event.consume();
        } else if ((event.getCode() == KeyCode.B || event.getCode() == KeyCode.PERIOD) && !event.isShortcutDown()
                && !event.isAltDown() && !(event.getTarget() instanceof TextInputControl)) {
            setBlank(true);
            event.consume();
        }
    }

    /** Escape, which a clicker's stop button sends too, ends the presenter view (and full screen, by itself). */
    private void key(KeyEvent event) {
        if (event.getCode() == KeyCode.ESCAPE && presenting()) {
            togglePresenting();
            event.consume();
        }
    }
}
