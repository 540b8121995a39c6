package org.backproplab.ui;

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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.backproplab.lesson.Lesson;
import org.backproplab.lesson.LessonCatalog;
import org.backproplab.lesson.LessonException;
import org.backproplab.trace.SubStep;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window at the sizes a classroom has — a 1280×720 projector, a 1024×768 one, a 1920×1080
 * screen — in English and Chinese, at normal and enlarged text: the drawings get the room a class
 * needs to read them from the back, and nothing is cut off.
 */
@ExtendWith(ApplicationExtension.class)
class ClassroomLayoutTest {

    private static final Locale CHINESE = Locale.forLanguageTag("zh-CN");

    @TempDir
    Path home;

    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final List<LabWindow> opened = new ArrayList<>();

    @AfterEach
    void closeWindows() {
        opened.forEach(window -> LiveLab.onFx(() -> {
            window.close();
            return null;
        }));
    }

    private LabWindow open(String lesson, double width, double height) {
        Lesson chosen = shipped(lesson);
        LabWindow window = onFx(() -> {
            Stage stage = new Stage();
            LabWindow lab = LabWindow.open(stage, chosen, Messages.forLocale(Locale.ROOT),
                    owner -> new LabWindow.Desk(dialogs, Optional.of(home)));
            stage.setWidth(width);
            stage.setHeight(height);
            return lab;
        });
        opened.add(window);
        new LiveLab(window).awaitSettled();
        settle();
        return window;
    }

    private static Lesson shipped(String name) {
        try {
            return LessonCatalog.load(name);
        } catch (LessonException e) {
            throw new AssertionError("a shipped lesson does not open", e);
        }
    }

    private static void settle() {
        for (int i = 0; i < 4; i++) {
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    private static <T> T onFx(Callable<T> read) {
        return LiveLab.onFx(read);
    }

    // --- the live lab ---

    @ParameterizedTest(name = "{0} at text scale {1}")
    @CsvSource({"en, 1", "zh, 1", "en, 1.5", "zh, 1.5"})
    void aProjectorShowsTheBoundaryAndTheLossChartLargeEnoughWithNothingCutOff(String language, double scale) {
        LabWindow window = open("xor", 1280, 720);
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

        double boundary = onFx(() -> window.view().boundary().frame().side());
        assertTrue(boundary >= 300, "the decision boundary is " + boundary + " px square");
        double chart = onFx(() -> {
            LossChart loss = (LossChart) window.view().getScene().lookup(".loss-chart");
            return loss.isVisible() && loss.getScene() != null ? loss.plotHeight(loss.getHeight()) : 0;
        });
        assertTrue(chart >= 120, "the loss chart's curves are " + chart + " px tall");
        assertNothingCutOff(window);
    }

    @Test
    void aSmallProjectorStillShowsEveryControlWhole() {
        // 1000 wide: the headless screen holds no window wider; 1024×768 has the same layout.
        LabWindow window = open("xor", 1000, 768);
        settle();
        assertNothingCutOff(window);
        assertTrue(onFx(() -> window.view().boundary().frame().side()) >= 250);
    }

    @Test
    void theMenuBarSpansTheTopOfTheWindow() {
        LabWindow window = open("xor", 1280, 720);
        Bounds menu = onFx(() -> {
            MenuBar bar = (MenuBar) window.view().getScene().lookup(".lab-menu");
            return bar.localToScene(bar.getBoundsInLocal());
        });
        assertEquals(0, menu.getMinY(), 0.5, "nothing above the menu bar");
        assertEquals(1280, menu.getWidth(), 1, "the menu bar takes the whole width");
    }

    // --- the lesson card ---

    @Test
    void theLessonCardFoldsToOneLineAndTheNextWindowRemembersItsChoice(FxRobot robot) {
        LabWindow window = open("xor", 1280, 720);
        Node commentary = onFx(() -> window.view().lookup(".lesson-commentary"));
        assertFalse(onFx(commentary::isVisible), "a new window shows the lesson on one line");
        double folded = onFx(() -> window.view().lessonCard().getHeight());

        robot.clickOn("#lesson-card");
        settle();
        assertTrue(onFx(commentary::isVisible), "a click unfolds the whole commentary");
        assertTrue(onFx(() -> window.view().lessonCard().getHeight()) > folded + 20);

        LabWindow next = open("xor", 1280, 720);
        assertTrue(onFx(() -> next.view().lookup(".lesson-commentary").isVisible()),
                "the next window opens the card unfolded, as the user left it");
        robot.interact(() -> next.view().lessonCard().foldedProperty().set(true));
        assertTrue(onFx(() -> next.preferences().lessonFolded()));
    }

    // --- split panes ---

    @Test
    void aDividerMovedByTheUserIsWhereTheyLeftItInTheNextWindow(FxRobot robot) {
        LabWindow window = open("xor", 1280, 720);
        SplitPane views = onFx(() -> (SplitPane) window.view().lookup(".views"));
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
        double boundaryBefore = onFx(() -> window.view().boundary().frame().side());

        LabWindow next = open("xor", 1280, 720);
        double restored = onFx(() -> ((SplitPane) next.view().lookup(".views")).getDividerPositions()[0]);
        assertEquals(after, restored, 0.01, "the next window of this size starts with the divider where it was left");
        assertEquals(boundaryBefore, onFx(() -> next.view().boundary().frame().side()), 2);

        // The headless screen holds no window larger than 1000 px: a smaller one stands for another size.
        LabWindow small = open("xor", 1000, 720);
        double elsewhere = onFx(() -> ((SplitPane) small.view().lookup(".views")).getDividerPositions()[0]);
        assertTrue(Math.abs(elsewhere - after) > 0.03, "a window of another size keeps its own divider");
    }

    // --- step-through ---

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"moons", "spiral"})
    void steppingThroughAWideNetworkKeepsEveryNeuronApartAndTheBoundaryReadable(String lesson, FxRobot robot) {
        LabWindow window = open(lesson, 1280, 720);
        robot.clickOn(".step-toggle");
        robot.interact(() -> window.stepThrough().animation().setSpeed(50));
        for (int i = 0; i < 4; i++) {
            next(robot, window);
        }

        GraphGeometry geometry = onFx(() -> window.view().graph().geometry());
        for (int column = 0; column < geometry.columns(); column++) {
            for (int index = 0; index < geometry.size(column); index++) {
                var node = geometry.nodeBounds(column, index);
                assertTrue(node.getHeight() >= 18, lesson + ": a neuron is " + node.getHeight() + " px tall");
                if (index > 0) {
                    var above = geometry.nodeBounds(column, index - 1);
                    assertTrue(above.getMaxY() < node.getMinY(), lesson + ": neurons " + index + " and "
                            + (index + 1) + " of column " + column + " overlap");
                }
            }
        }
        double boundary = onFx(() -> window.view().boundary().frame().side());
        assertTrue(boundary >= 250, lesson + ": the decision boundary is " + boundary + " px square while stepping");
        double formulas = onFx(() -> window.view().getScene().lookup(".step-working").getLayoutBounds().getHeight());
        assertTrue(formulas >= 0.4 * 720, "the formulas take " + formulas + " px of the window's 720");
    }

