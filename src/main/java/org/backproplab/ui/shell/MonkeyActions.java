package org.backproplab.ui.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Control;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import org.backproplab.ui.common.Preferences.Panel;
import org.controlsfx.control.ToggleSwitch;

/**
 * Everything the random-input soak does to the window, one {@link Kind} per kind of user action,
 * each with how often it is drawn. A kind finds its target afresh each time it is drawn (a
 * language or theme switch builds every control anew) and acts through {@link MonkeyHands}: the
 * pointer and keyboard, or a menu item fired as its menu would. Menu items that open a modal
 * dialog ({@link LabMenu#asks}) and the keys that would (Ctrl+O, Ctrl+S, Ctrl+Q) are never chosen.
 *
 * <p>A new kind is one entry in {@link #KINDS}, as "predict answer" shows.
 */
final class MonkeyActions {

    /** One action as drawn: what it is, for the log, and its steps, done one per frame. */
    record Action(String description, List<Runnable> steps) {

        Action(String description, Runnable... steps) {
            this(description, List.of(steps));
        }
    }

    /** Finds what to act on in the window as it is now; empty when there is nothing of the kind on screen. */
    interface Plan {
        Optional<Action> on(MonkeyHands hands, LabWindow window, Random random);
    }

    /** A kind of user action: its name in the report and how often it is drawn. */
    record Kind(String name, int weight, Plan plan) {
    }

    /**
     * Values typed into number fields: sensible ones and the junk users type (nothing, a lone
     * sign, overflow, underflow, NaN, ten thousand digits, a decimal comma, letters).
     */
    static final List<String> TYPED = List.of("", "-", "1e400", "-1e400", "1e-400", "NaN", "Infinity", "1".repeat(10_000),
            "0", "-0", "0.1", "0.03", "2", "7", "16", "100", ".5", "3.", "1,5", " 4 ", "abc", "-7", "999999999");

    /** Keys a presenter or a clicker sends: presenter view, full screen, blanking, panels, zoom, step keys. */
    private static final List<List<KeyCode>> PRESENTER_KEYS = List.of(
            List.of(KeyCode.F5), List.of(KeyCode.F11), List.of(KeyCode.ESCAPE), List.of(KeyCode.B), List.of(KeyCode.PERIOD),
            List.of(KeyCode.DIGIT1, KeyCode.CONTROL), List.of(KeyCode.DIGIT2, KeyCode.CONTROL),
            List.of(KeyCode.DIGIT3, KeyCode.CONTROL), List.of(KeyCode.DIGIT4, KeyCode.CONTROL),
            List.of(KeyCode.DIGIT5, KeyCode.CONTROL), List.of(KeyCode.DIGIT6, KeyCode.CONTROL),
            List.of(KeyCode.DIGIT7, KeyCode.CONTROL), List.of(KeyCode.EQUALS, KeyCode.CONTROL),
            List.of(KeyCode.MINUS, KeyCode.CONTROL), List.of(KeyCode.DIGIT0, KeyCode.CONTROL),
            List.of(KeyCode.PAGE_UP), List.of(KeyCode.PAGE_DOWN), List.of(KeyCode.SPACE), List.of(KeyCode.TAB));

    private static final List<List<KeyCode>> UNDO_KEYS = List.of(List.of(KeyCode.Z, KeyCode.CONTROL),
            List.of(KeyCode.Y, KeyCode.CONTROL), List.of(KeyCode.Z, KeyCode.CONTROL, KeyCode.SHIFT));

    private static final List<KeyCode> STEP_KEYS = List.of(KeyCode.RIGHT, KeyCode.RIGHT, KeyCode.SPACE, KeyCode.PAGE_DOWN,
            KeyCode.LEFT, KeyCode.PAGE_UP, KeyCode.END);

    /** The largest window size drawn: no larger than the Headless platform renders (and the screen, if smaller). */
    private static final double LARGEST_WIDTH = 1280;
    private static final double LARGEST_HEIGHT = 900;

