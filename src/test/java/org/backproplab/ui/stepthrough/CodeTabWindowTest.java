package org.backproplab.ui.stepthrough;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import javafx.scene.Node;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.backproplab.engine.Regularization;
import org.backproplab.lesson.CodeListing;
import org.backproplab.lesson.NumpyStep;
import org.backproplab.lesson.StepVariables;
import org.backproplab.trace.Granularity;
import org.backproplab.trace.LayerTrace;
import org.backproplab.trace.Matrix;
import org.backproplab.trace.StepTrace;
import org.backproplab.trace.SubStep;
import org.backproplab.training.TrainerCommand;
import org.backproplab.training.TrainerSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.backproplab.ui.testing.LiveLab;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Code tab follows a whole pass of Mazur's network in the real window: at every sub-step the
 * lit lines are the NumPy that computes it (written out here by hand, as a student would expect
 * them), Back moves the light back, and the values pane holds the trace's numbers under the code's
 * names, compared with a trace this test makes itself.
 */
@ExtendWith(ApplicationExtension.class)
class CodeTabWindowTest {

    private MazurWindow mazur;
    private StepThroughMode mode;
    private StepTrace expected;

    @Start
    void start(Stage stage) throws Exception {
        mazur = MazurWindow.open(stage);
        mode = mazur.mode();
        expected = mazur.expected();
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return LiveLab.onFx(read);
    }

    private void press(FxRobot robot, String button) throws Exception {
        robot.clickOn(button);
        mazur.settle();
    }

    /** The code of the lines drawn lit, without their line numbers: what the class sees highlighted. */
    private List<String> litCode(FxRobot robot) throws Exception {
        return onFx(() -> {
            List<String> lines = new ArrayList<>();
            for (Node line : robot.lookup(".code-line-current").queryAll()) {
                StringBuilder text = new StringBuilder();
                for (Node piece : ((TextFlow) line).getChildren()) {
                    if (!piece.getStyleClass().contains("code-gutter")) {
                        text.append(((Text) piece).getText());
                    }
                }
                lines.add(text.toString());
            }
            return lines;
        });
    }

    /** The NumPy each part of Mazur's pass runs (its biases are fixed, so no line updates them). */
    private static List<String> code(SubStep step) {
        return switch (step) {
            case SubStep.ForwardNeuron(int layer, int neuron) when layer == 0 -> List.of("z1 = W1 @ X + b1", "a1 = sigmoid(z1)");
            case SubStep.ForwardNeuron _ -> List.of("z2 = W2 @ a1 + b2", "a2 = sigmoid(z2)");
            case SubStep.ComputeLoss _ -> List.of("loss = np.mean(np.sum(0.5 * (y - a2) ** 2, axis=0))");
            case SubStep.BackwardNeuron(int layer, int neuron) when layer == 1 -> List.of("delta2 = (a2 - y) * a2 * (1 - a2)");
            case SubStep.BackwardNeuron _ -> List.of("delta1 = (W2.T @ delta2) * a1 * (1 - a1)");
            case SubStep.GradientsNeuron(int layer, int neuron) -> List.of("dW" + (layer + 1) + " = delta" + (layer + 1)
                    + " @ " + (layer == 0 ? "X" : "a1") + ".T / m", "db" + (layer + 1) + " = np.mean(delta" + (layer + 1)
                    + ", axis=1, keepdims=True)");
            case SubStep.UpdateNeuron(int layer, int neuron) -> List.of("W" + (layer + 1) + " -= learning_rate * dW" + (layer + 1));
            default -> throw new AssertionError("a neuron-by-neuron pass has no " + step);
        };
    }

