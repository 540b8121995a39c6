package org.backproplab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.backproplab.fixtures.TestLessons;
import org.backproplab.lesson.ExerciseFiles;
import org.backproplab.lesson.Lesson;
import org.backproplab.lesson.LessonFile;
import org.backproplab.training.NetworkSnapshot;
import org.backproplab.training.TrainerCommand;
import org.backproplab.training.TrainerSnapshot;
import org.backproplab.ui.boundary.DecisionBoundaryView;
import org.backproplab.ui.common.Messages;
import org.backproplab.ui.files.Dialogs;
import org.backproplab.ui.files.ExerciseRequest;
import org.backproplab.ui.files.Exports;
import org.backproplab.ui.files.LabFiles;
import org.backproplab.ui.files.Recovery;
import org.backproplab.ui.testing.LabMenus;
import org.backproplab.ui.testing.LiveLab;
import org.backproplab.ui.testing.ScriptedDialogs;
import org.backproplab.ui.view.LabLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/** The File menu and its shortcuts, driven as a user would, with the file dialogs answered by the test. */
@ExtendWith(ApplicationExtension.class)
class LabFilesWindowTest {

    /** A TensorFlow Playground link (the example); its first training point and losses were recorded from the page's own code. */
    private static final String SPIRAL = "https://playground.tensorflow.org/#activation=tanh&batchSize=10"
            + "&dataset=spiral&regDataset=reg-plane&learningRate=0.03&regularizationRate=0&noise=0&networkShape=4,2"
            + "&seed=0.12345&showTestData=false&discretize=false&percTrainData=50&x=true&y=true&xTimesY=false"
            + "&xSquared=false&ySquared=false&cosX=false&sinX=false&cosY=false&sinY=false&collectStats=false"
            + "&problem=classification&initZero=false&hideText=false";

