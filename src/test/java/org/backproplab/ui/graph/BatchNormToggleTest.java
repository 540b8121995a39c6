package org.backproplab.ui.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.backproplab.engine.Refusal;
import org.backproplab.fixtures.TestLessons;
import org.backproplab.trace.Matrix;
import org.backproplab.training.NetworkSnapshot;
import org.backproplab.training.Notice;
import org.backproplab.training.TrainerCommand;
import org.backproplab.training.TrainerSnapshot;
import org.backproplab.ui.common.Messages;
import org.backproplab.ui.shell.LabWindow;
import org.backproplab.ui.testing.LiveLab;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

/** The layer strip's BN button switches a hidden layer's batch normalisation live, undoably, within the rules. */
@ExtendWith(ApplicationExtension.class)
class BatchNormToggleTest {

    private LabWindow window;
    private LiveLab lab;

    @Start
    void start(Stage stage) {
        window = LabWindow.open(stage, TestLessons.xor(), Messages.forLocale(Locale.ROOT));
        stage.setX(0);
        lab = new LiveLab(window);
    }

    @Stop
    void stop() {
        window.close();
    }

    private ToggleButton toggle(FxRobot robot) {
        return LiveLab.onFx(() -> robot.lookup("#batch-norm-0").queryAs(ToggleButton.class));
    }

    /** Each layer's W and b: what switching normalisation keeps (it adds γ, β and running averages beside them). */
    private static List<List<Matrix>> weightsAndBiases(NetworkSnapshot network) {
        return network.layers().stream().map(layer -> List.of(layer.weights(), layer.biases())).toList();
    }

    @Test
    void theButtonSwitchesTheHiddenLayerKeepingItsWeightsAndUndoTakesItBack(FxRobot robot) {
        NetworkSnapshot before = lab.awaitSettled().lab().network();
        assertFalse(LiveLab.onFx(() -> toggle(robot).isSelected()));

        robot.clickOn("#batch-norm-0");

        TrainerSnapshot normalised = lab.awaitShown(s -> s.settings().layers().getFirst().batchNorm());
        assertEquals(weightsAndBiases(before), weightsAndBiases(normalised.lab().network()), "the weights stay");
        assertTrue(LiveLab.onFx(() -> toggle(robot).isSelected()));
        Spinner<?> batchSize = LiveLab.onFx(() -> robot.lookup("#batch-size").queryAs(Spinner.class));
        assertEquals(2, LiveLab.onFx(() -> ((SpinnerValueFactory.IntegerSpinnerValueFactory) batchSize.getValueFactory()).getMin()),
                "the batch-size control offers no batch of one");

        robot.clickOn("#step-batch");
        TrainerSnapshot stepped = lab.awaitShown(s -> s.trace().isPresent());
        assertTrue(stepped.trace().orElseThrow().layers().getFirst().batchNorm().isPresent(), "the step normalised layer 1");

        robot.push(KeyCode.SHORTCUT, KeyCode.Z);
        TrainerSnapshot undone = lab.awaitShown(s -> !s.settings().layers().getFirst().batchNorm());
        assertEquals(before, undone.lab().network());
        assertFalse(LiveLab.onFx(() -> toggle(robot).isSelected()));
    }

    @Test
    void withMiniBatchesOfOneTheButtonIsRefusedAndSaysWhy(FxRobot robot) {
        robot.interact(() -> window.send(new TrainerCommand.SetBatchSize(1)));
        lab.awaitShown(s -> s.settings().batchSize() == 1);

        robot.clickOn("#batch-norm-0");

        TrainerSnapshot refused = lab.awaitShown(s -> s.notice().isPresent());
        Notice.Rejected rejected = (Notice.Rejected) refused.notice().orElseThrow();
        assertTrue(rejected.rule().orElseThrow() instanceof Refusal.BatchNormNeedsBatches, rejected.toString());
        assertFalse(refused.settings().layers().getFirst().batchNorm());
        assertFalse(LiveLab.onFx(() -> toggle(robot).isSelected()), "the button shows the network as it is");
    }
}
