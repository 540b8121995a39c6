package org.backproplab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Label;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.backproplab.engine.Activation;
import org.backproplab.fixtures.TestLessons;
import org.backproplab.lesson.Comparison;
import org.backproplab.lesson.Difference;
import org.backproplab.lesson.Lesson;
import org.backproplab.lesson.LessonFile;
import org.backproplab.training.TrainerCommand;
import org.backproplab.training.TrainerSnapshot;
import org.backproplab.ui.common.Messages;
import org.backproplab.ui.testing.LiveLab;
import org.backproplab.ui.testing.ScriptedDialogs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Compare… through the real controls: the lab forks into A and B, a change of B's activation is
 * listed in B's header and trained by B alone, both play in lockstep, Save writes the comparison,
 * and Back to A hands run A to the lab.
 */
@ExtendWith(ApplicationExtension.class)
class CompareWindowTest {

    @TempDir
    Path folder;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private LabWindow window;
    private LiveLab lab;

    @Start
    void start(Stage stage) {
        window = LabWindow.open(stage, TestLessons.xor(), Messages.forLocale(Locale.ROOT),
                owner -> new LabWindow.Desk(dialogs, Optional.empty()));
        stage.setX(0);
        stage.setY(0);
        lab = new LiveLab(window);
    }

    @Stop
    void stop() {
        window.close();
        LiveLab.onFx(() -> {
            List.copyOf(Window.getWindows()).forEach(Window::hide);
            return null;
        });
    }

    @Test
    void bsChangeIsListedTrainedInLockstepSavedAndALeadsBack(FxRobot robot) throws Exception {
        lab.awaitSettled();
        robot.clickOn("#toolbar-compare");
        Stage compare = compareWindowAtTopLeft(robot);
        assertEquals("The same as A so far: change a setting of B above to see what it does.", changesOfB(robot));

        robot.clickOn("#compare-activation-0").clickOn("layer 1: ReLU");
        await(() -> changesOfB(robot).equals("Changed: layer 1: sigmoid → ReLU"));

        robot.clickOn("#compare-play");
        await(() -> epochShown(robot) >= 20);
        robot.clickOn("#compare-play");
        await(() -> robot.lookup("#compare-play").queryLabeled().getText().equals("Play"));

        Path file = folder.resolve("sigmoid-or-relu.json");
        dialogs.filesToChoose.add(file);
        robot.clickOn("#compare-save");
        await(() -> Files.exists(file));
        Comparison saved = LessonFile.readWhole(file).comparison().orElseThrow();
        assertEquals(List.of(new Difference.LayerActivation(0, Activation.SIGMOID, Activation.RELU)), saved.differences());
        assertEquals(TestLessons.xor().data(), saved.a().data());

        robot.clickOn("#compare-back");
        await(() -> !LiveLab.onFx(compare::isShowing));
        var back = lab.awaitShown(snapshot -> snapshot.epoch() == 0 && !snapshot.playing()
                && snapshot.settings().weights().isPresent()
                && !snapshot.settings().weights().equals(saved.a().weights()));
        assertEquals(Activation.SIGMOID, back.settings().layers().getFirst().activation(), "the lab goes on with A, not B");
        assertTrue(dialogs.problems.isEmpty(), dialogs.problems.toString());
    }

    @Test
    void bsRemediesAreCommandsToBAndAnotherInitializerStartsBothAgain(FxRobot robot) throws Exception {
        lab.awaitSettled();
        robot.clickOn("#toolbar-compare");
        Stage compare = compareWindowAtTopLeft(robot);

        // B's own controls, not the lab's strip behind the window, which has the same ids.
        javafx.scene.control.MenuButton dropout = LiveLab.onFx(() -> robot.from(compare.getScene().getRoot())
                .lookup("#dropout-0").queryAs(javafx.scene.control.MenuButton.class));
        robot.interact(() -> dropout.getItems().stream().filter(item -> item.getText().equals("Drop 0.3 of the outputs"))
                .findFirst().orElseThrow().fire());
        await(() -> changesOfB(robot).equals("Changed: layer 1 dropout 0 → 0.3"));
        javafx.scene.Node batchNorm = LiveLab.onFx(() -> robot.from(compare.getScene().getRoot()).lookup("#batch-norm-0").query());
        robot.clickOn(batchNorm);
        await(() -> changesOfB(robot).contains("layer 1 batch normalisation off → on"));
        assertTrue(LiveLab.onFx(() -> robot.from(compare.getScene().getRoot()).lookup("#batch-norm-0")
                .queryAs(javafx.scene.control.ToggleButton.class).isSelected()),
                "B's toggle shows what B's network is now");

        robot.clickOn("#compare-play");
        await(() -> epochShown(robot) >= 5);
        robot.clickOn("#compare-play");
        await(() -> robot.lookup("#compare-play").queryLabeled().getText().equals("Play"));

        robot.clickOn("#compare-initializer").clickOn("He");
        await(() -> epochShown(robot) == 0 && changesOfB(robot).contains("→ He"));
        assertTrue(changesOfB(robot).contains("layer 1 dropout 0 → 0.3"), "B keeps its other changes: " + changesOfB(robot));
        robot.clickOn("#compare-back");
        await(() -> !LiveLab.onFx(compare::isShowing));
        assertEquals(0, lab.shown().epoch(), "A started again from where it was forked, so the lab is left as it was");
    }

