package org.backproplab.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import javafx.scene.control.ComboBox;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.backproplab.engine.Activation;
import org.backproplab.engine.InputFeature;
import org.backproplab.engine.LearningRateSchedule;
import org.backproplab.engine.Loss;
import org.backproplab.engine.OptimizerSettings;
import org.backproplab.fixtures.TestLessons;
import org.backproplab.lesson.DataSpec;
import org.backproplab.trace.OptimizerState;
import org.backproplab.trace.ScheduledRate;
import org.backproplab.trace.StepTrace;
import org.backproplab.training.NetworkSnapshot;
import org.backproplab.training.TrainerSnapshot;
import org.backproplab.ui.bench.UncaughtExceptions;
import org.backproplab.ui.common.Messages;
import org.backproplab.ui.shell.LabWindow;
import org.backproplab.ui.testing.LiveLab;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

/** The settings panel and the layer strip change the trainer's settings live, without a reset. */
@ExtendWith(ApplicationExtension.class)
class SettingsAndStripTest {

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

    /** Trains two epochs by the toolbar, so that a reset would show. */
    private TrainerSnapshot trainTwoEpochs(FxRobot robot) {
        robot.clickOn("#step-epoch").clickOn("#step-epoch");
        return lab.awaitShown(s -> s.epoch() == 2);
    }

    @Test
    void anotherDataSetReplacesThePointsButKeepsTheWeightsAndTheEpoch(FxRobot robot) {
        NetworkSnapshot trained = trainTwoEpochs(robot).lab().network();

        robot.clickOn("#data-set").clickOn("Circle");

        TrainerSnapshot circle = lab.awaitShown(s -> s.settings().data() instanceof DataSpec.Generated g
                && g.generator().equals("circle"));
        assertEquals(2, circle.epoch());
        assertEquals(trained, circle.lab().network());
        assertEquals(500, circle.lab().trainPoints().size() + circle.lab().testPoints().size());
    }

    @Test
    void aRegressionDataSetBringsALinearOutputAndSquaredError(FxRobot robot) {
        robot.clickOn("#data-set").clickOn("Regression: plane");

        TrainerSnapshot regression = lab.awaitShown(s -> s.lab().classes() == 0);
        assertEquals(Activation.LINEAR, regression.settings().layers().getLast().activation());
        assertEquals(Loss.SQUARED_ERROR, regression.settings().hyperparameters().loss());
        assertTrue(regression.notice().isEmpty());
    }

    @Test
    void anotherOptimizerKeepsTheLearningRateAndTheEpoch(FxRobot robot) {
        trainTwoEpochs(robot);

        robot.clickOn("#optimizer-adam");

        TrainerSnapshot adam = lab.awaitShown(s -> s.settings().hyperparameters().optimizer() instanceof OptimizerSettings.Adam);
        assertEquals(0.5, adam.settings().hyperparameters().optimizer().learningRate());
        assertEquals(2, adam.epoch());
    }

    /** At epoch 2 with η = 0.5, "every 1 epoch × 0.5" gives the next step η = 0.5·0.5^⌊2/1⌋ = 0.125. */
    @Test
    void rmsPropAndAScheduleChosenInTheSettingsRunTheNextStep(FxRobot robot) {
        trainTwoEpochs(robot);

        robot.clickOn("#optimizer-rmsprop");
        lab.awaitShown(s -> s.settings().hyperparameters().optimizer() instanceof OptimizerSettings.RmsProp);
        robot.clickOn("#schedule").clickOn("Step: × factor every k epochs");
        lab.awaitShown(s -> s.settings().hyperparameters().schedule().equals(new LearningRateSchedule.Step(100, 0.5)));
        TextField every = LiveLab.onFx(() -> robot.lookup("#schedule-every").queryAs(ComboBox.class).getEditor());
        robot.interact(every::clear);
        robot.clickOn(every).write("1").type(KeyCode.ENTER);
        lab.awaitShown(s -> s.settings().hyperparameters().schedule().equals(new LearningRateSchedule.Step(1, 0.5)));

        robot.clickOn("#step-batch");

        // Stepping an epoch records a trace too: wait for the one this step took.
        StepTrace step = lab.awaitShown(s -> s.trace().filter(t -> t.optimizer().equals("rmsprop")).isPresent()).trace().orElseThrow();
        assertEquals("rmsprop", step.optimizer());
        assertEquals(0.125, step.learningRate());
        assertEquals(new ScheduledRate.Step(0.5, 2, 1, 0.5), step.schedule());
        assertInstanceOf(OptimizerState.SquaredGradientMean.class, step.outputLayer().optimizerStateAfter());
        assertEquals(0.5, lab.shown().settings().hyperparameters().optimizer().learningRate(), "the lesson keeps its own η");
    }

