package org.backproplab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import javafx.geometry.Point2D;
import javafx.geometry.VerticalDirection;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.backproplab.fixtures.TestLessons;
import org.backproplab.training.NetworkSnapshot;
import org.backproplab.training.TrainerCommand;
import org.backproplab.training.TrainerSnapshot;
import org.backproplab.ui.boundary.DecisionBoundaryView;
import org.backproplab.ui.charts.EpochChart;
import org.backproplab.ui.charts.LossChart;
import org.backproplab.ui.common.ColorScale;
import org.backproplab.ui.common.Messages;
import org.backproplab.ui.common.NumberText;
import org.backproplab.ui.common.Palette;
import org.backproplab.ui.common.PlotFrame;
import org.backproplab.ui.graph.GraphGeometry;
import org.backproplab.ui.graph.GraphInteraction;
import org.backproplab.ui.graph.NetworkGraphView;
import org.backproplab.ui.testing.LiveLab;
import org.backproplab.ui.testing.Pixels;
import org.backproplab.ui.view.LabLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

/** The live lab driven through its real controls, as a teacher would, with the trainer running. */
@ExtendWith(ApplicationExtension.class)
class LiveLabTest {

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

    private static double learningRate(TrainerSnapshot snapshot) {
        return snapshot.settings().hyperparameters().optimizer().learningRate();
    }

    private static String epochText(FxRobot robot) {
        return LiveLab.onFx(() -> robot.lookup(".status-epoch").queryAs(Label.class).getText());
    }

    @Test
    void playThenPauseMovesTheEpochCounterAndTheLossesThenStopsThem(FxRobot robot) {
        TrainerSnapshot before = lab.awaitSettled();
        assertEquals("Epoch 0", epochText(robot));

        robot.clickOn("#play");
        TrainerSnapshot running = lab.awaitShown(s -> s.playing() && s.epoch() >= 5);
        assertNotEquals("Epoch 0", epochText(robot), "the counter on screen moves");
        assertTrue(running.history().size() > 1, "the loss chart gets points");
        assertNotEquals(before.lab().trainMetrics().loss(), running.lab().trainMetrics().loss(), "the loss moves");

        robot.clickOn("#play");
        TrainerSnapshot paused = lab.awaitShown(s -> !s.playing() && s.commandsApplied() >= 3);
        String pausedText = epochText(robot);
        // Another command makes the trainer publish again: it must show the same epoch.
        robot.clickOn("#edges-gradient");
        window.send(new TrainerCommand.SetBatchSize(7));
        TrainerSnapshot later = lab.awaitShown(s -> s.settings().batchSize() == 7);
        assertEquals(paused.epoch(), later.epoch(), "no training happens after Pause");
        assertEquals(paused.lab().trainMetrics().loss(), later.lab().trainMetrics().loss());
        assertEquals(pausedText, epochText(robot));
        assertEquals("Play", LiveLab.onFx(() -> robot.lookup("#play").queryAs(Button.class).getText()));
    }

    @Test
    void aLearningRateTypedWhileTrainingReachesTheTrainerWithoutAReset(FxRobot robot) {
        robot.clickOn("#play");
        TrainerSnapshot running = lab.awaitShown(s -> s.playing() && s.epoch() >= 20);

        TextField rate = LiveLab.onFx(() -> robot.lookup("#learning-rate").queryAs(ComboBox.class).getEditor());
        robot.interact(rate::clear);
        robot.clickOn(rate).write("0.125").type(KeyCode.ENTER);

        TrainerSnapshot changed = lab.awaitShown(s -> learningRate(s) == 0.125);
        assertTrue(changed.epoch() >= running.epoch(), "the epoch counter was not reset");
        assertTrue(changed.playing(), "training goes on");
        lab.awaitShown(s -> s.epoch() > changed.epoch() + 5);
    }

