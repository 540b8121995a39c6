package org.backproplab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeoutException;
import javafx.application.Application;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import org.backproplab.lesson.LessonCatalog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Starts the real application, with real command-line arguments, as {@code Main} does. */
class BackpropLabAppTest {

    private static final String DEFAULT_TITLE = "Backprop Lab — XOR with a 2-3-1 sigmoid net";

    private final FxRobot robot = new FxRobot();
    private Stage stage;
    private Application application;

    @BeforeEach
    void registerStage(@TempDir Path home) throws TimeoutException, IOException {
        // The real application keeps recent files and a recovery copy: never in the user's own home.
        System.setProperty(BackpropLabApp.HOME_PROPERTY, home.toString());
        // A returning user's home: the first-run tour would otherwise open over the window.
        Files.writeString(home.resolve(PreferencesStore.FILE_NAME), "tourSeen=true\n");
        stage = FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void closeEverything() throws TimeoutException {
        System.clearProperty(BackpropLabApp.HOME_PROPERTY);
        // The application maximises the window on the test's small screen: the next test class gets it back as it was.
        // Hidden first: shown, the window back at its own size (taller than the 1000 px headless screen) could be
        // drawn once more, and the headless platform's blit does not clip (IndexOutOfBoundsException).
        robot.interact(() -> {
            stage.hide();
            stage.setMaximized(false);
        });
        FxToolkit.cleanupStages();
        if (application != null) {
            FxToolkit.cleanupApplication(application);
        }
    }

    @Test
    void withNoArgumentsTheWindowOpensOnTheDefaultXorLesson() throws Exception {
        application = FxToolkit.setupApplication(BackpropLabApp.class);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(DEFAULT_TITLE, stage.getTitle());
        assertTrue(stage.isShowing());
        assertTrue(robot.lookup(".dialog-pane").tryQuery().isEmpty(), "no alert for the default lesson");
        assertTrue(stage.isMaximized(), "a screen smaller than the window's own size gets a maximised window");
        // The app's icon, at every size it comes in (AppIconTest checks the pictures themselves).
        assertEquals(AppIcon.SIZES, stage.getIcons().stream().map(icon -> (int) icon.getWidth()).toList());
    }

    @Test
    void aLessonFileGivenOnTheCommandLineIsOpened(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("renamed.json");
        String xor = new String(BackpropLabApp.class.getResourceAsStream("/assets/lessons/xor.json").readAllBytes(),
                StandardCharsets.UTF_8);
        Files.writeString(file, xor.replace("XOR with a 2-3-1 sigmoid net", "My own lesson"));
        application = FxToolkit.setupApplication(BackpropLabApp.class, file.toString());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Backprop Lab — My own lesson", stage.getTitle());
    }

    @Test
    void aShippedLessonsNameOnTheCommandLineOpensThatLesson() throws Exception {
        application = FxToolkit.setupApplication(BackpropLabApp.class, "moons");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Backprop Lab — " + LessonCatalog.load("moons").title(), stage.getTitle());
        assertTrue(robot.lookup(".dialog-pane").tryQuery().isEmpty(), "no alert for a shipped lesson");
    }

    @Test
    void aBrokenLessonFileIsExplainedAndTheDefaultLessonShown(@TempDir Path folder) throws Exception {
        Path broken = folder.resolve("broken.json");
        Files.writeString(broken, "{ \"format\": \"backprop-lab-lesson\", ");
        application = FxToolkit.setupApplication(BackpropLabApp.class, broken.toString());
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(DEFAULT_TITLE, stage.getTitle());
        DialogPane alert = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertTrue(alert.getContentText().startsWith("broken.json"), alert.getContentText());
        assertTrue(alert.getHeaderText().contains("default lesson"), alert.getHeaderText());
    }
}