    @Test
    void aLessonWithACompareBlockOpensTheComparison(FxRobot robot) throws Exception {
        Path file = folder.resolve("compare.json");
        Files.copy(Path.of("assets", "lessons", "optimizers-same-start.json"), file);

        LiveLab.onFx(() -> {
            window.files().openLesson(file);
            return null;
        });

        await(() -> robot.lookup("#compare-b-changes").tryQuery().isPresent());
        assertEquals("Changed: optimizer SGD → Adam", changesOfB(robot));
        assertEquals("SGD, momentum or Adam on the same start", lab.awaitSettled().settings().title());
        assertFalse(lab.shown().playing());
    }

    @Test
    void steppingThroughShowsBothRunsFormulasWithTheDifferingNumbersMarked(FxRobot robot) throws Exception {
        Lesson a = TestLessons.xor();
        Lesson b = a.withHyperparameters(a.hyperparameters().withLearningRate(a.hyperparameters().optimizer().learningRate() / 4));
        LiveLab.onFx(() -> {
            window.compare(new Comparison(a, b));
            return null;
        });
        compareWindowAtTopLeft(robot);

        robot.clickOn("#compare-step-through");
        await(() -> !marked(robot, "#compare-formulas-a", false).isEmpty());
        assertEquals(List.of(), marked(robot, "#compare-formulas-b", true), "the forward pass is the same in both");

        int subSteps = Integer.parseInt(LiveLab.onFx(() ->
                robot.lookup("#compare-step-position").queryAs(Label.class).getText()).replaceAll(".* ", ""));
        for (int step = 1; step < subSteps; step++) {
            robot.clickOn("#compare-step-next");
        }
        await(() -> !marked(robot, "#compare-formulas-b", true).isEmpty());
        assertTrue(marked(robot, "#compare-formulas-b", true).size() == marked(robot, "#compare-formulas-a", true).size(),
                "each differing number is marked on both sides");
    }

    @Test
    void closingTheLabEndsItsComparisonAndBothItsTrainers() throws Exception {
        lab.awaitSettled();
        Set<Thread> before = trainerThreads();
        LiveLab.onFx(() -> {
            window.compare();
            return null;
        });
        Set<Thread> runs = new HashSet<>(trainerThreads());
        runs.removeAll(before);
        assertEquals(2, runs.size(), "A and B train on threads of their own");

        LiveLab.onFx(() -> {
            window.close();
            return null;
        });

        await(() -> runs.stream().noneMatch(Thread::isAlive));
        assertEquals(List.of(), compareWindows());
    }

    @Test
    void backToAWithANeverMovedLeavesTheLabAsItWas(FxRobot robot) throws Exception {
        lab.awaitSettled();
        compareAndGoBack(robot);
        assertFalse(LiveLab.onFx(() -> window.files().unsaved()), "a fresh lab stays saved");

        LiveLab.onFx(() -> {
            window.send(new TrainerCommand.StepEpoch());
            window.send(new TrainerCommand.StepEpoch());
            return null;
        });
        TrainerSnapshot trained = lab.awaitShown(snapshot -> snapshot.epoch() == 2
                && snapshot.commandsApplied() == window.commandsSent());
        compareAndGoBack(robot);
        TrainerSnapshot back = lab.awaitSettled();
        assertEquals(2, back.epoch(), "the lab keeps its epochs");
        assertEquals(trained.history(), back.history(), "and its loss chart");
    }

    @Test
    void anotherLessonOpenedEndsTheComparisonAndASecondComparisonFileReplacesTheFirst(FxRobot robot) throws Exception {
        Path optimizers = folder.resolve("optimizers.json");
        Files.copy(Path.of("assets", "lessons", "optimizers-same-start.json"), optimizers);
        Path activations = folder.resolve("activations.json");
        Files.copy(Path.of("assets", "lessons", "sigmoid-or-relu.json"), activations);
        Path plain = folder.resolve("xor.json");
        LessonFile.write(TestLessons.xor(), plain);

        openLesson(optimizers);
        await(() -> compareWindows().size() == 1 && changesOfB(robot).equals("Changed: optimizer SGD → Adam"));
        openLesson(activations);
        await(() -> compareWindows().size() == 1 && !changesOfB(robot).equals("Changed: optimizer SGD → Adam"));
        assertEquals(LessonFile.readWhole(activations).comparison().orElseThrow().a().title(),
                lab.awaitSettled().settings().title());

        openLesson(plain);
        await(() -> compareWindows().isEmpty());
        assertEquals(TestLessons.xor().title(), lab.awaitSettled().settings().title());
    }

