package org.backproplab.ui.stepthrough;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.stage.Stage;
import org.backproplab.engine.OptimizerSettings;
import org.backproplab.trace.SubStep;
import org.backproplab.ui.testing.LiveLab;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Code tab after the settings change under it: Adam's step is longer than plain SGD's, so an
 * update sub-step lit under Adam lights lines that SGD's listing does not have. Switching the
 * optimizer and pressing Next must relight the new listing, not fail on the old line numbers.
 */
@ExtendWith(ApplicationExtension.class)
class CodeTabSettingsChangeTest {

    private MazurWindow mazur;
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        mazur = MazurWindow.open(stage);
        // What the FX thread throws while drawing would otherwise only be printed.
        Thread.currentThread().setUncaughtExceptionHandler((thread, failure) -> failures.add(failure));
    }

    @Test
    void aPassUnderSgdAfterAnAdamUpdateSubStepRelightsTheShorterListing(FxRobot robot) throws Exception {
        LiveLab lab = new LiveLab(mazur.window());
        StepThroughMode mode = mazur.mode();
        robot.interact(() -> mazur.window().send(new org.backproplab.training.TrainerCommand.SetOptimizer(
                new OptimizerSettings.Adam(0.5))));
        lab.awaitSettled();
        robot.clickOn(".step-toggle");
        robot.interact(() -> mode.animation().setSpeed(50));
        robot.clickOn("Code");
        do {
            robot.clickOn(".step-next");
            mazur.settle();
        } while (!(LiveLab.onFx(() -> mode.model().frame().orElseThrow().subStep().orElseThrow())
                instanceof SubStep.UpdateNeuron));
        List<Integer> litUnderAdam = LiveLab.onFx(() -> mode.panel().code.litLines());

        int adamLines = LiveLab.onFx(() -> (int) mode.panel().code.text().lines().count());
        robot.interact(() -> mazur.window().send(new org.backproplab.training.TrainerCommand.SetOptimizer(
                new OptimizerSettings.Sgd(0.5))));
        lab.awaitSettled();
        // The tab shows the code of the pass on show, so SGD's shorter listing comes with the next pass.
        for (int presses = 0; presses < 40 && codeLines(mode) == adamLines; presses++) {
            robot.clickOn(".step-next");
            mazur.settle();
        }

        int sgdLines = codeLines(mode);
        assertTrue(litUnderAdam.getLast() >= sgdLines,
                "the case needs Adam's lit lines past SGD's end: " + litUnderAdam + " of " + sgdLines);
        assertEquals(List.of(), failures, "drawing the new listing threw");
        List<Integer> lit = LiveLab.onFx(() -> mode.panel().code.litLines());
        assertFalse(lit.isEmpty(), "the sub-step after the switch has its lines lit");
        assertTrue(lit.getLast() < sgdLines, "lit " + lit + " within the " + sgdLines + " lines shown");
        assertEquals(lit.size(), (int) LiveLab.onFx(() -> robot.lookup(".code-line-current").queryAll().size()),
                "exactly the lit lines are drawn lit");
    }

    private static int codeLines(StepThroughMode mode) {
        return LiveLab.onFx(() -> (int) mode.panel().code.text().lines().count());
    }
}