    static final List<Kind> KINDS = List.of(
            new Kind("play", 3, MonkeyActions::play),
            new Kind("button or toggle", 14, (hands, window, random) -> MonkeyHands.any(hands.onScreen(ButtonBase.class), random)
                    .map(button -> click("button " + name(button), hands, MonkeyHands.centreOf(button)))),
            new Kind("switch", 4, (hands, window, random) -> MonkeyHands.any(hands.onScreen(ToggleSwitch.class), random)
                    .map(toggle -> click("switch " + name(toggle), hands, MonkeyHands.centreOf(toggle.lookup(".thumb-area"))))),
            new Kind("choice", 8, MonkeyActions::choose),
            new Kind("slider", 6, (hands, window, random) -> MonkeyHands.any(hands.onScreen(Slider.class), random)
                    .map(slider -> click("slider " + name(slider), hands, MonkeyHands.somewhereIn(slider, random)))),
            new Kind("spinner", 3, MonkeyActions::spin),
            new Kind("number field", 12, (hands, window, random) -> typeInto(hands.onScreen(TextInputControl.class)
                    .stream().filter(TextInputControl::isEditable).toList(), hands, random)),
            new Kind("drag on graph", 7, (hands, window, random) -> drag("graph", window.layout().graph(), hands, random)),
            new Kind("drag on boundary", 7, (hands, window, random) -> drag("boundary", window.layout().boundary(), hands, random)),
            new Kind("menu command", 6, MonkeyActions::menuCommand),
            new Kind("presenter key", 5, (hands, window, random) -> Optional.of(keys(PRESENTER_KEYS, hands, random))),
            new Kind("undo or redo", 5, (hands, window, random) -> Optional.of(keys(UNDO_KEYS, hands, random))),
            new Kind("step-through", 5, MonkeyActions::stepThrough),
            new Kind("language", 1, MonkeyActions::switchLanguage),
            new Kind("theme", 1, (hands, window, random) -> Optional.of(new Action("high contrast on or off (Ctrl+Shift+H)",
                    () -> hands.key(KeyCode.H, KeyCode.CONTROL, KeyCode.SHIFT)))),
            new Kind("resize", 2, MonkeyActions::resize),
            new Kind("close other windows", 1, MonkeyActions::closeOtherWindows),
            // The step-through's predict field, when a question is open: any editable field would
            // do, but answers are what a student types most, so they come up more often.
            new Kind("predict answer", 3, (hands, window, random) -> typeInto(hands.onScreen(TextInputControl.class)
                    .stream().filter(field -> "predict-answer".equals(field.getId())).toList(), hands, random)));

    private MonkeyActions() {
    }

    /**
     * Play if paused; if playing, the speed slider to its fastest end: training goes on at full
     * speed throughout. When Play is out of sight, first what brings it back: the step-through
     * closed, the toolbar shown (Ctrl+1).
     */
    static Optional<Action> play(MonkeyHands hands, LabWindow window, Random random) {
        if (window.latest() != null && !window.latest().playing()) {
            Optional<Action> play = byId(hands, ButtonBase.class, "play").map(button -> click("Play", hands, MonkeyHands.centreOf(button)));
            if (play.isPresent()) {
                return play;
            }
            if (window.stepThrough().isOn() && MonkeyHands.shown(window.stepThrough().toggle())) {
                return Optional.of(click("close the step-through", hands, MonkeyHands.centreOf(window.stepThrough().toggle())));
            }
            if (!window.presentation().isShown(Panel.TOOLBAR)) {
                return Optional.of(new Action("show the toolbar (Ctrl+1)", () -> hands.key(KeyCode.DIGIT1, KeyCode.CONTROL)));
            }
            return Optional.empty();
        }
        return byId(hands, Slider.class, "speed").map(speed -> {
            Bounds bounds = speed.localToScreen(speed.getLayoutBounds());
            return click("speed to fastest", hands, new Point2D(bounds.getMaxX() - 2, bounds.getCenterY()));
        });
    }