    @Test
    void saveAfterAComparisonFileAsksForANameRatherThanLoseTheComparison(FxRobot robot) throws Exception {
        Path file = folder.resolve("compare.json");
        Files.copy(Path.of("assets", "lessons", "optimizers-same-start.json"), file);
        openLesson(file);
        await(() -> compareWindows().size() == 1);
        LiveLab.onFx(() -> {
            robot.lookup("#compare-play").queryAs(javafx.scene.control.ToggleButton.class).fire();
            return null;
        });
        await(() -> epochShown(robot) >= 3);
        LiveLab.onFx(() -> {
            robot.lookup("#compare-back").queryButton().fire();
            return null;
        });
        await(() -> compareWindows().isEmpty());

        Path other = folder.resolve("run-a.json");
        dialogs.filesToChoose.add(other);
        LiveLab.onFx(() -> window.files().save());

        assertEquals(1, dialogs.saveAsked, "Save asks where");
        await(() -> Files.exists(other));
        assertTrue(LessonFile.readWhole(file).comparison().isPresent(), "the comparison file keeps its comparison");
    }

    @Test
    void aRunThatDivergesSaysWhyInItsColumnAndBothPause(FxRobot robot) throws Exception {
        Lesson a = TestLessons.xor();
        Lesson b = a.withHyperparameters(a.hyperparameters().withLearningRate(1_000_000));
        LiveLab.onFx(() -> {
            window.compare(new Comparison(a, b));
            return null;
        });
        await(() -> compareWindows().size() == 1);

        LiveLab.onFx(() -> {
            robot.lookup("#compare-play").queryAs(javafx.scene.control.ToggleButton.class).fire();
            return null;
        });

        await(() -> LiveLab.onFx(() -> robot.lookup("#compare-b-notice").queryLabeled().isVisible()));
        assertTrue(LiveLab.onFx(() -> robot.lookup("#compare-b-notice").queryLabeled().getText()).contains("diverged"),
                LiveLab.onFx(() -> robot.lookup("#compare-b-notice").queryLabeled().getText()));
        assertFalse(LiveLab.onFx(() -> robot.lookup("#compare-a-notice").queryLabeled().isVisible()), "A had nothing to say");
        await(() -> LiveLab.onFx(() -> robot.lookup("#compare-play").queryLabeled().getText()).equals("Play"));
    }

    private void openLesson(Path file) {
        LiveLab.onFx(() -> {
            window.files().openLesson(file);
            return null;
        });
    }

    /** Opens a comparison of the lab as it stands and leaves it at once with Back to A. */
    private void compareAndGoBack(FxRobot robot) throws TimeoutException {
        LiveLab.onFx(() -> {
            window.compare();
            return null;
        });
        await(() -> compareWindows().size() == 1);
        LiveLab.onFx(() -> {
            robot.lookup("#compare-back").queryButton().fire();
            return null;
        });
        await(() -> compareWindows().isEmpty());
    }

    private static Set<Thread> trainerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals("trainer") && thread.isAlive()).collect(Collectors.toSet());
    }

    /** The comparison windows on screen. */
    private static List<Window> compareWindows() {
        return LiveLab.onFx(() -> Window.getWindows().stream()
                .filter(shown -> shown.isShowing() && shown.getScene() != null && shown.getScene().lookup("#compare-play") != null)
                .toList());
    }

    /** The pieces of text in a run's formulas, only the highlighted ones if {@code differing}. */
    private static List<String> marked(FxRobot robot, String column, boolean differing) {
        return LiveLab.onFx(() -> robot.lookup(column).lookup((javafx.scene.Node node) -> node instanceof Text).queryAllAs(Text.class)
                .stream().filter(text -> !differing || text.getStyleClass().contains("compare-differs"))
                .map(Text::getText).toList());
    }

    /** Waits for the comparison's window and puts it at the screen's corner, where the headless screen shows it whole. */
    private static Stage compareWindowAtTopLeft(FxRobot robot) throws TimeoutException {
        await(() -> robot.lookup("#compare-play").tryQuery().isPresent());
        Stage compare = LiveLab.onFx(() -> (Stage) robot.lookup("#compare-play").query().getScene().getWindow());
        LiveLab.onFx(() -> {
            compare.setX(0);
            compare.setY(0);
            return null;
        });
        return compare;
    }

    private static String changesOfB(FxRobot robot) {
        return LiveLab.onFx(() -> robot.lookup("#compare-b-changes").queryAs(Label.class).getText());
    }

    private static long epochShown(FxRobot robot) {
        String text = LiveLab.onFx(() -> robot.lookup("#compare-epoch").queryAs(Label.class).getText());
        return Long.parseLong(text.replaceAll("[^0-9]", ""));
    }

    private static void await(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
    }
}