    /** What the lines of {@code step} read and write, from the test's own trace, in the code's names. */
    private Map<String, Matrix> values(SubStep step) {
        Map<String, Matrix> values = new LinkedHashMap<>();
        LayerTrace hidden = expected.layers().get(0);
        LayerTrace output = expected.layers().get(1);
        switch (step) {
            case SubStep.ForwardNeuron(int layer, int neuron) when layer == 0 -> {
                values.put("W1", hidden.weightsBefore());
                values.put("b1", hidden.biasesBefore());
                values.put("X", expected.inputs());
                values.put("z1", hidden.z());
                values.put("a1", hidden.a());
            }
            case SubStep.ForwardNeuron _ -> {
                values.put("W2", output.weightsBefore());
                values.put("b2", output.biasesBefore());
                values.put("a1", hidden.a());
                values.put("z2", output.z());
                values.put("a2", output.a());
            }
            case SubStep.ComputeLoss _ -> {
                values.put("a2", output.a());
                values.put("y", expected.targets());
                values.put("loss", Matrix.column(expected.loss()));
            }
            case SubStep.BackwardNeuron(int layer, int neuron) when layer == 1 -> {
                values.put("a2", output.a());
                values.put("y", expected.targets());
                values.put("delta2", output.delta());
            }
            case SubStep.BackwardNeuron _ -> {
                values.put("W2", output.weightsBefore());
                values.put("delta2", output.delta());
                values.put("z1", hidden.z());
                values.put("a1", hidden.a());
                values.put("delta1", hidden.delta());
            }
            case SubStep.GradientsNeuron(int layer, int neuron) -> {
                LayerTrace it = expected.layers().get(layer);
                values.put("delta" + (layer + 1), it.delta());
                values.put(layer == 0 ? "X" : "a1", layer == 0 ? expected.inputs() : hidden.a());
                values.put("dW" + (layer + 1), it.weightGradient());
                values.put("db" + (layer + 1), it.biasGradient());
            }
            case SubStep.UpdateNeuron(int layer, int neuron) -> {
                LayerTrace it = expected.layers().get(layer);
                values.put("dW" + (layer + 1), it.weightGradient());
                values.put("db" + (layer + 1), it.biasGradient());
                values.put("W" + (layer + 1), it.weightsAfter());
            }
            default -> throw new AssertionError("a neuron-by-neuron pass has no " + step);
        }
        return values;
    }

    private Map<String, Matrix> shownValues() throws Exception {
        return onFx(() -> {
            Map<String, Matrix> shown = new LinkedHashMap<>();
            for (StepVariables.Variable variable : mode.panel().code.shownVariables()) {
                shown.put(variable.name(), variable.value());
            }
            return shown;
        });
    }

    @Test
    void theLitLinesAndTheirValuesFollowEverySubStepOfAPassAndGoBackWithBack(FxRobot robot) throws Exception {
        robot.clickOn(".step-toggle");
        robot.interact(() -> mode.animation().setSpeed(50));
        robot.clickOn("Code");
        assertEquals(List.of(), litCode(robot), "before the first sub-step no line is lit");

        List<SubStep> subSteps = expected.subSteps(Granularity.NEURON);
        for (SubStep step : subSteps) {
            press(robot, ".step-next");
            assertEquals(step, onFx(() -> mode.model().frame().orElseThrow().subStep().orElseThrow()));
            assertEquals(code(step), litCode(robot), step.toString());
            assertEquals(values(step), shownValues(), step.toString());
            int entries = onFx(() -> robot.lookup(".code-variable").queryAll().size());
            assertEquals(values(step).size(), entries, "the pane lists each value once");
        }

        press(robot, ".step-back");
        assertEquals(code(subSteps.get(subSteps.size() - 2)), litCode(robot), "Back lights the sub-step before");
        assertEquals(values(subSteps.get(subSteps.size() - 2)), shownValues());
    }

    @Test
    void aSettingChangedAfterThePassLeavesTheCodeOfThePassAsItWasRecorded(FxRobot robot) throws Exception {
        robot.clickOn(".step-toggle");
        robot.interact(() -> mode.animation().setSpeed(50));
        robot.clickOn("Code");
        press(robot, ".step-next");
        String recorded = onFx(() -> mode.panel().code.text());

        // The teacher changes the lesson while the pass is still on show.
        mazur.window().send(new TrainerCommand.SetLearningRate(0.1));
        mazur.window().send(new TrainerCommand.SetRegularization(new Regularization(Regularization.Kind.L2, 0.01)));
        TrainerSnapshot changed = new LiveLab(mazur.window())
                .awaitShown(shown -> shown.settings().hyperparameters().regularization().rate() == 0.01);
        assertNotEquals(recorded, CodeListing.of(NumpyStep.of(changed.settings())).text(), "the penalty is in the new code");
        press(robot, ".step-next");
        press(robot, ".step-back");

        assertEquals(recorded, onFx(() -> mode.panel().code.text()), "the code the pass's values came from");
        assertEquals(List.of("z1 = W1 @ X + b1", "a1 = sigmoid(z1)"), litCode(robot));
        assertEquals(values(expected.subSteps(Granularity.NEURON).getFirst()), shownValues());
    }

    @Test
    void theCopyButtonPutsTheWholeStepOnTheClipboard(FxRobot robot) throws Exception {
        robot.clickOn(".step-toggle");
        robot.clickOn("Code");
        robot.clickOn(".code-copy");

        String copied = onFx(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString());
        assertTrue(copied.contains("z1 = W1 @ X + b1\na1 = sigmoid(z1)\n"), copied);
        assertTrue(copied.contains("W2 -= learning_rate * dW2"), copied);
    }
}
