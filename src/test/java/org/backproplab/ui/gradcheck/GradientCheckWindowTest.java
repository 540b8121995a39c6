package org.backproplab.ui.gradcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.backproplab.engine.BackpropFault;
import org.backproplab.fixtures.TestLessons;
import org.backproplab.training.TrainerSnapshot;
import org.backproplab.ui.common.Messages;
import org.backproplab.ui.files.LabFiles;
import org.backproplab.ui.shell.LabWindow;
import org.backproplab.ui.shell.TooltipAuditTest;
import org.backproplab.ui.stepthrough.StepThrough;
import org.backproplab.ui.stepthrough.StepThroughMode;
import org.backproplab.ui.testing.LiveLab;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

/** The gradient check driven through the real window, as a teacher demonstrates it. */
@ExtendWith(ApplicationExtension.class)
class GradientCheckWindowTest {

    private static final PseudoClass FAILING = PseudoClass.getPseudoClass("failing");

    private LabWindow window;
    private LiveLab lab;

    @Start
    void start(Stage stage) {
        window = LabWindow.open(stage, TestLessons.xor(), Messages.forLocale(Locale.ROOT));
        lab = new LiveLab(window);
    }

    @Stop
    void stop() {
        window.close();
    }

    private static String text(FxRobot robot, String query) {
        return LiveLab.onFx(() -> robot.lookup(query).queryAs(Label.class).getText());
    }

    private static boolean hasClass(FxRobot robot, String query, String styleClass) {
        return LiveLab.onFx(() -> robot.lookup(query).query().getStyleClass().contains(styleClass));
    }

    /** The rows on screen: the parameters' names, and which of them are tinted as failing. */
    private record Shown(List<String> names, List<String> failing) {
    }

    private static Shown rows(FxRobot robot) {
        return LiveLab.onFx(() -> {
            List<TableRow<?>> rows = robot.lookup("#gradcheck-table .table-row-cell").queryAll().stream()
                    .<TableRow<?>>map(node -> (TableRow<?>) node)
                    .filter(row -> row.getItem() != null)
                    .toList();
            return new Shown(rows.stream().map(row -> ((GradientCheckTable.Row) row.getItem()).name()).toList(),
                    rows.stream().filter(row -> row.getPseudoClassStates().contains(FAILING))
                            .map(row -> ((GradientCheckTable.Row) row.getItem()).name()).toList());
        });
    }

    private TrainerSnapshot checkAndWait(FxRobot robot, BackpropFault fault) {
        long checksBefore = lab.awaitSettled().commandsApplied();
        robot.clickOn("#gradcheck-check");
        return lab.awaitShown(snapshot -> snapshot.commandsApplied() > checksBefore
                && snapshot.gradientCheck().filter(report -> report.fault() == fault).isPresent());
    }

    @Test
    void backpropPassesThenAForgottenBiasGradientFailsAtTheBiases(FxRobot robot) {
        robot.clickOn("#gradcheck-toggle");
        lab.awaitVisible(robot, "#gradcheck-check");
        assertEquals("Not checked", text(robot, "#gradcheck-badge"));

        checkAndWait(robot, BackpropFault.NONE);

        assertEquals("PASS", text(robot, "#gradcheck-badge"));
        assertTrue(hasClass(robot, "#gradcheck-badge", "pass"));
        assertTrue(text(robot, "#gradcheck-summary").startsWith("All 13 parameters agree"), text(robot, "#gradcheck-summary"));
        Shown healthy = rows(robot);
        assertEquals("w₁₁⁽¹⁾", healthy.names().getFirst(), "parameters are named as the formulas name them");
        assertTrue(healthy.failing().isEmpty(), "no row is marked failing: " + healthy.failing());

        robot.clickOn("#gradcheck-fault");
        robot.clickOn("Mistake: no bias gradient");
        TrainerSnapshot faulty = checkAndWait(robot, BackpropFault.MISSING_BIAS_GRADIENT);

        assertEquals("FAIL", text(robot, "#gradcheck-badge"));
        assertTrue(hasClass(robot, "#gradcheck-badge", "fail"));
        assertFalse(hasClass(robot, "#gradcheck-badge", "pass"));
        Shown failed = rows(robot);
        assertFalse(failed.failing().isEmpty(), "the failing parameters are marked");
        assertTrue(failed.failing().stream().allMatch(name -> name.startsWith("b")), "only biases fail: " + failed.failing());
        long failing = faulty.gradientCheck().orElseThrow().result().comparisons().stream().filter(c -> !c.passes()).count();
        assertTrue(text(robot, "#gradcheck-summary").startsWith(failing + " of 13 parameters disagree"),
                text(robot, "#gradcheck-summary"));
        assertFalse(LiveLab.onFx(() -> window.files().unsaved()), "a check changes nothing that needs saving");
        assertFalse(text(robot, "#gradcheck-context").contains("moved on"), text(robot, "#gradcheck-context"));

        robot.clickOn("#step-batch");
        lab.awaitShown(snapshot -> snapshot.steps() > faulty.steps());
        assertTrue(text(robot, "#gradcheck-context").contains("Training has moved on since"),
                "after a step the report says it is about older weights");
    }