    /** Opens a combo or choice box, then picks one of the entries its popup lists (or closes it if it lists none). */
    private static Optional<Action> choose(MonkeyHands hands, LabWindow window, Random random) {
        List<Control> boxes = new ArrayList<>(hands.onScreen(ComboBoxBase.class));
        boxes.addAll(hands.onScreen(ChoiceBox.class));
        return MonkeyHands.any(boxes, random).map(box -> {
            Node arrow = box.lookup(".arrow-button");
            Point2D open = MonkeyHands.centreOf(arrow != null ? arrow : box);
            int entry = random.nextInt(1000);
            return new Action("choose in " + name(box), () -> hands.click(open), () -> {
                List<Node> entries = hands.inPopups(".list-cell, .menu-item");
                if (entries.isEmpty()) {
                    hands.key(KeyCode.ESCAPE);
                } else {
                    hands.click(MonkeyHands.centreOf(entries.get(entry % entries.size())));
                }
            });
        });
    }

    private static Optional<Action> spin(MonkeyHands hands, LabWindow window, Random random) {
        String arrow = random.nextBoolean() ? ".increment-arrow-button" : ".decrement-arrow-button";
        return MonkeyHands.any(hands.onScreen(Spinner.class), random).map(spinner ->
                click("spinner " + name(spinner) + " " + arrow, hands, MonkeyHands.centreOf(spinner.lookup(arrow))));
    }

    /** Clicks into a field, replaces its text with a value sensible or not, and commits (Enter, Tab) or cancels (Escape). */
    static Optional<Action> typeInto(List<TextInputControl> fields, MonkeyHands hands, Random random) {
        return MonkeyHands.any(fields, random).map(field -> {
            String value = random.nextInt(4) == 0
                    ? String.format(Locale.ROOT, "%.4g", random.nextGaussian() * Math.pow(10, random.nextInt(7) - 3))
                    : TYPED.get(random.nextInt(TYPED.size()));
            KeyCode commit = List.of(KeyCode.ENTER, KeyCode.ENTER, KeyCode.TAB, KeyCode.ESCAPE).get(random.nextInt(4));
            String shown = value.length() > 20 ? value.length() + " digits" : "\"" + value + "\"";
            Point2D at = MonkeyHands.centreOf(field);
            return new Action("type " + shown + " into " + name(field) + ", then " + commit,
                    () -> hands.click(at), () -> hands.replaceText(value), () -> hands.key(commit));
        });
    }

    /** A drag across a view in a few moves; one in four ends where it began, a click. */
    private static Optional<Action> drag(String what, Node view, MonkeyHands hands, Random random) {
        if (!MonkeyHands.shown(view)) {
            return Optional.empty();
        }
        Point2D from = MonkeyHands.somewhereIn(view, random);
        Point2D to = random.nextInt(4) == 0 ? from : MonkeyHands.somewhereIn(view, random);
        return Optional.of(new Action(String.format(Locale.ROOT, "drag on %s from (%.0f, %.0f) to (%.0f, %.0f)", what,
                from.getX(), from.getY(), to.getX(), to.getY()),
                () -> hands.press(from),
                () -> hands.moveTo(from.interpolate(to, 0.5)),
                () -> hands.moveTo(to),
                hands::release));
    }

    /** A command from the menu bar that asks nothing (not Open, Save, the exports or Quit), fired as its menu would. */
    private static Optional<Action> menuCommand(MonkeyHands hands, LabWindow window, Random random) {
        List<MenuItem> items = new ArrayList<>();
        menuBar(hands).ifPresent(bar -> bar.getMenus().forEach(menu -> commands(menu, items)));
        return MonkeyHands.any(items, random).map(item -> new Action("menu " + name(item), item::fire));
    }

    private static void commands(Menu menu, List<MenuItem> into) {
        for (MenuItem item : menu.getItems()) {
            if (item instanceof Menu submenu) {
                commands(submenu, into);
            } else if (!(item instanceof SeparatorMenuItem) && !item.isDisable() && !LabMenu.asks(item)) {
                into.add(item);
            }
        }
    }

    private static Action keys(List<List<KeyCode>> choices, MonkeyHands hands, Random random) {
        List<KeyCode> keys = choices.get(random.nextInt(choices.size()));
        KeyCode[] modifiers = keys.subList(1, keys.size()).toArray(KeyCode[]::new);
        return new Action("key " + keys, () -> hands.key(keys.getFirst(), modifiers));
    }

