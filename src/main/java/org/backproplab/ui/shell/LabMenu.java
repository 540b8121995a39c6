package org.backproplab.ui.shell;

import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import org.backproplab.data.TextFile;
import org.backproplab.lesson.LessonCatalog;
import org.backproplab.ui.common.Messages;
import org.backproplab.ui.files.Exports;
import org.backproplab.ui.files.LabFiles;

/** The window's File menu: lessons in and out, points in and out, pictures and handouts out. */
final class LabMenu {

    /** The mark on items that open a modal dialog. */
    private static final String ASKS = "backprop-lab.asks";

    private LabMenu() {
    }

    /**
     * @param window   the whole window's content, for its picture
     * @param graph    the network graph, for its picture
     * @param boundary the decision boundary, for its picture
     * @param quit     closes the window the way its close button does (asking about unsaved changes)
     */
    static MenuBar create(Messages messages, LabFiles files, Exports exports, Node window, Node graph, Node boundary,
            Runnable quit) {
        Menu recent = new Menu(messages.get("menu.recent"));
        recent.setId("menu-recent");
        // Filled as it opens, so it always shows what was saved or opened last.
        Menu file = new Menu(messages.get("menu.file"));
        file.setId("menu-file");
        file.setOnShowing(event -> fillRecent(recent, files, messages));
        fillRecent(recent, files, messages);

        Menu shipped = new Menu(messages.get("menu.shipped"));
        shipped.setId("menu-shipped");
        for (LessonCatalog.Entry entry : LessonCatalog.shipped()) {
            MenuItem lesson = item(entry.title(messages.locale()), "lesson-" + entry.name(), () -> files.openShipped(entry));
            lesson.setMnemonicParsing(false);
            shipped.getItems().add(lesson);
        }

        Menu export = new Menu(messages.get("menu.export"));
        export.setId("menu-export");
        export.getItems().addAll(
                asking(messages.get("menu.export.window"), "export-window", () -> exports.picture(window)),
                asking(messages.get("menu.export.graph"), "export-graph", () -> exports.picture(graph)),
                asking(messages.get("menu.export.boundary"), "export-boundary", () -> exports.picture(boundary)),
                new SeparatorMenuItem(),
                asking(messages.get("menu.export.traceCsv"), "export-trace-csv", exports::traceCsv),
                asking(messages.get("menu.export.traceJson"), "export-trace-json", exports::traceJson),
                asking(messages.get("menu.export.worked"), "export-worked", exports::workedExample),
                asking(messages.get("menu.export.exercises"), "export-exercises", exports::exerciseSheets),
                new SeparatorMenuItem(),
                asking(messages.get("menu.export.python"), "export-python", exports::pythonScript),
                asking(messages.get("menu.export.notebook"), "export-notebook", exports::notebook));

        MenuItem open = asking(messages.get("menu.open"), "menu-open", files::open);
        open.setAccelerator(KeyCombination.keyCombination("Shortcut+O"));
        MenuItem playground = asking(messages.get("menu.openPlayground"), "menu-open-playground",
                files::openPlaygroundLink);
        MenuItem save = asking(messages.get("menu.save"), "menu-save", files::save);
        save.setAccelerator(KeyCombination.keyCombination("Shortcut+S"));
        MenuItem saveAs = asking(messages.get("menu.saveAs"), "menu-save-as", files::saveAs);
        saveAs.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+S"));
        // Shortcut is Ctrl here and Cmd on macOS, as each desktop's users expect.
        MenuItem quitItem = asking(messages.get("menu.quit"), "menu-quit", quit);
        quitItem.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        file.getItems().addAll(open, playground, recent, shipped, new SeparatorMenuItem(), save, saveAs, new SeparatorMenuItem(),
                asking(messages.get("menu.importPoints"), "menu-import-points", files::importPoints),
                asking(messages.get("menu.exportPoints"), "menu-export-points", files::exportPoints),
                export, new SeparatorMenuItem(), quitItem);
        MenuBar bar = new MenuBar(file);
        bar.getStyleClass().add("lab-menu");
        return bar;
    }

    private static void fillRecent(Menu recent, LabFiles files, Messages messages) {
        recent.getItems().clear();
        for (Path path : files.recentFiles()) {
            MenuItem item = item(TextFile.displayName(path), null, () -> files.openLesson(path));
            item.setMnemonicParsing(false);
            recent.getItems().add(item);
        }
        if (recent.getItems().isEmpty()) {
            MenuItem none = new MenuItem(messages.get("menu.recent.none"));
            none.setDisable(true);
            recent.getItems().add(none);
        }
    }

    /**
     * Whether choosing {@code item} asks the user something in a modal dialog (a file chooser, or
     * Quit's "save first?"), which waits for an answer: the random-input soak leaves these alone.
     */
    static boolean asks(MenuItem item) {
        return item.getProperties().containsKey(ASKS);
    }

    /** An item that opens a modal dialog (see {@link #asks}). */
    private static MenuItem asking(String text, String id, Runnable action) {
        MenuItem item = item(text, id, action);
        item.getProperties().put(ASKS, Boolean.TRUE);
        return item;
    }

    private static MenuItem item(String text, String id, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setOnAction(event -> action.run());
        return item;
    }
}
