package org.backproplab.ui.testing;

import java.util.List;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import org.testfx.api.FxRobot;

/** Finds the lab's menu items, however deep, as a user would reach them through the menu bar. */
public final class LabMenus {

    private LabMenus() {
    }

    /** The item with {@code id} anywhere in the lab's menu bar; fails if there is none. */
    public static MenuItem item(FxRobot robot, String id) {
        MenuBar bar = robot.lookup(".lab-menu").queryAs(MenuBar.class);
        MenuItem found = find(bar.getMenus(), id);
        if (found == null) {
            throw new AssertionError("no menu item " + id);
        }
        return found;
    }

    private static MenuItem find(List<? extends MenuItem> items, String id) {
        for (MenuItem item : items) {
            if (id.equals(item.getId())) {
                return item;
            }
            if (item instanceof Menu menu) {
                MenuItem inside = find(menu.getItems(), id);
                if (inside != null) {
                    return inside;
                }
            }
        }
        return null;
    }
}
