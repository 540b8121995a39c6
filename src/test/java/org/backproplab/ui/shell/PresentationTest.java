package org.backproplab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.backproplab.fixtures.TestLessons;
import org.backproplab.ui.common.Messages;
import org.backproplab.ui.common.Palette;
import org.backproplab.ui.common.Preferences.Panel;
import org.backproplab.ui.common.Preferences;
import org.backproplab.ui.files.Dialogs;
import org.backproplab.ui.graph.GraphGeometry;
import org.backproplab.ui.graph.NetworkGraphView;
import org.backproplab.ui.stepthrough.StepThrough;
import org.backproplab.ui.stepthrough.StepThroughMode;
import org.backproplab.ui.testing.LiveLab;
import org.backproplab.ui.testing.Pixels;
import org.backproplab.ui.testing.ScriptedDialogs;
import org.backproplab.ui.view.LabLayout;
import org.backproplab.ui.view.StatusLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Presentation mode driven as a presenter would: the View menu and its keys hide and bring back
 * panels, the presenter view keeps only the drawings and restores exactly what was shown, and the
 * theme and size change what is drawn and are there again in the next window.
 */
@ExtendWith(ApplicationExtension.class)
class PresentationTest {

    private static final Set<Panel> EVERY_PANEL = EnumSet.allOf(Panel.class);
    /** The lesson title's size at the normal scale (1.3333em in lab.css). */
    private static final double TITLE_SIZE = 1.3333 * Presentation.BASE_FONT_SIZE;

    @TempDir
    Path home;

