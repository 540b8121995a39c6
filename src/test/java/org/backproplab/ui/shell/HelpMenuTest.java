package org.backproplab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.scene.shape.Shape;
import javafx.stage.Modality;
import javafx.stage.Stage;
import org.backproplab.fixtures.TestLessons;
import org.backproplab.ui.boundary.DecisionBoundaryView;
import org.backproplab.ui.common.Messages;
import org.backproplab.ui.common.Palette;
import org.backproplab.ui.common.Preferences;
import org.backproplab.ui.files.Dialogs;
import org.backproplab.ui.graph.NetworkGraphView;
import org.backproplab.ui.help.Tour;
import org.backproplab.ui.testing.LabMenus;
import org.backproplab.ui.testing.LiveLab;
import org.backproplab.ui.testing.ScriptedDialogs;
import org.backproplab.ui.view.LabLayout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The Help menu, used as a student would: the legend window, and the tour with its buttons and keys. */
@ExtendWith(ApplicationExtension.class)
class HelpMenuTest {

    private final FxRobot robot = new FxRobot();
    private final Messages english = Messages.forLocale(Locale.ROOT);
    @TempDir
    Path home;
    private LabWindow window;

    @AfterEach
    void closeWindow() throws Exception {
        if (window != null) {
            robot.interact(window::close);
        }
        FxToolkit.cleanupStages();
    }

    @Test
    void theLegendExplainsEveryColourWithTheDrawingsOwnColours() {
        open(english, Optional.empty());
        robot.clickOn("Help").clickOn("Legend…");
        Stage legend = LiveLab.onFx(() -> window.help().legend().stage());
        assertTrue(LiveLab.onFx(legend::isShowing));
        assertEquals(Modality.NONE, legend.getModality(), "the legend stays open beside the lab");

        List<String> texts = LiveLab.onFx(() -> nodes(legend.getScene().getRoot(), Label.class).stream()
                .map(Label::getText).toList());
        for (String key : List.of("positive", "negative", "width", "bias", "nodeMap", "heatmap", "missing",
                "trainPoint", "testPoint", "trainCurve", "testCurve", "forward", "backward", "update", "halo")) {
            assertTrue(texts.contains(english.get("help.legend." + key)), key + " is explained: " + texts);
        }
        assertTrue(texts.contains("class 2"), "three class colours are shown");

        List<Color> colours = LiveLab.onFx(() -> {
            List<Color> used = new ArrayList<>();
            for (Shape shape : nodes(legend.getScene().getRoot(), Shape.class)) {
                for (var paint : List.of(shape.getStroke() == null ? Color.TRANSPARENT : shape.getStroke(),
                        shape.getFill() == null ? Color.TRANSPARENT : shape.getFill())) {
                    if (paint instanceof Color colour) {
                        used.add(colour);
                    }
                }
            }
            return used;
        });
        Palette palette = Palette.STANDARD;
        for (Color expected : List.of(palette.positive(), palette.negative(), palette.classColor(2), palette.missing(),
                palette.testCurve(), palette.highlight(), palette.forward(), palette.backward(), palette.update())) {
            assertTrue(colours.contains(expected), expected + " is drawn in the legend");
        }
        boolean dashedNegative = LiveLab.onFx(() -> nodes(legend.getScene().getRoot(), Shape.class).stream()
                .anyMatch(shape -> palette.negative().equals(shape.getStroke()) && !shape.getStrokeDashArray().isEmpty()));
        assertTrue(dashedNegative, "negative weights are drawn dashed, as in the graph");
    }

    @Test
    void theTourWalksThroughTheWindowAndSkippingRemembersItWasSeen() throws IOException {
        open(english, Optional.of(home));
        assertFalse(LiveLab.onFx(() -> window.help().tour().isShowing()), "a window opened by a test starts no tour");

        robot.clickOn("Help").clickOn("Tour…");
        Tour tour = LiveLab.onFx(() -> window.help().tour());
        awaitStop(tour, "graph");
        assertSame(window.layout().graph(), LiveLab.onFx(() -> tour.bubble().getOwnerNode()), "step 1 points at the graph");
        assertTrue(bubbleTexts(tour).contains("1 of 6"), bubbleTexts(tour).toString());
        assertTrue(bubbleTexts(tour).contains(english.get("tour.graph.text")));

        robot.clickOn("#tour-next");
        awaitStop(tour, "boundary");
        assertSame(window.layout().boundary(), LiveLab.onFx(() -> tour.bubble().getOwnerNode()));
        assertTrue(bubbleTexts(tour).contains("2 of 6"), bubbleTexts(tour).toString());

        robot.type(KeyCode.LEFT);
        awaitStop(tour, "graph");
        robot.type(KeyCode.RIGHT);
        awaitStop(tour, "boundary");
        robot.type(KeyCode.ENTER);
        awaitStop(tour, "train");

        assertFalse(LiveLab.onFx(() -> window.preferences().tourSeen()));
        robot.clickOn("#tour-skip");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(LiveLab.onFx(tour::isShowing));
        assertTrue(LiveLab.onFx(() -> window.preferences().tourSeen()));
        assertTrue(Files.readString(home.resolve(PreferencesStore.FILE_NAME)).contains("tourSeen=true"));
    }