    /** Opens the step-through, or while it is on, steps with its keys (and now and then closes it). */
    private static Optional<Action> stepThrough(MonkeyHands hands, LabWindow window, Random random) {
        Node toggle = window.stepThrough().toggle();
        boolean on = window.stepThrough().isOn();
        if (!on || random.nextInt(4) == 0) {
            if (!MonkeyHands.shown(toggle)) {
                return Optional.empty();
            }
            return Optional.of(click(on ? "close the step-through" : "open the step-through", hands, MonkeyHands.centreOf(toggle)));
        }
        KeyCode key = STEP_KEYS.get(random.nextInt(STEP_KEYS.size()));
        return Optional.of(new Action("step-through key " + key, () -> hands.key(key)));
    }

    /** The Language menu's other language, chosen as the menu would: the whole window is built anew in it. */
    private static Optional<Action> switchLanguage(MonkeyHands hands, LabWindow window, Random random) {
        return menuBar(hands).flatMap(bar -> bar.getMenus().stream()
                .filter(menu -> "menu-language".equals(menu.getId())).findFirst())
                .flatMap(menu -> menu.getItems().stream()
                        .filter(item -> item instanceof RadioMenuItem radio && !radio.isSelected()).findFirst())
                .map(item -> new Action("language " + item.getId(), item::fire));
    }

    /** A new window size, as a user dragging its corner would make it (at least its minimum, at most the screen). */
    private static Optional<Action> resize(MonkeyHands hands, LabWindow window, Random random) {
        Stage stage = hands.stage();
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double width = between(stage.getMinWidth(), LARGEST_WIDTH, random);
        double height = between(stage.getMinHeight(), Math.min(LARGEST_HEIGHT, screen.getHeight()), random);
        return Optional.of(new Action(String.format(Locale.ROOT, "resize to %.0fx%.0f", width, height), () -> {
            stage.setWidth(width);
            stage.setHeight(height);
        }));
    }

    private static double between(double low, double high, Random random) {
        return Math.rint(low + random.nextDouble() * Math.max(0, high - low));
    }

    /** Closes the windows the lab opened besides its own (the legend), as their close button would. */
    private static Optional<Action> closeOtherWindows(MonkeyHands hands, LabWindow window, Random random) {
        List<Stage> others = Window.getWindows().stream()
                .filter(other -> other instanceof Stage && other != hands.stage() && other.isShowing())
                .map(Stage.class::cast).toList();
        if (others.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Action("close " + others.size() + " other window(s)", () -> others.forEach(MonkeyActions::close)));
    }

    /** Closes a window as its close button does: asks it first, and closes it if it does not refuse. */
    static void close(Stage other) {
        WindowEvent request = new WindowEvent(other, WindowEvent.WINDOW_CLOSE_REQUEST);
        other.fireEvent(request);
        if (!request.isConsumed()) {
            other.hide();
        }
    }

    private static Action click(String what, MonkeyHands hands, Point2D at) {
        return new Action(String.format(Locale.ROOT, "click %s at (%.0f, %.0f)", what, at.getX(), at.getY()), () -> hands.click(at));
    }

    private static <T extends Node> Optional<T> byId(MonkeyHands hands, Class<T> type, String id) {
        return hands.onScreen(type).stream().filter(node -> id.equals(node.getId())).findFirst();
    }

    private static Optional<MenuBar> menuBar(MonkeyHands hands) {
        return Optional.ofNullable(hands.stage().getScene())
                .map(scene -> scene.getRoot().lookup(".menu-bar"))
                .filter(MenuBar.class::isInstance).map(MenuBar.class::cast);
    }

    /** A control's id or, without one, its type: enough to find it again when replaying a run. */
    private static String name(Node node) {
        return node.getId() != null ? "#" + node.getId() : node.getClass().getSimpleName();
    }

    private static String name(MenuItem item) {
        return item.getId() != null ? "#" + item.getId() : item.getClass().getSimpleName();
    }
}