    @TempDir
    Path folder;

    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private Stage stage;
    private LabWindow window;
    private LiveLab lab;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = LabWindow.open(stage, TestLessons.xor(), Messages.forLocale(Locale.ROOT),
                owner -> new LabWindow.Desk(dialogs, Optional.of(folder.resolve("home"))));
        lab = new LiveLab(window);
    }

    @Stop
    void stop() {
        window.close();
    }

    @Test
    void savingThenOpeningThroughTheShortcutsBringsBackTheTrainedWeights(FxRobot robot) throws Exception {
        window.send(new TrainerCommand.StepEpoch());
        window.send(new TrainerCommand.StepEpoch());
        NetworkSnapshot trained = lab.awaitSettled().lab().network();
        Path saved = folder.resolve("trained.json");

        dialogs.filesToChoose.add(saved);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.S).release(KeyCode.S, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Files.isRegularFile(saved));
        assertFalse(LiveLab.onFx(() -> window.files().unsaved()), "a saved lesson has no unsaved changes");

        window.send(new TrainerCommand.Reset());
        assertNotEquals(trained, lab.awaitSettled().lab().network(), "a reset draws other weights");

        dialogs.filesToChoose.add(saved);
        robot.press(KeyCode.CONTROL, KeyCode.O).release(KeyCode.O, KeyCode.CONTROL);
        TrainerSnapshot reopened = lab.awaitShown(s -> s.lab().network().equals(trained));
        assertEquals(trained, reopened.lab().network());
        assertEquals(List.of(saved.toAbsolutePath().normalize()), LiveLab.onFx(() -> window.files().recentFiles()));
        assertTrue(dialogs.problems.isEmpty(), dialogs.problems::toString);
    }

    @Test
    void aCsvWithABadRowIsRefusedWithItsLineNumberAndTheDataStays(FxRobot robot) throws Exception {
        TrainerSnapshot before = lab.awaitSettled();
        long sent = LiveLab.onFx(() -> window.commandsSent());
        Path bad = folder.resolve("points.csv");
        Files.writeString(bad, "x1,x2,label\n0.5,0.5,1\n0.25,often,0\n");

        dialogs.filesToChoose.add(bad);
        robot.interact(() -> LabMenus.item(robot, "menu-import-points").fire());

        assertEquals(1, dialogs.problems.size());
        assertTrue(dialogs.problems.getFirst().contains("line 3"), dialogs.problems.getFirst());
        assertEquals(sent, LiveLab.onFx(() -> window.commandsSent()), "nothing was sent to the trainer");
        assertEquals(before.lab().trainPoints(), lab.shown().lab().trainPoints());
    }

    @Test
    void aRecoveryCopyLeftByASessionThatNeverClosedIsOfferedAndRestored(FxRobot robot) throws Exception {
        window.send(new TrainerCommand.StepEpoch());
        NetworkSnapshot unsavedWork = lab.awaitSettled().lab().network();
        Path copy = folder.resolve("home").resolve(Recovery.FILE_NAME);
        robot.interact(() -> window.files().keepRecoveryCopy());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Files.isRegularFile(copy));

        // The first window "crashes": it never closes, so its copy stays. The next start finds it.
        ScriptedDialogs nextStart = new ScriptedDialogs();
        nextStart.restore = true;
        LabWindow restarted = LiveLab.onFx(() -> LabWindow.open(new Stage(), TestLessons.fewPoints(),
                Messages.forLocale(Locale.ROOT), owner -> new LabWindow.Desk(nextStart, Optional.of(folder.resolve("home")))));
        try {
            assertEquals(1, nextStart.recoveryOffered);
            TrainerSnapshot restored = new LiveLab(restarted).awaitShown(s -> s.lab().network().equals(unsavedWork));
            assertEquals("XOR fixture", restored.lab().title());
            assertTrue(LiveLab.onFx(() -> restarted.files().unsaved()), "restored work is not saved anywhere yet");
        } finally {
            robot.interact(restarted::close);
        }
        assertFalse(Files.exists(copy), "a clean close leaves no recovery copy");
    }

    @Test
    void closingWithUnsavedChangesAsksAndCancelKeepsTheWindow(FxRobot robot) {
        window.send(new TrainerCommand.StepEpoch());
        lab.awaitSettled();
        dialogs.onUnsaved = Dialogs.UnsavedChoice.CANCEL;

        assertFalse(LiveLab.onFx(() -> window.files().mayClose()));
        dialogs.onUnsaved = Dialogs.UnsavedChoice.DISCARD;
        assertTrue(LiveLab.onFx(() -> window.files().mayClose()));
        assertEquals(2, dialogs.unsavedAsked);
    }

    @Test
    void quitAndSaveWhileTrainingAtFullSpeedClosesOnlyOnceTheFileIsWrittenAndItReopensToTheSameNetwork(FxRobot robot)
            throws Exception {
        window.send(new TrainerCommand.AddNeuron(0));
        List<Integer> edited = lab.awaitSettled().lab().network().shape();
        window.send(new TrainerCommand.SetSpeed(0));
        robot.clickOn("#play");
        lab.awaitShown(s -> s.playing() && s.epoch() >= 50);
        Path saved = folder.resolve("quit.json");
        AtomicBoolean writtenWhenClosed = new AtomicBoolean();
        robot.interact(() -> stage.setOnHiding(event -> writtenWhenClosed.set(Files.isRegularFile(saved))));

        dialogs.onUnsaved = Dialogs.UnsavedChoice.SAVE;
        dialogs.filesToChoose.add(saved);
        robot.press(KeyCode.CONTROL, KeyCode.Q).release(KeyCode.Q, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !LiveLab.onFx(stage::isShowing));

        assertTrue(writtenWhenClosed.get(), "the window closed only once the file was written");
        Lesson reread = LessonFile.read(saved);
        NetworkSnapshot reopened = LiveLab.networkOf(reread);
        assertEquals(edited, reopened.shape(), "the unsaved edit was saved");
        assertNotEquals(LiveLab.networkOf(TestLessons.xor().withArchitecture(reread.features(), reread.layers())), reopened,
                "the trained weights were saved, not fresh ones");
        assertEquals(reopened, LiveLab.networkOf(LessonFile.read(saved)), "the file reopens to the same network, every time");
        assertTrue(dialogs.problems.isEmpty(), dialogs.problems::toString);
    }

    @Test
    void aSaveOnQuitThatCannotBeWrittenKeepsTheWindowOpenWithTheReasonAndTheRecoveryCopy(FxRobot robot) throws Exception {
        window.send(new TrainerCommand.StepEpoch());
        lab.awaitSettled();
        Path copy = folder.resolve("home").resolve(Recovery.FILE_NAME);
        robot.interact(() -> window.files().keepRecoveryCopy());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Files.isRegularFile(copy));
        // Tests run as root, who may write anywhere: a "folder" that is a plain file refuses every save.
        Path notAFolder = Files.writeString(folder.resolve("plain"), "not a folder");

        dialogs.onUnsaved = Dialogs.UnsavedChoice.SAVE;
        dialogs.filesToChoose.add(notAFolder.resolve("lesson.json"));
        robot.press(KeyCode.CONTROL, KeyCode.Q).release(KeyCode.Q, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> LiveLab.onFx(() -> {
            NoticeBanner banner = robot.lookup(".notice-banner").queryAs(NoticeBanner.class);
            return banner.isShowing() && banner.getText().startsWith("Could not save the lesson: cannot save lesson.json");
        }));
        LiveLab.settleLayout();

        assertTrue(LiveLab.onFx(stage::isShowing), "the window stays open");
        assertTrue(LiveLab.onFx(() -> window.files().unsaved()), "the changes are still unsaved");
        assertTrue(Files.isRegularFile(copy), "the recovery copy survives");
    }

    @Test
    void aLessonWithNoChangesClosesWithoutAsking() {
        lab.awaitSettled();
        assertTrue(LiveLab.onFx(() -> window.files().mayClose()));
        assertEquals(0, dialogs.unsavedAsked);
    }

    @Test
    void saveWithoutAFileAsksWhereAndWritesALessonTheLabReads(FxRobot robot) throws Exception {
        Path saved = folder.resolve("lesson.json");
        dialogs.filesToChoose.add(saved);
        robot.interact(() -> LabMenus.item(robot, "menu-save").fire());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Files.isRegularFile(saved));
        assertEquals("XOR fixture", readable(saved));
    }

    @Test
    void theBoundaryExportsAsAPictureOfItsOwnSize(FxRobot robot) throws Exception {
        lab.awaitSettled();
        Path picture = folder.resolve("boundary.png");
        dialogs.filesToChoose.add(picture);
        robot.interact(() -> LabMenus.item(robot, "export-boundary").fire());

        java.awt.image.BufferedImage decoded = javax.imageio.ImageIO.read(picture.toFile());
        DecisionBoundaryView boundary = window.layout().boundary();
        assertEquals(Math.ceil(LiveLab.onFx(boundary::getWidth)), decoded.getWidth());
        assertEquals(Math.ceil(LiveLab.onFx(boundary::getHeight)), decoded.getHeight());
    }

    @Test
    void aWorkedExampleNeedsAStepAndThenShowsItsFormulas(FxRobot robot) throws Exception {
        lab.awaitSettled();
        Path handout = folder.resolve("step.md");
        robot.interact(() -> LabMenus.item(robot, "export-worked").fire());
        assertEquals(1, dialogs.problems.size(), "without a recorded step there is nothing to work through");

        window.send(new TrainerCommand.StepSample(0));
        lab.awaitShown(s -> s.trace().isPresent());
        dialogs.filesToChoose.add(handout);
        robot.interact(() -> LabMenus.item(robot, "export-worked").fire());

        String markdown = Files.readString(handout);
        assertTrue(markdown.startsWith("# XOR fixture"), markdown);
        assertTrue(markdown.contains("$"), "the formulas are LaTeX math");
    }

    @Test
    void theLessonExportsAsANumpyScriptAndANotebookOfItsFirstSteps(FxRobot robot) throws Exception {
        lab.awaitSettled();
        Path script = folder.resolve("xor.py");
        Path notebook = folder.resolve("xor.ipynb");
        dialogs.filesToChoose.add(script);
        robot.interact(() -> LabMenus.item(robot, "export-python").fire());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> dialogs.done.size() == 1 || !dialogs.problems.isEmpty());
        dialogs.filesToChoose.add(notebook);
        robot.interact(() -> LabMenus.item(robot, "export-notebook").fire());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> dialogs.done.size() == 2 || !dialogs.problems.isEmpty());

        assertTrue(dialogs.problems.isEmpty(), dialogs.problems::toString);
        assertTrue(dialogs.done.getFirst().contains("from its starting weights") && dialogs.done.getFirst().endsWith(script.toString()),
                "the notice says what the program starts from and where it is: " + dialogs.done.getFirst());
        String program = Files.readString(script);
        assertTrue(program.startsWith("\"\"\"XOR fixture: " + Exports.PROGRAM_STEPS + " training steps"), program);
        // The fixture's own starting weights, so the program starts where the lab's lesson does.
        assertTrue(program.contains("W2 = np.array([[3.0, -4.0, 0.8]])"), program);
        assertEquals(4, new com.fasterxml.jackson.databind.ObjectMapper().readTree(Files.readString(notebook))
                .get("nbformat").asInt());
    }

    @Test
    void aSecondExportAskedForWhileOneIsBeingWrittenIsRefusedWithANotice(FxRobot robot) throws Exception {
        lab.awaitSettled();
        Path script = folder.resolve("first.py");
        Path sheets = folder.resolve("sheets");
        dialogs.filesToChoose.add(script);
        dialogs.exerciseAnswer = Optional.of(new ExerciseRequest(2, 5));
        dialogs.foldersToChoose.add(sheets);
        // Both in one turn of the FX thread, as a double click gives them: the first cannot have finished.
        robot.interact(() -> {
            LabMenus.item(robot, "export-python").fire();
            LabMenus.item(robot, "export-exercises").fire();
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !dialogs.done.isEmpty());

        assertEquals(List.of("An export is still being written.\nTry again when it is done: a message will say so."),
                dialogs.problems);
        assertTrue(Files.isRegularFile(script), "the first export is written");
        assertFalse(Files.exists(sheets), "the refused one writes nothing");
        assertEquals(List.of(sheets), List.copyOf(dialogs.foldersToChoose), "nor asks where to write");

        robot.interact(() -> LabMenus.item(robot, "export-exercises").fire());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> dialogs.done.size() == 2);
        assertTrue(Files.isRegularFile(sheets.resolve("exercises.json")), "once it is done, the next export runs");
    }

    @Test
    void aDroppedFileOpensByItsKindAndAnythingElseIsDeclined(FxRobot robot) throws Exception {
        lab.awaitSettled();
        Path points = folder.resolve("mine.csv");
        Files.writeString(points, "x1,x2,label\n0.5,0.5,1\n-0.5,-0.5,0\n0.5,-0.5,1\n-0.5,0.5,0\n");
        Path notes = folder.resolve("notes.txt");
        Files.writeString(notes, "not a lesson");

        assertFalse(LiveLab.onFx(() -> window.files().dropped(notes)));
        assertTrue(LiveLab.onFx(() -> window.files().dropped(points)));

        TrainerSnapshot after = lab.awaitShown(s -> s.lab().trainPoints().size() + s.lab().testPoints().size() == 4);
        assertEquals(4, after.lab().trainPoints().size() + after.lab().testPoints().size());
        assertTrue(dialogs.problems.isEmpty(), dialogs.problems::toString);
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

    private static String readable(Path file) throws IOException {
        try {
            return LessonFile.read(file).title();
        } catch (org.backproplab.lesson.LessonException e) {
            throw new IOException(e);
        }
    }

    @Test
    void aPastedLinkOpensThePagesRunAndSaysHowItCompares(FxRobot robot) {
        lab.awaitSettled();
        dialogs.linksToPaste.add(SPIRAL);
        robot.interact(() -> LabMenus.item(robot, "menu-open-playground").fire());

        TrainerSnapshot shown = lab.awaitShown(s -> s.lab().title().equals("TensorFlow Playground: spiral, 4-2 tanh"));
        assertEquals(250, shown.lab().trainPoints().size());
        assertEquals(3.0204337300800503, shown.lab().trainPoints().getFirst().x1(), "the page's first training point");
        assertEquals(1, dialogs.done.size());
        assertTrue(dialogs.done.getFirst().contains("the playground's training and test loss"), dialogs.done::toString);
        assertTrue(dialogs.problems.isEmpty(), dialogs.problems::toString);

        window.send(new TrainerCommand.StepEpoch());
        TrainerSnapshot trained = lab.awaitShown(s -> s.epoch() == 1);
        assertEquals(0.5021780177772047, trained.history().getLast().train().loss(), 1e-12,
                "the page's training loss after one epoch");
    }

    @Test
    void aLinkThatCannotBeReplayedIsRefusedAndTheLabStays(FxRobot robot) {
        TrainerSnapshot before = lab.awaitSettled();
        long sent = LiveLab.onFx(() -> window.commandsSent());
        dialogs.linksToPaste.add("https://playground.tensorflow.org/#dataset=spiral&networkShape=4,2");

        robot.interact(() -> LabMenus.item(robot, "menu-open-playground").fire());

        assertEquals(1, dialogs.problems.size());
        assertTrue(dialogs.problems.getFirst().contains("playground link: it has no seed="), dialogs.problems::toString);
        assertEquals(sent, LiveLab.onFx(() -> window.commandsSent()), "nothing was sent to the trainer");
        assertEquals(before.lab().title(), lab.shown().lab().title());
    }
}
