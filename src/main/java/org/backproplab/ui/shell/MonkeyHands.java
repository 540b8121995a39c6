package org.backproplab.ui.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.MenuBar;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DataFormat;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.robot.Robot;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The random-input soak's hands on the window: the pointer and the keyboard through JavaFX's
 * {@link Robot}, so every action goes in as the platform's own events (hit testing, focus,
 * popups, key filters) and never as a call into the lab, and eyes that find on screen the
 * controls of a kind to act on. FX thread only.
 */
final class MonkeyHands {

    private final Robot robot = new Robot();
    private final Stage stage;
    /** Where the pointer is held down in a drag, so the run can let go if it ends mid-drag. */
    private boolean pressed;

    MonkeyHands(Stage stage) {
        this.stage = stage;
    }

    Stage stage() {
        return stage;
    }

    /** A click; none where no window of the lab is (it would land on the desktop). */
    void click(Point2D at) {
        toWindow();
        if (overAWindow(at)) {
            robot.mouseMove(at);
            robot.mouseClick(MouseButton.PRIMARY);
        }
    }

    /** The start of a drag; none where no window of the lab is, and then no drag. */
    void press(Point2D at) {
        toWindow();
        if (overAWindow(at)) {
            robot.mouseMove(at);
            robot.mousePress(MouseButton.PRIMARY);
            pressed = true;
        }
    }

    void moveTo(Point2D at) {
        if (pressed && overAWindow(at)) {
            robot.mouseMove(at);
        }
    }

    void release() {
        if (pressed) {
            robot.mouseRelease(MouseButton.PRIMARY);
            pressed = false;
        }
    }

    /**
     * Whether a point on screen is over one of the lab's windows. A target can lie outside them
     * (a drawing larger than the window just made smaller), and the Headless platform's robot
     * fails on a press where no window is.
     */
    private static boolean overAWindow(Point2D at) {
        return Window.getWindows().stream().anyMatch(window -> window.isShowing()
                && new Rectangle2D(window.getX(), window.getY(), window.getWidth(), window.getHeight()).contains(at));
    }

    /**
     * Gives the lab's window the focus if another one took it (the legend, a closed popup's owner),
     * as a user's click on it would: keys go to the focused window, and the Headless platform's
     * robot has nowhere to send anything while no window is active.
     */
    private void toWindow() {
        if (!stage.isFocused()) {
            stage.requestFocus();
        }
    }

    /** Lets go of the pointer if a drag was cut short by the end of the run. */
    void letGo() {
        release();
    }

    /** Presses {@code key} with the {@code modifiers} held (Control is the shortcut key on Linux and Windows). */
    void key(KeyCode key, KeyCode... modifiers) {
        toWindow();
        for (KeyCode modifier : modifiers) {
            robot.keyPress(modifier);
        }
        robot.keyType(key);
        for (int i = modifiers.length - 1; i >= 0; i--) {
            robot.keyRelease(modifiers[i]);
        }
    }

    /** Types {@code text} as a paste over whatever the focused field holds: select all, then paste. */
    void replaceText(String text) {
        Clipboard.getSystemClipboard().setContent(Map.of(DataFormat.PLAIN_TEXT, text));
        key(KeyCode.A, KeyCode.CONTROL);
        key(KeyCode.V, KeyCode.CONTROL);
    }

    /** A random point inside {@code node} on screen, kept a few pixels from its edges. */
    static Point2D somewhereIn(Node node, Random random) {
        Bounds bounds = node.localToScreen(node.getLayoutBounds());
        double margin = Math.min(4, Math.min(bounds.getWidth(), bounds.getHeight()) / 4);
        return new Point2D(bounds.getMinX() + margin + random.nextDouble() * (bounds.getWidth() - 2 * margin),
                bounds.getMinY() + margin + random.nextDouble() * (bounds.getHeight() - 2 * margin));
    }

    /** Whether {@code node} is in a window on screen now, visible itself (a parent may still hide it). */
    static boolean shown(Node node) {
        return node.isVisible() && node.getScene() != null && node.localToScreen(node.getLayoutBounds()) != null;
    }

    static Point2D centreOf(Node node) {
        Bounds bounds = node.localToScreen(node.getLayoutBounds());
        return new Point2D(bounds.getCenterX(), bounds.getCenterY());
    }

    /**
     * The nodes of {@code type} in the window that a user could click now: shown (they and every
     * parent visible), enabled, with their centre inside the window. Menus are left out: the soak
     * chooses menu commands by what they do, not by where the pointer lands on an open menu.
     */
    <T extends Node> List<T> onScreen(Class<T> type) {
        List<T> found = new ArrayList<>();
        if (stage.getScene() != null && stage.isShowing()) {
            collect(stage.getScene().getRoot(), type, found);
        }
        return found;
    }

    private <T extends Node> void collect(Node node, Class<T> type, List<T> found) {
        if (!node.isVisible() || node.isDisabled() || node instanceof MenuBar) {
            return;
        }
        if (type.isInstance(node) && inWindow(node)) {
            found.add(type.cast(node));
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, type, found);
            }
        }
    }

    private boolean inWindow(Node node) {
        Bounds bounds = node.localToScreen(node.getLayoutBounds());
        Bounds window = stage.getScene().getRoot().localToScreen(stage.getScene().getRoot().getLayoutBounds());
        return bounds != null && window != null && bounds.getWidth() > 0 && bounds.getHeight() > 0
                && window.contains(bounds.getCenterX(), bounds.getCenterY());
    }

    /** The nodes matching a CSS {@code selector} in the window's showing popups (a combo box's list, a choice box's menu). */
    List<Node> inPopups(String selector) {
        List<Node> found = new ArrayList<>();
        for (Window window : Window.getWindows()) {
            if (window instanceof PopupWindow popup && popup.isShowing() && popup.getScene() != null) {
                popup.getScene().getRoot().lookupAll(selector).stream()
                        .filter(node -> node.isVisible() && node.localToScreen(node.getLayoutBounds()) != null)
                        .forEach(found::add);
            }
        }
        return found;
    }

    /** One of {@code choices}, or none if there are none. */
    static <T> Optional<T> any(List<T> choices, Random random) {
        return choices.isEmpty() ? Optional.empty() : Optional.of(choices.get(random.nextInt(choices.size())));
    }
}
