package org.backproplab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import javafx.stage.Stage;
import org.backproplab.fixtures.TestLessons;
import org.backproplab.training.TrainerCommand;
import org.backproplab.training.TrainerSnapshot;
import org.backproplab.ui.common.Messages;
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

/** File ▸ Open TensorFlow Playground link…, with the pasted link answered by the test. */
@ExtendWith(ApplicationExtension.class)
class PlaygroundLinkWindowTest {

    /** The example; its first training point and losses were recorded from the page's own code. */
    private static final String SPIRAL = "https://playground.tensorflow.org/#activation=tanh&batchSize=10"
            + "&dataset=spiral&regDataset=reg-plane&learningRate=0.03&regularizationRate=0&noise=0&networkShape=4,2"
            + "&seed=0.12345&showTestData=false&discretize=false&percTrainData=50&x=true&y=true&xTimesY=false"
            + "&xSquared=false&ySquared=false&cosX=false&sinX=false&cosY=false&sinY=false&collectStats=false"
            + "&problem=classification&initZero=false&hideText=false";

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