    @Test
    void theSettingsFoldAwayWhileThePanelIsOpenAndComeBackAsTheyWere(FxRobot robot) {
        BooleanSupplier settingsShown = () -> LiveLab.onFx(() -> robot.lookup(".settings-panel").tryQuery()
                .map(Node::isVisible).orElse(false));
        assertTrue(settingsShown.getAsBoolean());

        robot.clickOn("#gradcheck-toggle");
        assertFalse(settingsShown.getAsBoolean(), "the check takes the settings' room");
        robot.clickOn("#gradcheck-toggle");
        assertTrue(settingsShown.getAsBoolean(), "closing it gives the room back");

        robot.clickOn(".settings-toggle");
        assertFalse(settingsShown.getAsBoolean());
        robot.clickOn("#gradcheck-toggle");
        robot.clickOn("#gradcheck-toggle");
        assertFalse(settingsShown.getAsBoolean(), "settings folded away by hand stay folded");

        robot.clickOn(".settings-toggle");
        robot.clickOn("#gradcheck-toggle");
        robot.interact(() -> window.speak(Locale.SIMPLIFIED_CHINESE));
        robot.clickOn("#gradcheck-toggle");
        assertTrue(settingsShown.getAsBoolean(), "closing it in another language gives the room back too");
    }

    @Test
    void controlGOpensThePanelAndTheChosenSampleIsTheOneChecked(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.G).release(KeyCode.G, KeyCode.CONTROL);
        lab.awaitVisible(robot, "#gradcheck-check");

        robot.clickOn("#gradcheck-sample .increment-arrow-button");
        robot.clickOn("#gradcheck-fault");
        robot.clickOn("Mistake: no f′(z) in the hidden δ");
        TrainerSnapshot checked = checkAndWait(robot, BackpropFault.FORGOTTEN_DERIVATIVE);

        assertEquals(1, checked.gradientCheck().orElseThrow().sample(), "sample 2 on screen is index 1");
        assertEquals("FAIL", text(robot, "#gradcheck-badge"));
        assertTrue(text(robot, "#gradcheck-context").startsWith("Sample 2"), text(robot, "#gradcheck-context"));
        Shown shown = rows(robot);
        assertTrue(shown.failing().stream().allMatch(name -> name.endsWith("⁽¹⁾")),
                "only the hidden layer fails when f′ is forgotten: " + shown.failing());
    }

    @Test
    void aTypedSampleIsCheckedAndTextThatIsNoSampleIsPutBack(FxRobot robot) {
        robot.clickOn("#gradcheck-toggle");
        lab.awaitVisible(robot, "#gradcheck-check");

        robot.doubleClickOn("#gradcheck-sample .text-field").eraseText(3).write("12").push(KeyCode.ENTER);
        assertEquals(11, checkAndWait(robot, BackpropFault.NONE).gradientCheck().orElseThrow().sample());

        robot.doubleClickOn("#gradcheck-sample .text-field").eraseText(3).write("x").push(KeyCode.ENTER);
        assertEquals("12", LiveLab.onFx(() -> robot.lookup("#gradcheck-sample .text-field")
                .queryAs(TextField.class).getText()));
        robot.doubleClickOn("#gradcheck-sample .text-field").eraseText(3).write("100000").push(KeyCode.ENTER);
        assertEquals("12", LiveLab.onFx(() -> robot.lookup("#gradcheck-sample .text-field")
                .queryAs(TextField.class).getText()), "there are not that many training points");
    }

    @Test
    void theOpenPanelExplainsItsControlsAndKeepsItsVerdictInAnotherLanguage(FxRobot robot) {
        robot.clickOn("#gradcheck-toggle");
        lab.awaitVisible(robot, "#gradcheck-check");
        List<String> untipped = LiveLab.onFx(() -> TooltipAuditTest.operable(robot.lookup(".gradcheck-panel").query())
                .stream().filter(control -> control.getTooltip() == null || control.getTooltip().getText().isBlank())
                .map(Control::getId).toList());
        assertEquals(List.of(), untipped, "controls of the panel without a tooltip");

        robot.clickOn("#gradcheck-fault");
        robot.clickOn("Mistake: no bias gradient");
        checkAndWait(robot, BackpropFault.MISSING_BIAS_GRADIENT);
        robot.interact(() -> window.speak(Locale.SIMPLIFIED_CHINESE));

        lab.awaitVisible(robot, "#gradcheck-check");
        assertEquals("未通过", text(robot, "#gradcheck-badge"), "the panel stays open with the same verdict, in Chinese");
        assertEquals("检验", LiveLab.onFx(() -> robot.lookup("#gradcheck-check").queryButton().getText()));
    }

    @Test
    void thePanelOpensOnTheSampleTheStepThroughFollows(FxRobot robot) {
        robot.clickOn(".step-toggle");
        lab.awaitShown(snapshot -> !snapshot.playing());
        LiveLab.onFx(() -> {
            window.stepThrough().model().setFocus(2);
            return null;
        });

        robot.clickOn("#gradcheck-toggle");
        lab.awaitVisible(robot, "#gradcheck-check");
        TrainerSnapshot checked = checkAndWait(robot, BackpropFault.NONE);

        assertEquals(2, checked.gradientCheck().orElseThrow().sample());
        assertEquals("PASS", text(robot, "#gradcheck-badge"));
    }
}