    @Test
    void eachSubStepOfTheXorPassFitsWithoutScrollingAndNoMatrixIsSplit(FxRobot robot) {
        LabWindow window = open("xor", 1280, 720);
        robot.clickOn(".step-toggle");
        robot.interact(() -> window.stepThrough().animation().setSpeed(50));
        ScrollPane formulas = onFx(() -> scrollPaneAround(window.stepThrough().panel().formulas));
        int steps = 0;
        do {
            next(robot, window);
            steps++;
            double content = onFx(() -> window.stepThrough().panel().formulas.getHeight());
            double viewport = onFx(() -> formulas.getViewportBounds().getHeight());
            SubStep step = onFx(() -> window.stepThrough().model().frame().orElseThrow().subStep().orElseThrow());
            // A layer's gradients and updates list every weight of the layer: those may scroll.
            if (step instanceof SubStep.ForwardNeuron || step instanceof SubStep.ComputeLoss
                    || step instanceof SubStep.BackwardNeuron) {
                assertTrue(content <= viewport + 1, step + ": formulas " + content
                        + " px tall in a viewport of " + viewport);
            }
            for (FlowPane line : onFx(() -> window.stepThrough().panel().matrices.lookupAll(".formula").stream()
                    .map(FlowPane.class::cast).toList())) {
                assertTrue(onFx(() -> oneRow(line)), "sub-step " + steps + ": a matrix formula is split over lines");
            }
        } while (steps < 13);
    }

    /** Moves the pass one sub-step on, as the Next button does, and waits until it has finished drawing. */
    private static void next(FxRobot robot, LabWindow window) {
        robot.clickOn(".step-next");
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() ->
                    !window.stepThrough().model().isWaiting() && !window.stepThrough().animation().isRunning()));
        } catch (TimeoutException e) {
            throw new AssertionError("the step-through never settled", e);
        }
        settle();
    }

    private static ScrollPane scrollPaneAround(Node node) {
        Node at = node;
        while (!(at instanceof ScrollPane)) {
            at = at.getParent();
        }
        return (ScrollPane) at;
    }

    /** Whether every part of a formula shares one row: each overlaps every other vertically. */
    private static boolean oneRow(FlowPane line) {
        double lowestTop = line.getChildren().stream().mapToDouble(n -> n.getBoundsInParent().getMinY()).max().orElse(0);
        double highestBottom = line.getChildren().stream().mapToDouble(n -> n.getBoundsInParent().getMaxY()).min()
                .orElse(0);
        return lowestTop < highestBottom;
    }

    // --- nothing cut off ---

    /** Texts that may end in "…" by design: subtitles and the folded lesson's first words give way first. */
    private static final Set<String> MAY_SHORTEN = Set.of("card-subtitle", "lesson-gist", "step-pass-text");

    private static void assertNothingCutOff(LabWindow window) {
        List<String> cut = onFx(() -> {
            List<String> found = new ArrayList<>();
            collectCut(window.view().getScene(), found);
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
