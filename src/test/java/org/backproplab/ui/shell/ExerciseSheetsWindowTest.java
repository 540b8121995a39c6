package org.backproplab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.backproplab.fixtures.TestLessons;
import org.backproplab.lesson.ExerciseFiles;
import org.backproplab.ui.common.Messages;
import org.backproplab.ui.files.ExerciseRequest;
import org.backproplab.ui.testing.LabMenus;
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

/** File ▸ Export ▸ Exercise sheets…, with the dialogs answered by the test. */
@ExtendWith(ApplicationExtension.class)
class ExerciseSheetsWindowTest {

    @TempDir
    Path folder;

    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private LabWindow window;
    private LiveLab lab;

    @Start
    void start(Stage stage) {
        window = LabWindow.open(stage, TestLessons.xor(), Messages.forLocale(Locale.ROOT),
                owner -> new LabWindow.Desk(dialogs, Optional.of(folder.resolve("home"))));
        lab = new LiveLab(window);
    }

    @Stop
    void stop() {
        window.close();
    }

    @Test
    void theMenuItemWritesTheSheetsTheCommandLineWouldAndSaysWhereTheyAre(FxRobot robot) throws Exception {
        lab.awaitSettled();
        Path out = folder.resolve("sheets");
        dialogs.exerciseAnswer = Optional.of(new ExerciseRequest(3, 77));
        dialogs.foldersToChoose.add(out);

        robot.interact(() -> LabMenus.item(robot, "export-exercises").fire());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !dialogs.done.isEmpty() || !dialogs.problems.isEmpty());

        assertEquals(List.of(), dialogs.problems);
        assertTrue(dialogs.done.getFirst().contains("3 sheets and their answer keys are in " + out), dialogs.done.getFirst());
        assertTrue(dialogs.done.getFirst().contains("Seed: 77"), dialogs.done.getFirst());
        Path same = folder.resolve("by-hand");
        ExerciseFiles.write(TestLessons.xor(), 3, 77, 0, Locale.ENGLISH, same);
        for (String file : List.of("sheet-1.md", "sheet-3.md", "answers-2.md", "exercises.json")) {
            assertEquals(Files.readString(same.resolve(file)), Files.readString(out.resolve(file)),
                    file + ": the lesson as set up in the window, its first training sample");
        }
        assertTrue(dialogs.exerciseSuggested.variants() > 1, "a sensible default: more than one variant");
    }

    @Test
    void cancellingWritesNothingAndAFolderThatCannotBeMadeIsReported(FxRobot robot) throws Exception {
        lab.awaitSettled();
        Path out = folder.resolve("never");
        dialogs.foldersToChoose.add(out);
        robot.interact(() -> LabMenus.item(robot, "export-exercises").fire());
        assertEquals(1, dialogs.foldersToChoose.size(), "cancelled before the folder was asked for");

        dialogs.exerciseAnswer = Optional.of(new ExerciseRequest(2, 5));
        dialogs.foldersToChoose.clear();
        robot.interact(() -> LabMenus.item(robot, "export-exercises").fire());
        assertFalse(Files.exists(out), "no folder, nothing written");

        Path blocked = Files.writeString(folder.resolve("a-file"), "not a folder").resolve("sheets");
        dialogs.foldersToChoose.add(blocked);
        robot.interact(() -> LabMenus.item(robot, "export-exercises").fire());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !dialogs.problems.isEmpty());

        assertTrue(dialogs.problems.getFirst().startsWith("The file could not be written.\ncannot create the folder"),
                dialogs.problems.getFirst());
        assertEquals(List.of(), dialogs.done);
    }
}