    /**
     * Found by the random-input soak: junk left in the batch-size field, then an arrow clicked.
     * JavaFX's own converter threw on "0.1" and gave no value at all for an empty field; the arrow
     * now steps from the batch size there was, as if nothing had been typed.
     */
    @Test
    void anArrowClickedAfterJunkWasTypedStepsFromTheBatchSizeThereWas(FxRobot robot) {
        Spinner<?> spinner = LiveLab.onFx(() -> robot.lookup("#batch-size").queryAs(Spinner.class));
        int before = lab.awaitSettled().settings().batchSize();
        UncaughtExceptions uncaught = new UncaughtExceptions();
        robot.interact(uncaught::install);
        try {
            for (String junk : List.of("0.1", "", "1e400", "-")) {
                robot.interact(() -> spinner.getEditor().setText(junk));
                robot.clickOn(spinner.lookup(".increment-arrow-button"));
                robot.interact(() -> spinner.getEditor().setText(junk));
                robot.clickOn(spinner.lookup(".decrement-arrow-button"));
            }
        } finally {
            robot.interact(uncaught::uninstall);
        }
        assertEquals(List.of(), uncaught.caught());
        assertEquals(before, LiveLab.onFx(spinner::getValue));
        assertEquals(before, lab.awaitSettled().settings().batchSize());
    }

    @Test
    void aTypedBatchSizeAndRegularizationReachTheTrainer(FxRobot robot) {
        TextField batch = LiveLab.onFx(() -> robot.lookup("#batch-size").queryAs(Spinner.class).getEditor());
        robot.interact(batch::clear);
        robot.clickOn(batch).write("25").type(KeyCode.ENTER);
        lab.awaitShown(s -> s.settings().batchSize() == 25);

        // The training settings run below the panel's fold at this window size: scroll down to them, as a user would.
        robot.interact(() -> robot.lookup(".settings-panel").queryAs(ScrollPane.class).setVvalue(1));
        robot.clickOn("#regularization").clickOn("L2");
        lab.awaitShown(s -> s.settings().hyperparameters().regularization().isActive());
        TextField rate = LiveLab.onFx(() -> robot.lookup("#regularization-rate").queryAs(ComboBox.class).getEditor());
        robot.interact(rate::clear);
        robot.clickOn(rate).write("0.03").type(KeyCode.ENTER);
        lab.awaitShown(s -> s.settings().hyperparameters().regularization().rate() == 0.03);
    }

    @Test
    void aNewSeedStartsOverWithNewPointsAndTheSameSettings(FxRobot robot) {
        TrainerSnapshot before = trainTwoEpochs(robot);

        robot.clickOn("#new-seed");

        TrainerSnapshot reseeded = lab.awaitShown(s -> s.settings().seed() != before.settings().seed());
        assertEquals(0, reseeded.epoch());
        assertNotEquals(before.lab().trainPoints(), reseeded.lab().trainPoints());
        assertEquals(before.settings().hyperparameters(), reseeded.settings().hyperparameters());
    }

    @Test
    void theStripChangesNeuronsActivationsAndFeaturesInPlace(FxRobot robot) {
        trainTwoEpochs(robot);

        robot.clickOn("+");
        lab.awaitShown(s -> s.lab().network().shape().equals(List.of(2, 4, 1)));
        robot.clickOn("−");
        lab.awaitShown(s -> s.lab().network().shape().equals(List.of(2, 3, 1)));

        // The hidden layer's menu is the first one showing "sigmoid"; the output's is the second.
        robot.clickOn(robot.lookup(".strip-menu").lookup("sigmoid").nth(0).queryLabeled()).clickOn("tanh");
        lab.awaitShown(s -> s.lab().network().layer(0).activation() == Activation.TANH);

        robot.clickOn("Features").clickOn("x₁x₂");
        TrainerSnapshot wider = lab.awaitShown(s -> s.settings().features().size() == 3);
        assertEquals(List.of(InputFeature.X1, InputFeature.X2, InputFeature.X1_TIMES_X2), wider.settings().features());
        assertEquals(2, wider.epoch(), "none of it reset training");
    }

    @Test
    void theOutputMenuChangesActivationAndLossTogetherAndOneUndoTakesBothBack(FxRobot robot) {
        // The output's menu is the strip's last; binary cross-entropy cannot follow a linear output.
        MenuButton output = robot.lookup(".strip-menu").queryAllAs(MenuButton.class).stream()
                .reduce((before, last) -> last).orElseThrow();
        robot.clickOn(output).clickOn("linear");

        TrainerSnapshot linear = lab.awaitShown(s -> s.settings().layers().getLast().activation() == Activation.LINEAR);
        assertEquals(Loss.SQUARED_ERROR, linear.settings().hyperparameters().loss());
        assertTrue(linear.notice().isEmpty());

        robot.clickOn("#undo");

        TrainerSnapshot undone = lab.awaitShown(s -> s.settings().layers().getLast().activation() == Activation.SIGMOID);
        assertEquals(Loss.BINARY_CROSS_ENTROPY, undone.settings().hyperparameters().loss());
        assertTrue(undone.undoRedo().undo().isEmpty(), "choosing the output was one undo step");
    }
}