    @Test
    void escapeEndsTheTourInChineseToo() {
        Messages chinese = Messages.forLocale(Locale.SIMPLIFIED_CHINESE);
        open(chinese, Optional.empty());
        robot.interact(() -> window.help().tour().start());
        Tour tour = LiveLab.onFx(() -> window.help().tour());
        awaitStop(tour, "graph");
        assertTrue(bubbleTexts(tour).contains("第 1 步，共 6 步"), bubbleTexts(tour).toString());
        assertTrue(bubbleTexts(tour).contains(chinese.get("tour.graph.title")));

        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(LiveLab.onFx(tour::isShowing));
        assertTrue(LiveLab.onFx(() -> window.preferences().tourSeen()));
    }

    @Test
    void aFoldedAwayPanelIsLeftOutOfTheTourRatherThanPointedAtInTheVoid() {
        open(english, Optional.empty());
        robot.clickOn(".settings-toggle");
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> window.help().tour().start());
        Tour tour = LiveLab.onFx(() -> window.help().tour());
        List<String> visited = new ArrayList<>();
        for (String key : List.of("graph", "boundary", "train", "step", "menu")) {
            awaitStop(tour, key);
            visited.add(key);
            assertTrue(bubbleTexts(tour).contains(visited.size() + " of 5"), bubbleTexts(tour).toString());
            robot.clickOn("#tour-next");
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(LiveLab.onFx(tour::isShowing), "Done on the last bubble ends the tour");
        assertTrue(LiveLab.onFx(() -> window.preferences().tourSeen()));
    }

    @Test
    void aPanelHiddenWhileTheTourRunsIsPassedOverNotPointedAt() {
        open(english, Optional.empty());
        robot.interact(() -> window.help().tour().start());
        Tour tour = LiveLab.onFx(() -> window.help().tour());
        awaitStop(tour, "graph");
        robot.clickOn("#tour-next");
        awaitStop(tour, "boundary");
        // The toolbar, where the next bubble would point at Play, goes away mid-tour.
        robot.interact(() -> LabMenus.item(robot, "view-panel-toolbar").fire());
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#tour-next");
        awaitStop(tour, "rate");
    }

    @Test
    void theTourStartsByItselfOnlyOnTheFirstRun() throws Exception {
        // The first run, waited for exactly as the second is below: by then its tour is on show, so
        // the second run's "no tour" cannot be a tour that has merely not started yet.
        openAsTheAppDoes();
        Tour tour = LiveLab.onFx(() -> window.help().tour());
        assertTrue(LiveLab.onFx(tour::isShowing), "the first run shows the tour once the window has settled");
        assertEquals("graph", LiveLab.onFx(() -> tour.current().key()));
        robot.clickOn("#tour-skip");
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(window::close);
        FxToolkit.cleanupStages();

        openAsTheAppDoes();
        assertFalse(LiveLab.onFx(() -> window.help().tour().isShowing()), "the second run starts without the tour");
    }

    /** Opens the window on the home folder as the application does, and waits until it has settled. */
    private void openAsTheAppDoes() {
        window = LiveLab.onFx(() -> LabWindow.open(new Stage(), TestLessons.xor(), Optional.empty(), english, Optional.of(home)));
        new LiveLab(window).awaitSettled();
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void open(Messages messages, Optional<Path> folder) {
        window = LiveLab.onFx(() -> LabWindow.open(new Stage(), TestLessons.xor(), messages,
                owner -> new LabWindow.Desk(new ScriptedDialogs(), folder)));
        new LiveLab(window).awaitSettled();
    }

    private static void awaitStop(Tour tour, String key) {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                    () -> LiveLab.onFx(() -> tour.isShowing() && tour.current().key().equals(key)));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the tour never showed its " + key + " bubble", e);
        }
    }

    private static List<String> bubbleTexts(Tour tour) {
        return LiveLab.onFx(() -> nodes(tour.bubble().getContentNode(), Label.class).stream().map(Label::getText).toList());
    }

    private static <T> List<T> nodes(Node root, Class<T> type) {
        List<T> found = new ArrayList<>();
        collect(root, type, found);
        return found;
    }

    private static <T> void collect(Node node, Class<T> type, List<T> found) {
        if (type.isInstance(node)) {
            found.add(type.cast(node));
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collect(child, type, found));
        }
    }
}