    @Test
    void typingAWeightInTheEditorChangesThatWeightInTheNetwork(FxRobot robot) {
        NetworkSnapshot before = lab.awaitSettled().lab().network();

        robot.clickOn(lab.edgeOnScreen(1, 0, 2));
        Label heading = robot.lookup(".editor-heading").queryAs(Label.class);
        assertEquals("Weight: hidden 1, neuron 3 → output o₁", heading.getText());
        TextField value = robot.lookup(".parameter-field").queryAs(TextField.class);
        robot.interact(value::clear);
        robot.clickOn(value).write("-1.5").type(KeyCode.ENTER);

        NetworkSnapshot after = lab.awaitShown(s -> s.lab().network().layer(1).weight(0, 2) == -1.5).lab().network();
        assertEquals(before.layer(1).weight(0, 0), after.layer(1).weight(0, 0), "other weights stay");
        assertEquals(before.layer(0), after.layer(0));
    }

    @Test
    void draggingAnEdgeUpRaisesItsWeight(FxRobot robot) {
        double before = lab.awaitSettled().lab().network().layer(0).weight(1, 0);
        Point2D edge = lab.edgeOnScreen(0, 1, 0);

        robot.drag(edge, MouseButton.PRIMARY).moveBy(0, -10).moveBy(0, -40).release(MouseButton.PRIMARY);

        // 50 pixels up at 0.02 per pixel.
        double expected = Math.round((before + 50 * GraphInteraction.DRAG_PER_PIXEL) * 100) / 100.0;
        lab.awaitShown(s -> s.lab().network().layer(0).weight(1, 0) == expected);
    }

    @Test
    void scrollingOverAnEdgeNudgesItsWeight(FxRobot robot) {
        double before = lab.awaitSettled().lab().network().layer(1).weight(0, 1);

        robot.moveTo(lab.edgeOnScreen(1, 0, 1)).scroll(VerticalDirection.UP);

        double expected = Math.round((before + GraphInteraction.SCROLL_STEP) * 1000) / 1000.0;
        lab.awaitShown(s -> s.lab().network().layer(1).weight(0, 1) == expected);
    }

    @Test
    void restingOnAHiddenNeuronShowsItsOwnMapInTheDecisionBoundary(FxRobot robot) throws Exception {
        lab.awaitSettled();
        robot.moveTo(lab.neuronOnScreen(0, 1));

        DecisionBoundaryView boundary = window.layout().boundary();
        TrainerSnapshot shown = lab.shown();
        PlotFrame frame = LiveLab.onFx(boundary::frame);
        // Hidden neuron 2 reads x₂ negatively (weights 0.3, −3.5): low at the top, high at the bottom.
        ColorScale scale = ColorScale.forActivation(shown.lab().network().layer(0).activation(), Palette.STANDARD)
                .tinted(Palette.STANDARD.boundaryTint(), Palette.STANDARD);
        var map = shown.lab().heatmaps().neuron(0, 1);
        Pixels pixels = Pixels.of(boundary);
        // Sampled in the strip along the right edge, where the XOR generator puts no points, below the caption.
        for (double fraction : new double[] {0.3, 0.85}) {
            int row = (int) (fraction * map.rows());
            int col = (int) (0.98 * map.cols());
            Point2D at = new Point2D(frame.left() + 0.98 * frame.side(), frame.top() + fraction * frame.side());
            Pixels.assertColor(scale.color(map.get(row, col)), pixels.at(at), "neuron map at " + fraction);
        }
        assertNotEquals(pixels.at(frame.left() + 0.98 * frame.side(), frame.top() + 0.3 * frame.side()),
                pixels.at(frame.left() + 0.98 * frame.side(), frame.top() + 0.85 * frame.side()));
    }

