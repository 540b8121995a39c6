package org.backproplab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.backproplab.data.TextFile;
import org.backproplab.fixtures.TestLessons;
import org.backproplab.lesson.LessonFile;
import org.backproplab.training.NetworkSnapshot;
import org.backproplab.training.TrainerCommand;
import org.backproplab.ui.common.Messages;
import org.backproplab.ui.files.Recovery;
import org.backproplab.ui.testing.LabMenus;
import org.backproplab.ui.testing.LiveLab;
import org.backproplab.ui.testing.ScriptedDialogs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Ctrl+S writes back to the user's own lesson file however it was opened (named on the command
 * line, dropped on the window, picked from the recent files) without asking, and asks for a name
 * for a shipped lesson (by its name, or its own file in assets/lessons), which is the
 * application's and not the user's to overwrite.
 */
@ExtendWith(ApplicationExtension.class)
class SaveBackTest {

    /** The title of the fixture lesson in the user's file: not the default lesson's. */
    private static final String OWN_TITLE = "XOR fixture";

    @TempDir
    Path folder;

    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private Stage stage;
    private LabWindow window;
    private LiveLab lab;
    private Path own;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void writeTheUsersOwnLesson() throws Exception {
        own = folder.resolve("mine.json");
        LessonFile.write(TestLessons.xor(), own);
    }

    @Stop
    void stop() {
        if (window != null) {
            window.close();
        }
    }

    @Test
    void aLessonFileNamedOnTheCommandLineIsWrittenBackWithoutAsking(FxRobot robot) throws Exception {
        startWith(own.toString());
        assertEquals(OWN_TITLE, lab.awaitSettled().lab().title());

        assertSaveWritesBackTo(own, robot);
        assertEquals(List.of(own.toAbsolutePath().normalize()), LiveLab.onFx(() -> window.files().recentFiles()),
                "the file is offered among the recent files, as one opened from the File menu");
    }

    @Test
    void aDroppedLessonFileIsWrittenBackWithoutAsking(FxRobot robot) throws Exception {
        startWith();
        assertTrue(LiveLab.onFx(() -> window.files().dropped(own)));
        lab.awaitShown(s -> s.lab().title().equals(OWN_TITLE));

        assertSaveWritesBackTo(own, robot);
    }

    @Test
    void aLessonFileFromTheRecentListIsWrittenBackWithoutAsking(FxRobot robot) throws Exception {
        Path home = Files.createDirectories(folder.resolve("home"));
        Files.writeString(home.resolve(LabWindow.RECENT_FILE), own.toAbsolutePath() + "\n");
        startWith();
        robot.interact(() -> recent(robot, TextFile.displayName(own)).fire());
        lab.awaitShown(s -> s.lab().title().equals(OWN_TITLE));

        assertSaveWritesBackTo(own, robot);
    }

    @Test
    void aShippedLessonNamedOnTheCommandLineAsksForANewName(FxRobot robot) throws Exception {
        startWith("moons");
        window.send(new TrainerCommand.AddNeuron(0));
        NetworkSnapshot edited = lab.awaitSettled().lab().network();
        Path chosen = folder.resolve("my-moons.json");

        dialogs.filesToChoose.add(chosen);
        pressSave(robot);
        awaitSaved();

        assertEquals(1, dialogs.saveAsked, "a shipped lesson is saved under a name the user gives");
        assertEquals(edited, LiveLab.networkOf(LessonFile.read(chosen)));
    }

    @Test
    void aShippedLessonsOwnFileNamedOnTheCommandLineAsksForANewNameAndIsLeftAlone(FxRobot robot) throws Exception {
        // As a source checkout keeps it (the README's example opens assets/lessons/moons.json): a copy, should this fail.
        Path shipped = Files.createDirectories(folder.resolve("assets").resolve("lessons")).resolve("moons.json");
        LessonFile.write(LiveLab.shipped("moons"), shipped);
        String untouched = Files.readString(shipped);
        startWith(shipped.toString());
        lab.awaitSettled();

        pressSave(robot);

        assertEquals(1, dialogs.saveAsked, "the application's own lesson is saved under a name the user gives");
        assertEquals(untouched, Files.readString(shipped));
    }

    @Test
    void aShippedLessonOpenedAfterTheUsersFileAsksForANameAndLeavesTheFileAlone(FxRobot robot) throws Exception {
        startWith(own.toString());
        lab.awaitSettled();
        String untouched = Files.readString(own);
        robot.interact(() -> LabMenus.item(robot, "lesson-moons").fire());
        lab.awaitShown(s -> s.lab().title().equals(LiveLab.shipped("moons").title()));

        pressSave(robot);

        assertEquals(1, dialogs.saveAsked, "the shipped lesson is not the user's file's");
        assertEquals(untouched, Files.readString(own));
    }

    @Test
    void workRestoredAtStartIsNotTheCommandLineFilesAndAsksForAName(FxRobot robot) throws Exception {
        // A session that never closed left its work; this start names the user's file as well.
        Path home = Files.createDirectories(folder.resolve("home"));
        LessonFile.write(TestLessons.fewPoints(), home.resolve(Recovery.FILE_NAME));
        String untouched = Files.readString(own);
        dialogs.restore = true;
        startWith(own.toString());
        lab.awaitShown(s -> s.lab().title().equals(TestLessons.fewPoints().title()));

        pressSave(robot);

        assertEquals(1, dialogs.saveAsked, "the restored work goes where the user says, not over the file");
        assertEquals(untouched, Files.readString(own));
    }

    /** Opens the window as the application does with {@code commandLine}, its dialogs answered by the test. */
    private void startWith(String... commandLine) {
        StartupLesson startup = StartupLesson.choose(List.of(commandLine));
        window = LiveLab.onFx(() -> LabWindow.open(stage, startup.lesson(), startup.file(), startup.comparison(), Messages.forLocale(Locale.ROOT),
                owner -> new LabWindow.Desk(dialogs, Optional.of(folder.resolve("home")))));
        lab = new LiveLab(window);
    }

    /** Edits the network, presses Ctrl+S, and checks the edit went into {@code file} with no dialog asked. */
    private void assertSaveWritesBackTo(Path file, FxRobot robot) throws Exception {
        window.send(new TrainerCommand.AddNeuron(0));
        NetworkSnapshot edited = lab.awaitSettled().lab().network();

        pressSave(robot);
        assertEquals(0, dialogs.saveAsked, "no save dialog for the user's own file");
        awaitSaved();

        assertEquals(edited, LiveLab.networkOf(LessonFile.read(file)), "the file holds the edited network");
        assertTrue(dialogs.problems.isEmpty(), dialogs.problems::toString);
    }

    private static void pressSave(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
    }

    /** Waits until the trainer reports the save written: the lesson then has no unsaved changes. */
    private void awaitSaved() throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !LiveLab.onFx(() -> window.files().unsaved()));
    }

    /** The File ▸ Recent item that reopens the file called {@code name}. */
    private static MenuItem recent(FxRobot robot, String name) {
        Menu recent = (Menu) LabMenus.item(robot, "menu-recent");
        return recent.getItems().stream().filter(item -> name.equals(item.getText())).findFirst().orElseThrow();
    }
}
