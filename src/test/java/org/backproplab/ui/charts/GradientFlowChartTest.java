package org.backproplab.ui.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.scene.control.Label;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.backproplab.engine.GradientSizes;
import org.backproplab.engine.Metrics;
import org.backproplab.lesson.LessonCatalog;
import org.backproplab.training.HistoryPoint;
import org.backproplab.training.TrainerCommand;
import org.backproplab.training.TrainerSnapshot;
import org.backproplab.ui.common.Messages;
import org.backproplab.ui.common.NumberText;
import org.backproplab.ui.common.Palette;
import org.backproplab.ui.shell.LabWindow;
import org.backproplab.ui.testing.LiveLab;
import org.backproplab.ui.testing.Pixels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

/** The chart card switched to the gradient flow, on the lesson about vanishing gradients. */
@ExtendWith(ApplicationExtension.class)
class GradientFlowChartTest {

    private static final int EPOCHS = 6;

    private LabWindow window;
    private LiveLab lab;

    @Start
    void start(Stage stage) throws Exception {
        window = LabWindow.open(stage, LessonCatalog.load("vanishing-gradients"), Messages.forLocale(Locale.ROOT));
        lab = new LiveLab(window);
    }

    @Stop
    void stop() {
        window.close();
    }

    private TrainerSnapshot trainedAndSwitched(FxRobot robot) {
        for (int i = 0; i < EPOCHS; i++) {
            window.send(new TrainerCommand.StepEpoch());
        }
        TrainerSnapshot trained = lab.awaitShown(s -> s.epoch() == EPOCHS && s.history().size() == EPOCHS + 1);
        robot.clickOn("#chart-gradient-flow");
        return trained;
    }

    private GradientFlowChart flow(FxRobot robot) {
        return robot.lookup(".gradient-flow-chart").queryAs(GradientFlowChart.class);
    }

    @Test
    void theSwitchShowsOneLinePerLayerStackedWithTheFirstLayerLowest(FxRobot robot) throws Exception {
        trainedAndSwitched(robot);
        GradientFlowChart flow = flow(robot);

        assertTrue(LiveLab.onFx(flow::isVisible));
        assertFalse(LiveLab.onFx(() -> robot.lookup(".loss-chart").query().isVisible()));
        assertTrue(LiveLab.onFx(() -> robot.lookup(".card-title").queryAllAs(Label.class).stream()
                .anyMatch(title -> title.getText().equals("Gradient flow"))), "the card is titled for the chart");
        assertEquals(6, (int) LiveLab.onFx(flow::layerCount));

        // Each layer's colour is on the canvas, and the lines lie in layer order, the first at the bottom.
        Pixels pixels = Pixels.of(flow);
        double width = LiveLab.onFx(flow::getWidth);
        double height = LiveLab.onFx(flow::getHeight);
        List<Double> heights = new ArrayList<>();
        for (int l = 0; l < 6; l++) {
            Color color = Palette.STANDARD.layerColor(l, 6);
            double sum = 0;
            int count = 0;
            for (int x = 0; x < width; x++) {
                for (int y = 0; y < height; y++) {
                    if (Pixels.distance(color, pixels.at(x, y)) < 0.03) {
                        sum += y;
                        count++;
                    }
                }
            }
            assertTrue(count > 50, "layer " + (l + 1) + "'s line is drawn: " + count + " pixels of its colour");
            heights.add(sum / count);
        }
        for (int l = 0; l < 5; l++) {
            assertTrue(heights.get(l) > heights.get(l + 1), "layer " + (l + 1) + " is drawn below layer " + (l + 2)
                    + " (mean pixel rows " + heights + ")");
        }
    }

    @Test
    void theLogAxisIsLabelledInDecades(FxRobot robot) {
        trainedAndSwitched(robot);
        GradientFlowChart flow = flow(robot);

        List<String> labels = LiveLab.onFx(() -> flow.yScale(flow.plotted(flow.history()), 200).ticks().stream()
                .map(EpochChart.Tick::label).toList());

        assertEquals(List.of("10⁻⁶", "10⁻⁵", "10⁻⁴", "10⁻³", "10⁻²", "10⁻¹", "10⁰", "10¹", "10²"), labels);
    }

