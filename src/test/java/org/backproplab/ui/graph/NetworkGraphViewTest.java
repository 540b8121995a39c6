package org.backproplab.ui.graph;

import static org.backproplab.ui.testing.Pixels.assertColor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.Label;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.backproplab.fixtures.TestLessons;
import org.backproplab.lesson.Experiment;
import org.backproplab.trace.Matrix;
import org.backproplab.training.Heatmaps;
import org.backproplab.training.LabSnapshot;
import org.backproplab.ui.common.ColorScale;
import org.backproplab.ui.common.Messages;
import org.backproplab.ui.common.Palette;
import org.backproplab.ui.shell.LabWindow;
import org.backproplab.ui.testing.Pixels;
import org.backproplab.ui.view.LabLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class NetworkGraphViewTest {

    private static final Palette PALETTE = Palette.STANDARD;

    private Stage stage;
    private LabLayout view;
    private Experiment experiment;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        experiment = Experiment.of(TestLessons.xor());
        view = LabWindow.open(stage, experiment.lesson(), Messages.forLocale(Locale.ROOT)).layout();
        // Wide enough that the graph keeps its size next to the settings panel: the dash test needs long edges.
        stage.setWidth(1600);
    }

    @Test
    void windowOpensOnTheLessonWithItsTitleAndStatus(FxRobot robot) {
        assertEquals("Backprop Lab — XOR fixture", stage.getTitle());
        assertEquals("XOR fixture", robot.lookup(".lesson-title").queryAs(Label.class).getText());
        assertEquals("Epoch 0", robot.lookup(".status-epoch").queryAs(Label.class).getText());
    }

    @Test
    void everyNodeIsOutlinedAndShowsItsOwnHeatmap() throws Exception {
        Pixels pixels = Pixels.of(view.graph());
        GraphGeometry geometry = view.graph().geometry();
        Heatmaps heatmaps = LabSnapshot.capture(experiment, LabWindow.HEATMAP_RESOLUTION).heatmaps();
        assertEquals(List.of(2, 3, 1), List.of(geometry.size(0), geometry.size(1), geometry.size(2)));

        for (int column = 0; column < geometry.columns(); column++) {
            for (int index = 0; index < geometry.size(column); index++) {
                String node = "node " + index + " of column " + column;
                Rectangle2D box = geometry.nodeBounds(column, index);
                assertColor(PALETTE.outline(), pixels.at(box.getMinX(), box.getMinY() + box.getHeight() / 2),
                        node + " outline");
                Matrix map = column == 0 ? heatmaps.input(index) : heatmaps.neuron(column - 1, index);
                ColorScale scale = column == 0 ? ColorScale.symmetric(map.maxAbs(), PALETTE)
                        : ColorScale.forActivation(experiment.learner().network().layer(column - 1).activation(), PALETTE);
                // Four points well inside the node, one per quadrant: a flipped or missing map fails at least one.
                for (double fx : new double[] {0.25, 0.75}) {
                    for (double fy : new double[] {0.25, 0.75}) {
                        int cell = (int) (fx * map.cols());
                        int row = (int) (fy * map.rows());
                        Color expected = scale.color(map.get(row, cell));
                        assertColor(expected, pixels.at(box.getMinX() + fx * box.getWidth(),
                                box.getMinY() + fy * box.getHeight()), node + " at (" + fx + ", " + fy + ")");
                    }
                }
            }
        }
    }

    @Test
    void positiveWeightIsASolidBlueLine() throws Exception {
        // Hidden neuron 0 → output has weight +3.
        List<Color> along = alongEdge(0);
        along.forEach(color -> assertColor(PALETTE.positive(), color, "solid positive edge"));
    }

    @Test
    void negativeWeightIsADashedOrangeLine() throws Exception {
        // Hidden neuron 1 → output has weight −4.
        List<Color> along = alongEdge(1);
        int dashes = 0;
        int gaps = 0;
        int dashPixels = 0;
        int gapPixels = 0;
        Boolean inDash = null;
        for (Color color : along) {
            // Pixels at the ends of a dash are blends of both colours; only clear ones count.
            boolean dash = Pixels.close(PALETTE.negative(), color);
            boolean gap = Pixels.close(PALETTE.surface(), color);
            dashPixels += dash ? 1 : 0;
            gapPixels += gap ? 1 : 0;
            if ((dash || gap) && !Boolean.valueOf(dash).equals(inDash)) {
                dashes += dash ? 1 : 0;
                gaps += gap ? 1 : 0;
                inDash = dash;
            }
        }
        assertTrue(dashes >= 3 && gaps >= 3, "expected alternating dashes and gaps, found " + dashes + " dashes and "
                + gaps + " gaps");
        assertTrue(dashPixels + gapPixels >= 0.8 * along.size(), "a negative edge shows its colour and the background");
    }

    @Test
    void thickerEdgeForLargerWeightUpToALimitThatFollowsNodeSize() {
        assertTrue(NetworkGraphView.edgeWidth(-4, 80) > NetworkGraphView.edgeWidth(0.8, 80));
        assertEquals(NetworkGraphView.edgeWidth(3, 80), NetworkGraphView.edgeWidth(-3, 80));
        assertEquals(NetworkGraphView.THICKEST_EDGE, NetworkGraphView.edgeWidth(1000, 80));
        assertTrue(NetworkGraphView.edgeWidth(1000, 20) < NetworkGraphView.THICKEST_EDGE);
    }

    /** Pixels along the edge from hidden neuron {@code from} to the output, leaving out both ends where edges meet. */
    private List<Color> alongEdge(int from) throws Exception {
        Pixels pixels = Pixels.of(view.graph());
        GraphGeometry geometry = view.graph().geometry();
        Point2D start = geometry.edgeStart(1, from);
        Point2D end = geometry.edgeEnd(2, 0);
        List<Color> colors = new ArrayList<>();
        for (double t = 0.1; t <= 0.7; t += 0.005) {
            colors.add(pixels.at(start.interpolate(end, t)));
        }
        return colors;
    }
}