    @Test
    void restingOnAnEdgeShowsItsValueAndFollowsTraining(FxRobot robot) {
        lab.awaitSettled();
        robot.moveTo(lab.edgeOnScreen(1, 0, 0));
        String resting = LiveLab.onFx(() -> window.interaction().readoutText());
        double weight = lab.shown().lab().network().layer(1).weight(0, 0);
        assertTrue(resting.startsWith("Weight: hidden 1, neuron 1 → output o₁"), resting);
        assertTrue(resting.contains("w = " + new NumberText(Locale.ROOT).fixed(weight, 4)), resting);

        // Sent from here: a click on the toolbar would take the pointer off the edge.
        window.send(new TrainerCommand.StepEpoch());
        lab.awaitShown(s -> s.epoch() == 1);
        String afterStep = LiveLab.onFx(() -> window.interaction().readoutText());
        assertNotEquals(resting, afterStep, "the readout follows the weight as it trains");
        assertTrue(afterStep.contains("∂L/∂w = "), "after a step the readout also gives the gradient: " + afterStep);
    }

    @Test
    void restingOnTheChartGivesTheExactValuesOfTheNearestEpoch(FxRobot robot) {
        for (int i = 0; i < 4; i++) {
            robot.clickOn("#step-epoch");
        }
        TrainerSnapshot trained = lab.awaitShown(s -> s.epoch() == 4 && s.history().size() == 5);

        LossChart chart = robot.lookup(".loss-chart").queryAs(LossChart.class);
        robot.moveTo(chart);

        var marked = LiveLab.onFx(chart::marked);
        assertTrue(trained.history().contains(marked), "the mark sits on a recorded epoch: " + marked);
        assertTrue(marked.epoch() >= 1 && marked.epoch() <= 3, "the middle of the chart is the middle epochs: " + marked);
    }

    @Test
    void addingALayerRedrawsTheGraphWithItWhileTrainingContinues(FxRobot robot) {
        robot.clickOn("#play");
        lab.awaitShown(s -> s.playing() && s.epoch() >= 5);

        robot.clickOn("#add-layer");

        TrainerSnapshot grown = lab.awaitShown(s -> s.lab().network().layerCount() == 3);
        assertEquals(List.of(2, 3, 3, 1), grown.lab().network().shape());
        assertTrue(grown.playing());
        assertEquals(4, (int) LiveLab.onFx(() -> window.layout().graph().geometry().columns()), "the graph was redrawn with the layer");
        lab.awaitShown(s -> s.epoch() > grown.epoch() + 5);
    }

    @Test
    void aDivergenceIsExplainedAndTheSuggestedRateIsOneClickAway(FxRobot robot) {
        TextField rate = LiveLab.onFx(() -> robot.lookup("#learning-rate").queryAs(ComboBox.class).getEditor());
        robot.interact(rate::clear);
        robot.clickOn(rate).write("1000000").type(KeyCode.ENTER);
        robot.clickOn("#play");

        TrainerSnapshot paused = lab.awaitShown(s -> !s.playing() && learningRate(s) == 1_000_000);
        // The weights on show are the last healthy ones, not the NaNs the runaway step made.
        for (var layer : paused.lab().network().layers()) {
            assertTrue(layer.weights().maxAbs() < 1e6 && layer.biases().maxAbs() < 1e6, layer.toString());
        }
        Label message = robot.lookup(".notification-bar .label").queryAs(Label.class);
        assertTrue(message.getText().startsWith("Training diverged at epoch"), message.getText());
        assertTrue(message.getText().contains("try a smaller one, such as 10"), message.getText());

        // The bar slides in: click its button once it is there.
        lab.awaitVisible(robot, "Use η = 10");
        robot.clickOn("Use η = 10");
        lab.awaitShown(s -> learningRate(s) == 10);
    }

    @Test
    void aRefusedCommandIsExplained(FxRobot robot) {
        window.send(new TrainerCommand.RemoveLayer(0));
        window.send(new TrainerCommand.RemoveLayer(0));

        lab.awaitSettled();
        Label message = robot.lookup(".notification-bar .label").queryAs(Label.class);
        assertTrue(message.getText().startsWith("Could not remove the layer: "), message.getText());
    }
}