    @Test
    void restingOnTheChartGivesEveryLayersSizeAtTheNearestEpochInEitherMeasure(FxRobot robot) {
        TrainerSnapshot trained = trainedAndSwitched(robot);
        GradientFlowChart flow = flow(robot);
        NumberText numbers = new NumberText(Locale.ROOT);

        robot.moveTo(flow);
        HistoryPoint marked = LiveLab.onFx(flow::marked);
        assertNotNull(marked, "the pointer marks an epoch");
        assertTrue(trained.history().contains(marked), "the mark sits on a recorded epoch: " + marked.epoch());
        GradientSizes sizes = marked.gradients().orElseThrow();
        List<String> readout = LiveLab.onFx(() -> flow.readout(marked));
        assertEquals("Epoch " + marked.epoch(), readout.getFirst());
        assertEquals("H1: " + numbers.compact(sizes.meanAbsDeltas().getFirst()), readout.get(1));
        assertEquals("Out: " + numbers.compact(sizes.meanAbsDeltas().getLast()), readout.getLast());

        robot.clickOn("‖∂L/∂W‖");
        assertEquals(GradientFlowChart.Measure.WEIGHT_GRADIENT, LiveLab.onFx(flow::measure));
        assertEquals("H1: " + numbers.compact(sizes.weightGradientNorms().getFirst()),
                LiveLab.onFx(() -> flow.readout(marked)).get(1));

        robot.clickOn("Loss");
        assertFalse(LiveLab.onFx(flow::isVisible), "Loss switches back to the loss curve");
    }

    @Test
    void zerosAndMissingSizesNeitherBreakTheScaleNorPassUnmentioned(FxRobot robot) {
        GradientFlowChart flow = LiveLab.onFx(() -> new GradientFlowChart(Palette.STANDARD, Messages.forLocale(Locale.ROOT)));
        Metrics metrics = new Metrics(0.5, 0.5);
        List<HistoryPoint> history = List.of(
                new HistoryPoint(0, metrics, metrics, 0.1, Optional.empty()),
                new HistoryPoint(1, metrics, metrics, 0.1, Optional.of(new GradientSizes(List.of(1e-3, 0.5), List.of(0.0, 0.1)))),
                new HistoryPoint(2, metrics, metrics, 0.1, Optional.of(new GradientSizes(List.of(Double.NaN, 0.5), List.of(1e-30, 0.1)))));

        List<HistoryPoint> plotted = LiveLab.onFx(() -> flow.plotted(history));
        EpochChart.YScale scale = LiveLab.onFx(() -> flow.yScale(plotted, 200));
        List<EpochChart.Curve> curves = LiveLab.onFx(() -> flow.curves(plotted, scale));

        assertEquals(history.subList(1, 3), plotted, "a point without sizes (before a layer was added) starts no line");
        assertEquals(-12, scale.min(), "a tiny size widens the scale down to 10⁻¹², no further");
        assertEquals(2, scale.max());
        assertEquals(-12, curves.getFirst().value().applyAsDouble(history.get(1)), "zero is drawn on the bottom edge");
        assertEquals(-12, curves.getFirst().value().applyAsDouble(history.get(2)), "and so is 10⁻³⁰");
        assertEquals("Zeros and sizes off the scale are drawn at its edge", LiveLab.onFx(() -> flow.note(plotted, scale)));

        LiveLab.onFx(() -> {
            flow.setMeasure(GradientFlowChart.Measure.WEIGHT_GRADIENT);
            return null;
        });
        assertTrue(Double.isNaN(LiveLab.onFx(() -> flow.curves(plotted, scale)).getFirst().value().applyAsDouble(history.get(2))),
                "a missing size leaves a gap");
    }
}