    private LabWindow window;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = open(stage);
    }

    @Stop
    void stop() {
        window.close();
    }

    private LabWindow open(Stage stage) {
        return LabWindow.open(stage, TestLessons.xor(), Messages.forLocale(Locale.ROOT),
                owner -> new LabWindow.Desk(dialogs, Optional.of(home)));
    }

    @Test
    void presentationModeHidesAndRestoresPanels(FxRobot robot) {
        new LiveLab(window).awaitSettled();
        Map<Panel, Node> panels = panels(robot);
        assertEquals(EVERY_PANEL, shown(panels), "a new window shows every panel");

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        robot.interact(() -> menuItem(robot, "view-panel-charts").fire());
        Set<Panel> chosen = EnumSet.complementOf(EnumSet.of(Panel.SETTINGS, Panel.CHARTS));
        assertEquals(chosen, shown(panels), "Ctrl+2 hides the settings, the View menu the charts");
        assertFalse(LiveLab.onFx(() -> window.presentation().isShown(Panel.SETTINGS)));
        assertFalse(robot.lookup(".settings-toggle").queryAs(javafx.scene.control.ToggleButton.class).isSelected(),
                "the toolbar's settings switch says the settings are hidden");

        robot.press(KeyCode.F5).release(KeyCode.F5);
        assertEquals(EnumSet.of(Panel.GRAPH, Panel.BOUNDARY), shown(panels), "the presenter view keeps the drawings only");

        robot.press(KeyCode.F5).release(KeyCode.F5);
        assertEquals(chosen, shown(panels), "leaving the presenter view brings back exactly what was shown");

        robot.interact(() -> menuItem(robot, "view-presenter").fire());
        assertEquals(EnumSet.of(Panel.GRAPH, Panel.BOUNDARY), shown(panels));
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        assertEquals(chosen, shown(panels), "Escape, a clicker's stop button, ends the presenter view too");

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        robot.interact(() -> menuItem(robot, "view-panel-charts").fire());
        assertEquals(EVERY_PANEL, shown(panels), "the same keys bring the panels back");
    }

    @Test
    void aPanelTheUserHidStaysHiddenWhenTheStepThroughEnds(FxRobot robot) {
        new LiveLab(window).awaitSettled();
        Map<Panel, Node> panels = panels(robot);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        assertFalse(shown(panels).contains(Panel.TOOLBAR));

        robot.clickOn(".step-toggle");
        Set<Panel> stepping = shown(panels);
        assertFalse(stepping.contains(Panel.SETTINGS) || stepping.contains(Panel.LAYER_STRIP),
                "the step-through folds the training controls away");
        robot.clickOn(".step-toggle");
        assertEquals(EnumSet.complementOf(EnumSet.of(Panel.TOOLBAR)), shown(panels),
                "the step-through brings back what it folded, not what the user hid");
    }

    @Test
    void theClickersBlankKeyBlanksTheWindowAndTheNextKeyOnlyBringsItBack(FxRobot robot) {
        new LiveLab(window).awaitSettled();
        robot.clickOn(".step-toggle");
        int position = LiveLab.onFx(() -> window.stepThrough().model().position());

        robot.press(KeyCode.B).release(KeyCode.B);
        assertTrue(LiveLab.onFx(() -> window.presentation().blank()));
        assertFalse(LiveLab.onFx(() -> window.layout().getScene().getRoot().isVisible()), "nothing of the lab shows");

        robot.press(KeyCode.PAGE_DOWN).release(KeyCode.PAGE_DOWN);
        assertFalse(LiveLab.onFx(() -> window.presentation().blank()), "the next key brings the lab back");
        assertTrue(LiveLab.onFx(() -> window.layout().getScene().getRoot().isVisible()));
        assertEquals(position, LiveLab.onFx(() -> window.stepThrough().model().position()),
                "the key that ends the blank does not also step on unseen");
    }

    @Test
    void highContrastChangesTheColoursTheGraphIsDrawnWithAndSurvivesAChangeOfLanguage(FxRobot robot)
            throws Exception {
        new LiveLab(window).awaitSettled();
        Pixels.assertColor(Palette.STANDARD.outline(), nodeBorder(), "a node's border in the standard theme");

        robot.interact(() -> menuItem(robot, "view-high-contrast").fire());
        new LiveLab(window).awaitSettled();
        assertEquals(Palette.HIGH_CONTRAST, LiveLab.onFx(() -> window.look().palette()));
        Pixels.assertColor(Palette.HIGH_CONTRAST.outline(), nodeBorder(), "a node's border in high contrast");
        assertTrue(LiveLab.onFx(() -> window.layout().getScene().getRoot().getStyleClass()
                .contains(Presentation.HIGH_CONTRAST_CLASS)), "the controls take the high-contrast style too");

        // What a change of language does: the screen is built afresh in another look.
        robot.interact(() -> window.restyle(new Look(Messages.forLocale(Locale.SIMPLIFIED_CHINESE), window.look().palette())));
        new LiveLab(window).awaitSettled();
        Pixels.assertColor(Palette.HIGH_CONTRAST.outline(), nodeBorder(), "high contrast after a change of language");
        assertEquals("视图", LiveLab.onFx(() -> menu(robot, "menu-view").getText()));
    }

    @Test
    void largerTextAndLinesReachTheWordsAndTheGraphsEdges(FxRobot robot) throws Exception {
        new LiveLab(window).awaitSettled();
        double title = titleSize(robot);
        assertEquals(TITLE_SIZE, title, 0.01);
        int inkBefore = edgeInk();
        // A weight small enough that no node size caps its edge's width.
        double weight = 0.5;
        double widthBefore = LiveLab.onFx(() -> window.layout().graph().lineWidth(weight));

        for (int step = 0; step < 4; step++) {
            robot.press(KeyCode.CONTROL, KeyCode.EQUALS).release(KeyCode.EQUALS, KeyCode.CONTROL);
        }
        assertEquals(Preferences.MAX_SCALE, LiveLab.onFx(() -> window.preferences().scale()));
        assertEquals(2 * title, titleSize(robot), 0.01, "the lesson's title is twice as large");
        assertEquals(2 * widthBefore, LiveLab.onFx(() -> window.layout().graph().lineWidth(weight)), 1e-9,
                "an edge of that weight is twice as wide");
        int inkAfter = edgeInk();
        // Less than twice: antialiasing blurs thin lines more than thick ones, and the heaviest weights' edges
        // are capped by the size of the nodes they join. Unscaled lines would leave about the same ink.
        assertTrue(inkAfter > 1.25 * inkBefore,
                "edges are drawn thicker: " + inkBefore + " then " + inkAfter + " pixels in an edge's colour");

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT0).release(KeyCode.DIGIT0, KeyCode.CONTROL);
        assertEquals(title, titleSize(robot), 0.01, "Ctrl+0 goes back to the normal size");
    }

    @Test
    void theNextWindowOpensAsThisOneWasLeft(FxRobot robot) {
        new LiveLab(window).awaitSettled();
        robot.press(KeyCode.CONTROL, KeyCode.EQUALS).release(KeyCode.EQUALS, KeyCode.CONTROL);
        if (!LiveLab.onFx(() -> window.presentation().isShown(Panel.SETTINGS))) {
            // Larger text on a screen this narrow (the test's is 1000 pixels wide) folds the settings away:
            // the presenter wants them back.
            robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        }
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT7).release(KeyCode.DIGIT7, KeyCode.CONTROL);
        robot.interact(() -> menuItem(robot, "view-high-contrast").fire());
        reopen(robot);
        assertEquals(Set.of(Panel.STATUS), LiveLab.onFx(() -> window.preferences().hiddenPanels()));
        assertFalse(LiveLab.onFx(() -> window.layout().status().isVisible()), "the status line stays hidden");
        assertTrue(LiveLab.onFx(() -> window.layout().showsPanel(Panel.SETTINGS)), "the settings stay shown");
        assertEquals(1.25, LiveLab.onFx(() -> window.preferences().scale()));
        assertEquals(1.25 * TITLE_SIZE, titleSize(robot), 0.01, "the text is as large as it was left");
        assertEquals(Palette.HIGH_CONTRAST, LiveLab.onFx(() -> window.look().palette()));
    }

    @Test
    void f11GoesFullScreenAndBackAndTheWindowRemembersWhichItWas(FxRobot robot) {
        new LiveLab(window).awaitSettled();
        // The headless screen copies each frame into a 1000×1000 buffer without clipping: a full-screen frame
        // copied once more at the restored window's place would run past it unless that place is the corner.
        robot.interact(() -> {
            stage.setX(0);
            stage.setY(0);
        });
        robot.press(KeyCode.F11).release(KeyCode.F11);
        assertTrue(LiveLab.onFx(() -> window.presentation().fullScreen()), "F11 goes full screen");
        assertTrue(LiveLab.onFx(() -> window.preferences().fullScreen()), "and the next run will too");
        // Back again before the test ends: TestFX hands this stage to the next test class.
        robot.press(KeyCode.F11).release(KeyCode.F11);
        assertFalse(LiveLab.onFx(() -> window.presentation().fullScreen()));
        assertFalse(LiveLab.onFx(() -> window.preferences().fullScreen()));
    }

    /** Closes the window as a user would and opens the next one with the same home folder. */
    private void reopen(FxRobot robot) {
        robot.interact(() -> {
            window.close();
            window.layout().getScene().getWindow().hide();
        });
        robot.interact(() -> window = open(new Stage()));
        new LiveLab(window).awaitSettled();
    }

    /** The node that stands for each panel on screen. */
    private static Map<Panel, Node> panels(FxRobot robot) {
        Map<Panel, String> queries = Map.of(Panel.TOOLBAR, ".training-bar", Panel.SETTINGS, ".settings-panel",
                Panel.LAYER_STRIP, ".layer-strip", Panel.GRAPH, ".network-graph", Panel.BOUNDARY, ".decision-boundary",
                Panel.CHARTS, ".chart-card", Panel.STATUS, ".status-line");
        Map<Panel, Node> nodes = new EnumMap<>(Panel.class);
        queries.forEach((panel, query) -> nodes.put(panel, robot.lookup(query).query()));
        return nodes;
    }

    /** The panels a user sees: in the window, and neither they nor anything around them hidden. */
    private static Set<Panel> shown(Map<Panel, Node> panels) {
        WaitForAsyncUtils.waitForFxEvents();
        return LiveLab.onFx(() -> {
            Set<Panel> shown = EnumSet.noneOf(Panel.class);
            panels.forEach((panel, node) -> {
                if (onScreen(node)) {
                    shown.add(panel);
                }
            });
            return shown;
        });
    }

    private static boolean onScreen(Node node) {
        if (node.getScene() == null) {
            return false;
        }
        for (Node at = node; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return node.getLayoutBounds().getWidth() > 0;
    }

    /** The colour of the first hidden neuron's border, as drawn. */
    private Color nodeBorder() throws Exception {
        NetworkGraphView graph = LiveLab.onFx(() -> window.layout().graph());
        Pixels pixels = Pixels.of(graph);
        Rectangle2D box = LiveLab.onFx(() -> graph.geometry().nodeBounds(1, 0));
        return pixels.at(box.getMinX(), (box.getMinY() + box.getMaxY()) / 2);
    }

    /**
     * Pixels in the colour of an edge (not the lighter antialiased rims) in a band across the middle
     * between the inputs and the hidden layer, where only edges are drawn: thicker edges leave more.
     */
    private int edgeInk() throws Exception {
        NetworkGraphView graph = LiveLab.onFx(() -> window.layout().graph());
        Pixels pixels = Pixels.of(graph);
        return LiveLab.onFx(() -> {
            GraphGeometry geometry = graph.geometry();
            double middle = (geometry.columnX(0) + geometry.columnX(1)) / 2;
            int ink = 0;
            for (int x = (int) middle - 10; x < middle + 10; x++) {
                for (int y = 0; y < graph.getHeight(); y++) {
                    Color pixel = pixels.at(x, y);
                    if (Pixels.distance(Palette.STANDARD.positive(), pixel) < 0.15
                            || Pixels.distance(Palette.STANDARD.negative(), pixel) < 0.15) {
                        ink++;
                    }
                }
            }
            return ink;
        });
    }

    private static double titleSize(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        return LiveLab.onFx(() -> robot.lookup(".lesson-title").queryAs(Label.class).getFont().getSize());
    }

    private static Menu menu(FxRobot robot, String id) {
        MenuBar bar = robot.lookup(".lab-menu").queryAs(MenuBar.class);
        return bar.getMenus().stream().filter(menu -> id.equals(menu.getId())).findFirst().orElseThrow();
    }

    private static MenuItem menuItem(FxRobot robot, String id) {
        Menu view = menu(robot, "menu-view");
        MenuItem item = find(view.getItems(), id);
        assertNotNull(item, id);
        return item;
    }

    private static MenuItem find(List<MenuItem> items, String id) {
        return items.stream().filter(item -> id.equals(item.getId())).findFirst().orElse(null);
    }
}
