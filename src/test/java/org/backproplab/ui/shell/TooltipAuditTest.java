package org.backproplab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuBar;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.backproplab.fixtures.TestLessons;
import org.backproplab.training.TrainerCommand;
import org.backproplab.ui.common.Messages;
import org.backproplab.ui.common.Tips;
import org.backproplab.ui.stepthrough.StepThrough;
import org.backproplab.ui.stepthrough.StepThroughMode;
import org.backproplab.ui.stepthrough.StepThroughPanel;
import org.backproplab.ui.testing.LiveLab;
import org.backproplab.ui.view.LabLayout;
import org.controlsfx.control.ToggleSwitch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * Every control a student can operate explains itself: walking the whole window (the live lab, the
 * step-through's panel, the divergence banner, the weight editor), each visible button, choice,
 * slider, field and switch has a tooltip, in English and in Chinese, that comes up quickly.
 */
@ExtendWith(ApplicationExtension.class)
public class TooltipAuditTest {

    private final FxRobot robot = new FxRobot();
    private LabWindow window;

    @AfterEach
    void closeWindow() throws Exception {
        if (window != null) {
            robot.interact(window::close);
        }
        FxToolkit.cleanupStages();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh-CN"})
    void everyControlInEveryPartOfTheWindowHasAQuickTooltip(String language) {
        window = LiveLab.onFx(() -> LabWindow.open(new Stage(), TestLessons.xor(),
                Messages.forLocale(Locale.forLanguageTag(language))));
        LiveLab lab = new LiveLab(window);
        lab.awaitSettled();
        Parent root = LiveLab.onFx(() -> window.layout().getScene().getRoot());
        // The live lab: toolbar, settings, layer strip, graph and boundary tools, charts.
        List<Control> live = LiveLab.onFx(() -> operable(root));
        assertTrue(live.size() > 30, "the walk found the lab's controls: " + live.size());
        assertEverySaysSomethingQuickly(live);
        assertTrue(live.stream().anyMatch(c -> "show-test-points".equals(c.getId())), "the test-points switch is audited");

        // The step-through folds the training controls away and shows its own.
        robot.interact(() -> window.stepThrough().toggle().fire());
        robot.interact(() -> window.stepThrough().next());
        lab.awaitShown(s -> LiveLab.onFx(() -> window.stepThrough().model().frame().isPresent()));
        List<Control> stepping = LiveLab.onFx(() -> operable(root));
        assertTrue(stepping.contains(LiveLab.onFx(() -> window.stepThrough().panel().history)), "the step panel is audited");
        assertEverySaysSomethingQuickly(stepping);
        robot.interact(() -> window.stepThrough().toggle().fire());

        // A divergence brings a banner whose button sets a smaller learning rate.
        window.send(new TrainerCommand.SetLearningRate(1_000_000));
        window.send(new TrainerCommand.Play());
        lab.awaitVisible(robot, ".notification-bar .button");
        List<Control> withBanner = LiveLab.onFx(() -> operable(root));
        Control useRate = robot.lookup(".notification-bar .button").queryAs(Control.class);
        assertTrue(withBanner.contains(useRate), "the banner's button is audited");
        // ControlsFX makes that button's tooltip from the action's long text, with its own timing.
        assertEquals(List.of(), LiveLab.onFx(() -> untipped(withBanner)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh-CN"})
    void theWeightEditorExplainsItsControlsToo(String language) {
        window = LiveLab.onFx(() -> LabWindow.open(new Stage(), TestLessons.xor(),
                Messages.forLocale(Locale.forLanguageTag(language))));
        LiveLab lab = new LiveLab(window);
        lab.awaitSettled();
        robot.clickOn(lab.edgeOnScreen(0, 0, 0));
        List<Control> editor = LiveLab.onFx(() -> {
            List<Control> found = new ArrayList<>();
            for (Window shown : Window.getWindows()) {
                if (shown != window.layout().getScene().getWindow() && shown.getScene() != null) {
                    found.addAll(operable(shown.getScene().getRoot()));
                }
            }
            return found;
        });
        assertTrue(editor.size() >= 4, "the editor's field, slider and two buttons: " + editor);
        assertEverySaysSomethingQuickly(editor);
    }

    private static void assertEverySaysSomethingQuickly(List<Control> controls) {
        assertEquals(List.of(), LiveLab.onFx(() -> untipped(controls)), "controls without a tooltip");
        List<String> slow = LiveLab.onFx(() -> controls.stream()
                .filter(control -> control.getTooltip().getShowDelay().greaterThan(Tips.SHOW_DELAY))
                .map(TooltipAuditTest::describe).toList());
        assertEquals(List.of(), slow, "tooltips a class would wait for");
    }

    private static List<String> untipped(List<Control> controls) {
        return controls.stream().filter(control -> {
            Tooltip tip = control.getTooltip();
            return tip == null || tip.getText() == null || tip.getText().isBlank();
        }).map(TooltipAuditTest::describe).toList();
    }

    /**
     * The visible controls a user can operate under {@code node}. The parts of such a control (a
     * spinner's text field, a combo box's arrow) are its own, explained by its tooltip; menus are
     * left out, since JavaFX menu items carry no tooltips and say what they do in their names.
     */
    public static List<Control> operable(Node node) {
        List<Control> found = new ArrayList<>();
        collect(node, found);
        return found;
    }

    private static void collect(Node node, List<Control> found) {
        if (!node.isVisible() || node instanceof MenuBar) {
            return;
        }
        if (node instanceof ButtonBase || node instanceof ComboBoxBase<?> || node instanceof ChoiceBox<?>
                || node instanceof Slider || node instanceof TextInputControl || node instanceof Spinner<?>
                || node instanceof ToggleSwitch) {
            found.add((Control) node);
            return;
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collect(child, found));
        }
    }

    private static String describe(Control control) {
        String text = control instanceof Labeled labeled ? " \"" + labeled.getText() + "\"" : "";
        return control.getClass().getSimpleName() + (control.getId() != null ? " #" + control.getId() : "") + text;
    }
}
