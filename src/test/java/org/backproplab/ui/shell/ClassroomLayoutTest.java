package org.backproplab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuBar;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.text.Text;
import javafx.stage.Window;
import org.backproplab.lesson.Lesson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;
import org.backproplab.ui.common.Messages;
import org.backproplab.ui.charts.LossChart;
import org.backproplab.ui.graph.GraphGeometry;
import org.backproplab.ui.testing.LiveLab;
import org.backproplab.ui.testing.ScriptedDialogs;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * The live lab at the sizes a classroom has — a 1280×720 projector, a 1024×768 one — in English and
 * Chinese, at normal and enlarged text: the drawings get the room a class needs to read them from
 * the back, nothing is cut off, and the window remembers how the user arranged it. (The headless
 * screen is 1000 px square and copies no larger window: 1920×1080 is judged in screenshots.)
 */
@ExtendWith(ApplicationExtension.class)
class ClassroomLayoutTest {

    /** What a 1280×720 screen leaves a maximised window under a desktop's title bar. */
    private static final double PROJECTOR_WINDOW_HEIGHT = 690;
    private static final Locale CHINESE = Locale.forLanguageTag("zh-CN");

    @TempDir
    Path home;

    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final List<LabWindow> opened = new ArrayList<>();

    @AfterEach
    void closeWindows() {
        LiveLab.closeAll(opened);
    }

    private LabWindow open(String lesson, double width, double height) {
        Lesson chosen = LiveLab.shipped(lesson);
        LabWindow window = LiveLab.openSized(stage -> LabWindow.open(stage, chosen, Messages.forLocale(Locale.ROOT),
                owner -> new LabWindow.Desk(dialogs, Optional.of(home))), width, height);
        opened.add(window);
        return window;
    }

    private static void settle() {
        LiveLab.settleLayout();
    }

    private static <T> T onFx(Callable<T> read) {
        return LiveLab.onFx(read);
    }

    // --- the live lab ---

    @ParameterizedTest(name = "{0} at text scale {1}")
    @CsvSource({"en, 1", "zh, 1", "en, 1.5", "zh, 1.5"})
    void aProjectorShowsTheBoundaryAndTheLossChartLargeEnoughWithNothingCutOff(String language, double scale) {
        // A maximised window on a 1280×720 projector: the desktop's title bar takes some of the height.
        LabWindow window = open("xor", 1280, PROJECTOR_WINDOW_HEIGHT);
        if (language.equals("zh")) {
            onFx(() -> {
                window.speak(CHINESE);
                return null;
            });
        }
        onFx(() -> {
            window.presentation().setScale(scale);
            return null;
        });
        settle();

        double boundary = onFx(() -> window.layout().boundary().frame().side());
        assertTrue(boundary >= 300, "the decision boundary is " + boundary + " px square");
        double chart = onFx(() -> {
            LossChart loss = (LossChart) window.layout().getScene().lookup(".loss-chart");
            return loss.isVisible() && loss.getScene() != null ? loss.plotHeight(loss.getHeight()) : 0;
        });
        assertTrue(chart >= 120, "the loss chart's curves are " + chart + " px tall");
        if (scale == 1) {
            assertTrue(onFx(() -> window.layout().lookup(".layer-strip").isVisible()),
                    "at normal size the layer strip keeps its place above the graph");
        }
        assertNothingCutOff(window);
    }

    @Test
    void aSmallProjectorStillShowsEveryControlWhole() {
        // 1000 wide: the headless screen holds no window wider; 1024×768 has the same layout.
        LabWindow window = open("xor", 1000, 768);
        settle();
        assertNothingCutOff(window);
        assertTrue(onFx(() -> window.layout().boundary().frame().side()) >= 250);
    }

    @Test
    void theTwoMoonsTenNeuronsStayApartOnAProjector() {
        LabWindow window = open("moons", 1280, 720);
        GraphGeometry geometry = onFx(() -> window.layout().graph().geometry());
        for (int index = 1; index < geometry.size(1); index++) {
            assertTrue(geometry.nodeBounds(1, index - 1).getMaxY() < geometry.nodeBounds(1, index).getMinY(),
                    "hidden neurons " + index + " and " + (index + 1) + " overlap");
        }
        assertTrue(geometry.nodeSize() >= 12, "a hidden neuron is " + geometry.nodeSize() + " px");
        assertTrue(onFx(() -> window.layout().boundary().frame().side()) >= 300);
    }

    @Test
    void theMenuBarSpansTheTopOfTheWindow() {
        LabWindow window = open("xor", 1280, 720);
        Bounds menu = onFx(() -> {
            MenuBar bar = (MenuBar) window.layout().getScene().lookup(".lab-menu");
            return bar.localToScene(bar.getBoundsInLocal());
        });
        assertEquals(0, menu.getMinY(), 0.5, "nothing above the menu bar");
        assertEquals(1280, menu.getWidth(), 1, "the menu bar takes the whole width");
    }

