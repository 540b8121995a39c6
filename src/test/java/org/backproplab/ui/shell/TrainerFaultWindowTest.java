package org.backproplab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Button;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import org.backproplab.fixtures.TestLessons;
import org.backproplab.training.FaultLog;
import org.backproplab.training.InjectedFaults;
import org.backproplab.training.Trainer;
import org.backproplab.training.TrainerSnapshot;
import org.backproplab.ui.common.Messages;
import org.backproplab.ui.testing.LiveLab;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A bug inside the trainer, as the user meets it: the window goes on working, says in plain words
 * that training paused on the last good network, copies the report on request, logs it, and Play
 * trains on. A trainer that stops answering altogether is said to have stopped.
 */
@ExtendWith(ApplicationExtension.class)
class TrainerFaultWindowTest {

    private static final String PLAIN_WORDS = "Something went wrong inside the lab";

    @TempDir
    Path home;

    private final InjectedFaults faults = new InjectedFaults();
    private LabWindow window;
    private LiveLab lab;

    @Start
    void start(Stage stage) {
        Trainer trainer = faults.trainer(TestLessons.xor(), LabWindow.HEATMAP_RESOLUTION, home);
        window = LabWindow.open(stage, TestLessons.xor(), Messages.forLocale(Locale.ROOT), trainer);
        trainer.start();
        lab = new LiveLab(window);
    }

    @Stop
    void stop() {
        faults.release();
        window.close();
    }

    @Test
    void aFaultInTrainingIsToldInPlainWordsLoggedAndPlayTrainsOnFromTheLastGoodNetwork(FxRobot robot) throws Exception {
        robot.clickOn("#play");
        lab.awaitShown(s -> s.playing() && s.epoch() >= 20);

        faults.breakNextBatch();
        awaitBanner(PLAIN_WORDS);
        TrainerSnapshot paused = lab.awaitShown(s -> !s.playing());
        String said = LiveLab.onFx(() -> banner(robot).getText());
        assertFalse(said.contains("Exception") || said.contains(InjectedFaults.MESSAGE), "no raw exception text: " + said);
        assertEquals("Play", LiveLab.onFx(() -> robot.lookup("#play").queryAs(Button.class).getText()));
        assertTrue(Files.readString(home.resolve(FaultLog.FILE_NAME)).contains(InjectedFaults.MESSAGE + " in training"),
                "the stack trace is in the log");

        lab.awaitVisible(robot, "Copy details");
        robot.clickOn("Copy details");
        String copied = LiveLab.onFx(() -> Clipboard.getSystemClipboard().getString());
        assertTrue(copied.contains("IllegalStateException: " + InjectedFaults.MESSAGE) && copied.contains("\tat org.backproplab"),
                copied);

        robot.clickOn("#play");
        TrainerSnapshot resumed = lab.awaitShown(s -> s.playing() && s.epoch() >= paused.epoch() + 20);
        assertTrue(resumed.playing(), "Play trains on from the network that came back");
    }

    @Test
    void aFaultMakingASnapshotLeavesTheWindowWorking(FxRobot robot) throws Exception {
        robot.clickOn("#play");
        lab.awaitShown(s -> s.playing() && s.epoch() >= 5);

        faults.breakNextSnapshot();
        awaitBanner(PLAIN_WORDS);
        TrainerSnapshot paused = lab.awaitShown(s -> !s.playing());

        robot.clickOn("#play");
        lab.awaitShown(s -> s.playing() && s.epoch() > paused.epoch());
    }

    @Test
    void aTrainerThatStopsAnsweringWhilePlayingIsSaidToHaveStoppedUntilItAnswersAgain(FxRobot robot) throws Exception {
        robot.clickOn("#play");
        lab.awaitShown(s -> s.playing() && s.epoch() >= 5);

        faults.hangSnapshots();
        awaitBanner("Training has stopped answering");

        faults.release();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !LiveLab.onFx(() -> banner(robot).isShowing()));
    }

    private void awaitBanner(String text) throws TimeoutException {
        FxRobot robot = new FxRobot();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> LiveLab.onFx(() -> {
            NoticeBanner banner = banner(robot);
            return banner.isShowing() && banner.getText() != null && banner.getText().startsWith(text);
        }));
    }

    private static NoticeBanner banner(FxRobot robot) {
        return robot.lookup(".notice-banner").queryAs(NoticeBanner.class);
    }
}
