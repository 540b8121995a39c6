package org.backproplab.ui.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.backproplab.ui.common.Messages;
import org.backproplab.ui.common.Preferences.Panel;
import org.backproplab.ui.common.Preferences;

/**
 * The View menu: what a presenter needs in front of a room. The presenter view (F5, which clickers
 * send to start a presentation), full screen (F11), each panel on or off (Ctrl+1 … Ctrl+7; the
 * step-through keeps the arrows, Space and the page keys), text and lines larger or smaller
 * (Ctrl+= / Ctrl+− / Ctrl+0), the high-contrast theme, and a blank screen (B or the full stop, as
 * clickers send; any key brings the lab back).
 */
final class ViewMenu {

    private ViewMenu() {
    }

    /** @param compare forks the lab into two runs side by side (Compare…) */
    static Menu create(Messages messages, Presentation presentation, Runnable compare) {
        Menu view = new Menu(messages.get("view.menu"));
        view.setId("menu-view");
        // Check marks are read from the presentation, which keys and the toolbar change too.
        List<Runnable> refreshers = new ArrayList<>();
        view.setOnShowing(event -> refreshers.forEach(Runnable::run));

        view.getItems().add(check(messages.get("view.presenter"), "view-presenter", "F5",
                presentation::presenting, presentation::togglePresenting, refreshers));
        view.getItems().add(check(messages.get("view.fullScreen"), "view-full-screen", "F11",
                presentation::fullScreen, presentation::toggleFullScreen, refreshers));
        // No accelerator: B typed into a field must stay a letter. The key works wherever no field has the focus.
        view.getItems().add(item(messages.get("view.blank"), "view-blank", () -> presentation.setBlank(true)));
        view.getItems().add(new SeparatorMenuItem());
        view.getItems().add(item(messages.get("compare.menu"), "view-compare", compare));
        view.getItems().add(new SeparatorMenuItem());
        int number = 1;
        for (Panel panel : Panel.values()) {
            String key = "view.panel." + panel.name().toLowerCase(Locale.ROOT);
            String accelerator = number <= 9 ? "Shortcut+" + number++ : null;
            view.getItems().add(check(messages.get(key), "view-panel-" + panel.name().toLowerCase(Locale.ROOT),
                    accelerator, () -> presentation.isShown(panel), () -> presentation.toggle(panel), refreshers));
        }
        view.getItems().add(new SeparatorMenuItem());
        MenuItem larger = item(messages.get("view.larger"), "view-larger", () -> presentation.zoom(1));
        // Ctrl+= is Ctrl++ on most keyboards without the Shift; either works.
        larger.setAccelerator(new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_ANY));
        MenuItem smaller = item(messages.get("view.smaller"), "view-smaller", () -> presentation.zoom(-1));
        smaller.setAccelerator(new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN));
        MenuItem normal = item(messages.get("view.normalSize"), "view-normal-size",
                () -> presentation.setScale(Presentation.SCALES[0]));
        normal.setAccelerator(new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN));
        view.getItems().addAll(larger, smaller, normal, new SeparatorMenuItem(),
                check(messages.get("view.highContrast"), "view-high-contrast", "Shortcut+Shift+H",
                        presentation::highContrast, () -> presentation.setHighContrast(!presentation.highContrast()),
                        refreshers));
        return view;
    }

    /**
     * An item with a check mark that shows {@code state}. Its action flips the state itself rather
     * than follow the mark, which may be stale when a key changed the state meanwhile.
     */
    private static CheckMenuItem check(String text, String id, String accelerator, BooleanSupplier state,
            Runnable flip, List<Runnable> refreshers) {
        CheckMenuItem item = new CheckMenuItem(text);
        item.setId(id);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        Runnable refresh = () -> item.setSelected(state.getAsBoolean());
        refreshers.add(refresh);
        refresh.run();
        item.setOnAction(event -> {
            flip.run();
            refreshers.forEach(Runnable::run);
        });
        return item;
    }

    private static MenuItem item(String text, String id, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setOnAction(event -> action.run());
        return item;
    }
}