    @Test
    void ctrlQQuitsAWindowWithNothingUnsaved(FxRobot robot) {
        LabWindow window = open("xor", 1280, 720);
        Window stage = onFx(() -> window.layout().getScene().getWindow());
        robot.interact(stage::requestFocus);
        robot.press(KeyCode.SHORTCUT, KeyCode.Q).release(KeyCode.Q, KeyCode.SHORTCUT);
        LiveLab.settleLayout();
        assertFalse(onFx(stage::isShowing), "File ▸ Quit's shortcut closes the window");
    }

    // --- the lesson card ---

    @Test
    void theLessonCardFoldsToOneLineAndTheNextWindowRemembersItsChoice(FxRobot robot) {
        LabWindow window = open("xor", 1280, 720);
        Node commentary = onFx(() -> window.layout().lookup(".lesson-commentary"));
        assertFalse(onFx(commentary::isVisible), "a new window shows the lesson on one line");
        double folded = onFx(() -> window.layout().lessonCard().getHeight());

        robot.clickOn("#lesson-card");
        settle();
        assertTrue(onFx(commentary::isVisible), "a click unfolds the whole commentary");
        assertTrue(onFx(() -> window.layout().lessonCard().getHeight()) > folded + 20);

        LabWindow next = open("xor", 1280, 720);
        assertTrue(onFx(() -> next.layout().lookup(".lesson-commentary").isVisible()),
                "the next window opens the card unfolded, as the user left it");
        robot.interact(() -> next.layout().lessonCard().foldedProperty().set(true));
        assertTrue(onFx(() -> next.preferences().lessonFolded()));
    }

    // --- split panes ---

    @Test
    void aDividerMovedByTheUserIsWhereTheyLeftItInTheNextWindow(FxRobot robot) {
        LabWindow window = open("xor", 1280, 720);
        SplitPane views = onFx(() -> (SplitPane) window.layout().lookup(".views"));
        double before = onFx(() -> views.getDividerPositions()[0]);
        // The user drags the divider and lets go (the headless robot's drags do not move a divider: the
        // release that ends a drag is what the window listens to).
        robot.interact(() -> {
            views.setDividerPositions(before - 0.12);
            Event.fireEvent(views, new MouseEvent(MouseEvent.MOUSE_RELEASED, 0, 0, 0, 0, MouseButton.PRIMARY, 1,
                    false, false, false, false, false, false, false, false, false, false, null));
        });
        settle();
        double after = onFx(() -> views.getDividerPositions()[0]);
        assertTrue(after < before - 0.05, "the drag moved the divider: " + before + " → " + after);
        double boundaryBefore = onFx(() -> window.layout().boundary().frame().side());

        LabWindow next = open("xor", 1280, 720);
        double restored = onFx(() -> ((SplitPane) next.layout().lookup(".views")).getDividerPositions()[0]);
        assertEquals(after, restored, 0.01, "the next window of this size starts with the divider where it was left");
        assertEquals(boundaryBefore, onFx(() -> next.layout().boundary().frame().side()), 2);

        // The headless screen holds no window larger than 1000 px: a smaller one stands for another size.
        LabWindow small = open("xor", 1000, 720);
        double elsewhere = onFx(() -> ((SplitPane) small.layout().lookup(".views")).getDividerPositions()[0]);
        assertTrue(Math.abs(elsewhere - after) > 0.03, "a window of another size keeps its own divider");
    }

    // --- nothing cut off ---

    /** Texts that may end in "…" by design: subtitles and the folded lesson's first words give way first. */
    private static final Set<String> MAY_SHORTEN = Set.of("card-subtitle", "lesson-gist", "step-pass-text");

    private static void assertNothingCutOff(LabWindow window) {
        List<String> cut = onFx(() -> {
            List<String> found = new ArrayList<>();
            collectCut(window.layout().getScene(), found);
            return found;
        });
        assertTrue(cut.isEmpty(), "cut off: " + cut);
    }

    private static void collectCut(Scene scene, List<String> found) {
        for (Node node : scene.getRoot().lookupAll(".labeled")) {
            if (!(node instanceof Labeled labeled) || !shown(node) || labeled.getText() == null
                    || labeled.getText().isEmpty() || labeled.getStyleClass().stream().anyMatch(MAY_SHORTEN::contains)) {
                continue;
            }
            Node text = labeled.lookup(".text");
            if (text instanceof Text drawn && !drawn.getText().equals(labeled.getText()) && !labeled.isWrapText()) {
                found.add(labeled.getText() + " → " + drawn.getText());
            }
        }
    }

    private static boolean shown(Node node) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }
}
