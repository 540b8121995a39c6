package org.backproplab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.scene.control.Labeled;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.backproplab.fixtures.TestLessons;
import org.backproplab.lesson.LessonCatalog;
import org.backproplab.lesson.LessonException;
import org.backproplab.training.NetworkSnapshot;
import org.backproplab.training.TrainerCommand;
import org.backproplab.training.TrainerSnapshot;
import org.backproplab.ui.common.Messages;
import org.backproplab.ui.files.Dialogs;
import org.backproplab.ui.stepthrough.FormulaView;
import org.backproplab.ui.stepthrough.StepThrough;
import org.backproplab.ui.stepthrough.StepThroughMode;
import org.backproplab.ui.stepthrough.StepThroughPanel;
import org.backproplab.ui.testing.LiveLab;
import org.backproplab.ui.testing.ScriptedDialogs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.matcher.control.LabeledMatchers;

/** The Language menu switches every visible word while the lab keeps its work, and the choice is remembered. */
@ExtendWith(ApplicationExtension.class)
class LanguageSwitchTest {

    private static final Messages ENGLISH = Messages.forLocale(Locale.ENGLISH);
    private static final Messages CHINESE = Messages.forLocale(Locale.SIMPLIFIED_CHINESE);

    @TempDir
    Path home;

    private LabWindow window;
    private LiveLab lab;

    @Start
    void start(Stage stage) throws LessonException {
        // TestFX hands every class the same stage: as the window sizes it, whatever the class before left.
        stage.setFullScreen(false);
        stage.setMaximized(false);
        stage.setX(0);
        stage.setY(0);
        stage.setWidth(LabWindow.DEFAULT_WIDTH);
        stage.setHeight(LabWindow.DEFAULT_HEIGHT);
        window = LabWindow.open(stage, LessonCatalog.load("xor"), Messages.forLocale(Locale.ROOT),
                owner -> new LabWindow.Desk(new ScriptedDialogs(), Optional.of(home)));
        lab = new LiveLab(window);
    }

    @Stop
    void stop() {
        window.close();
    }

    @Test
    void choosingChineseRewordsTheWindowAndKeepsTheTrainedNetwork(FxRobot robot) {
        window.send(new TrainerCommand.StepEpoch());
        NetworkSnapshot trained = lab.awaitSettled().lab().network();
        assertVisibleWords(robot, ENGLISH);

        choose(robot, Locale.SIMPLIFIED_CHINESE);

        assertVisibleWords(robot, CHINESE);
        assertEquals("2-3-1 sigmoid 网络学习异或（XOR）", LiveLab.onFx(() -> robot.lookup(".lesson-title").queryLabeled().getText()),
                "the lesson's own Chinese title");
        assertTrue(LiveLab.onFx(() -> languageItem(robot, Locale.SIMPLIFIED_CHINESE).isSelected()),
                "the menu marks the language in use");
        assertEquals(trained, lab.shown().lab().network(), "the network is what it was before the switch");

        window.send(new TrainerCommand.StepEpoch());
        TrainerSnapshot after = lab.awaitSettled();
        assertEquals(2, after.epoch(), "the same trainer goes on training after the switch");

        choose(robot, Locale.ENGLISH);
        assertVisibleWords(robot, ENGLISH);
        assertEquals("XOR with a 2-3-1 sigmoid net", LiveLab.onFx(() -> robot.lookup(".lesson-title").queryLabeled().getText()));
    }

    @Test
    void theChosenLanguageOpensTheNextWindowWhateverTheSystemSpeaks(FxRobot robot) {
        choose(robot, Locale.SIMPLIFIED_CHINESE);
        robot.interact(window::close);

        LabWindow next = LiveLab.onFx(() -> LabWindow.open(new Stage(), TestLessons.xor(), ENGLISH,
                owner -> new LabWindow.Desk(new ScriptedDialogs(), Optional.of(home))));
        try {
            assertEquals(Locale.SIMPLIFIED_CHINESE, LiveLab.onFx(() -> next.look().messages().locale()));
        } finally {
            robot.interact(() -> {
                next.close();
            });
        }
    }

    @Test
    void aPassBeingSteppedThroughStaysOnScreenInTheNewLanguage(FxRobot robot) {
        lab.awaitSettled();
        robot.clickOn(".step-toggle");
        robot.interact(() -> window.stepThrough().next());
        lab.awaitShown(snapshot -> snapshot.trace().isPresent());
        robot.interact(() -> window.stepThrough().next());
        StepThrough.Frame frame = LiveLab.onFx(() -> window.stepThrough().model().frame().orElseThrow());
        String passEnglish = LiveLab.onFx(() -> window.stepThrough().panel().passText.getText());
        List<String> formulas = LiveLab.onFx(() -> window.stepThrough().panel().formulas.lines());

        choose(robot, Locale.SIMPLIFIED_CHINESE);

        assertTrue(LiveLab.onFx(() -> window.stepThrough().isOn()), "step-through stays on");
        assertEquals(frame, LiveLab.onFx(() -> window.stepThrough().model().frame().orElseThrow()),
                "at the same sub-step of the same pass");
        assertEquals(formulas, LiveLab.onFx(() -> window.stepThrough().panel().formulas.lines()),
                "the formulas, symbols and numbers, are the same");
        String passChinese = LiveLab.onFx(() -> window.stepThrough().panel().passText.getText());
        assertTrue(!passChinese.isEmpty() && !passChinese.equals(passEnglish),
                "the pass is described again, in Chinese: " + passChinese);
    }

    /** The step-through switch, the File menu and a settings label all speak {@code words}' language. */
    private void assertVisibleWords(FxRobot robot, Messages words) {
        assertEquals(words.get("step.toggle"), LiveLab.onFx(() -> robot.lookup(".step-toggle").queryAs(ToggleButton.class).getText()));
        assertEquals(words.get("menu.file"), LiveLab.onFx(() -> menuBar(robot).getMenus().getFirst().getText()));
        assertTrue(LiveLab.onFx(() -> robot.lookup(LabeledMatchers.hasText(words.get("settings.learningRate")))
                .tryQuery().map(node -> ((Labeled) node).isVisible()).orElse(false)),
                "the learning-rate label reads " + words.get("settings.learningRate"));
    }

    private void choose(FxRobot robot, Locale language) {
        robot.interact(() -> languageItem(robot, language).fire());
        lab.awaitSettled();
    }

    private static MenuBar menuBar(FxRobot robot) {
        return robot.lookup(".lab-menu").queryAs(MenuBar.class);
    }

    private static RadioMenuItem languageItem(FxRobot robot, Locale language) {
        Menu menu = menuBar(robot).getMenus().stream().filter(m -> "menu-language".equals(m.getId())).findFirst().orElseThrow();
        List<MenuItem> items = menu.getItems();
        return (RadioMenuItem) items.stream().filter(item -> ("language-" + language.toLanguageTag()).equals(item.getId()))
                .findFirst().orElseThrow();
    }
}
