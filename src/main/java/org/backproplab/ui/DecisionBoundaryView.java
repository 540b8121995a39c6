package org.backproplab.ui;

import java.util.List;
import java.util.OptionalInt;
import java.util.function.IntConsumer;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontPosture;
import javafx.scene.text.TextAlignment;
import org.backproplab.data.DataPoint;
import org.backproplab.training.Heatmaps;
import org.backproplab.training.LabSnapshot;

/**
 * The input plane coloured by what the network outputs there, with the data on top: where the
 * colour turns from orange to blue is the decision boundary. Training points are filled, test points
 * hollow, both outlined so they stand out on either colour.
 *
 * <p>With one output the background is that output on its activation's scale; with one output per
 * class, each place takes the colour of the winning class. For regression the background is the
 * first output and each point is coloured by its target on the same scale, so a point that stands
 * out from its surroundings is one the network gets wrong.
 */
public final class DecisionBoundaryView extends CanvasView {

    private static final String FONT = "System";
    private static final int TICKS = 6;
    private static final int FEW_POINTS = 40;

    private final Palette palette;
    private final NumberText numbers;
    private LabSnapshot snapshot;
    private Image background;
    private ColorScale outputScale;
    private PlotFrame frame;
    private IntConsumer onTrainPointPicked;
    private int highlighted = -1;

    public DecisionBoundaryView(Palette palette, Messages messages) {
        this.palette = palette;
        this.numbers = new NumberText(messages.locale());
        getStyleClass().add("decision-boundary");
        addEventHandler(MouseEvent.MOUSE_CLICKED, event -> {
            if (onTrainPointPicked != null && frame != null) {
                trainPointAt(event.getX(), event.getY()).ifPresent(onTrainPointPicked::accept);
            }
        });
    }

    /** Calls {@code picked} with the index of each training point clicked; null stops it. */
    public void setOnTrainPointPicked(IntConsumer picked) {
        this.onTrainPointPicked = picked;
    }

    /** Rings one training point (the sample a step-through follows); −1 for none. */
    public void highlightTrainPoint(int index) {
        if (index != highlighted) {
            highlighted = index;
            redraw();
        }
    }

    public int highlightedTrainPoint() {
        return highlighted;
    }

    /** The training point drawn under a pixel, the nearest if several overlap. */
    OptionalInt trainPointAt(double x, double y) {
        double reach = pointRadius() + 3;
        int nearest = -1;
        double best = reach;
        List<DataPoint> points = snapshot.trainPoints();
        for (int i = 0; i < points.size(); i++) {
            double distance = frame.pixel(points.get(i).x1(), points.get(i).x2()).distance(x, y);
            if (distance <= best) {
                best = distance;
                nearest = i;
            }
        }
        return nearest < 0 ? OptionalInt.empty() : OptionalInt.of(nearest);
    }

    public void show(LabSnapshot snapshot) {
        this.snapshot = snapshot;
        this.outputScale = ColorScale.forActivation(snapshot.network().outputLayer().activation(), palette);
        this.background = background(snapshot.heatmaps());
        redraw();
    }

    /** Where the last drawing put the plot; null before anything was drawn. */
    public PlotFrame frame() {
        return frame;
    }

    /** The colour a point is filled with: its class colour, or for regression its (first) target's. */
    public Color pointColor(DataPoint point) {
        if (snapshot.classes() > 0) {
            return palette.classColor(point.classIndex());
        }
        return outputScale.color(point.hasExplicitTargets() ? point.targets().getFirst() : point.label());
    }

    private Image background(Heatmaps heatmaps) {
        if (snapshot.classes() > 0 && heatmaps.outputCount() > 1) {
            return HeatmapImage.ofWinners(heatmaps.layers().getLast(), palette);
        }
        return HeatmapImage.of(heatmaps.output(0), outputScale.tinted(palette.boundaryTint(), palette));
    }

    @Override
    void draw(GraphicsContext gc, double width, double height) {
        gc.setFill(palette.surface());
        gc.fillRect(0, 0, width, height);
        if (snapshot == null) {
            return;
        }
        frame = PlotFrame.of(snapshot.domain(), width, height);
        gc.setImageSmoothing(true);
        gc.drawImage(background, frame.left(), frame.top(), frame.side(), frame.side());
        AxisTicks ticks = AxisTicks.of(snapshot.domain().min(), snapshot.domain().max(), TICKS);
        drawGrid(gc, ticks);
        drawPoints(gc, snapshot.trainPoints(), true);
        drawPoints(gc, snapshot.testPoints(), false);
        drawHighlight(gc);
        drawAxes(gc, ticks);
    }

    /** A dark ring inside a white one around the highlighted point: visible on either class colour. */
    private void drawHighlight(GraphicsContext gc) {
        if (highlighted < 0 || highlighted >= snapshot.trainPoints().size()) {
            return;
        }
        DataPoint point = snapshot.trainPoints().get(highlighted);
        double x = frame.x(point.x1());
        double y = frame.y(point.x2());
        double r = pointRadius() + 6;
        gc.setStroke(palette.surface());
        gc.setLineWidth(6);
        gc.strokeOval(x - r, y - r, 2 * r, 2 * r);
        gc.setStroke(palette.text());
        gc.setLineWidth(3);
        gc.strokeOval(x - r, y - r, 2 * r, 2 * r);
    }

    private void drawGrid(GraphicsContext gc, AxisTicks ticks) {
        gc.setStroke(palette.grid());
        gc.setLineWidth(1);
        for (double tick : ticks.values()) {
            double x = Math.floor(frame.x(tick)) + 0.5;
            double y = Math.floor(frame.y(tick)) + 0.5;
            gc.strokeLine(x, frame.top(), x, frame.bottom());
            gc.strokeLine(frame.left(), y, frame.right(), y);
        }
    }

    private void drawPoints(GraphicsContext gc, List<DataPoint> points, boolean filled) {
        double radius = pointRadius();
        for (DataPoint point : points) {
            double x = frame.x(point.x1());
            double y = frame.y(point.x2());
            Color color = pointColor(point);
            if (filled) {
                gc.setFill(color);
                gc.fillOval(x - radius, y - radius, 2 * radius, 2 * radius);
                gc.setStroke(palette.outline());
                gc.setLineWidth(1.2);
                gc.strokeOval(x - radius, y - radius, 2 * radius, 2 * radius);
            } else {
                // A thick ring in the class colour between two thin outlines: hollow, yet visible on any background.
                double ring = Math.max(2.2, radius * 0.45);
                gc.setStroke(palette.outline());
                gc.setLineWidth(ring + 2);
                gc.strokeOval(x - radius, y - radius, 2 * radius, 2 * radius);
                gc.setStroke(color);
                gc.setLineWidth(ring);
                gc.strokeOval(x - radius, y - radius, 2 * radius, 2 * radius);
            }
        }
    }

    /**
     * Large enough to see from the back of a classroom, small enough that hundreds of points do not
     * hide the colours; a hand-made set of a few points (XOR's four) gets big markers.
     */
    double pointRadius() {
        int count = snapshot.trainPoints().size() + snapshot.testPoints().size();
        return count <= FEW_POINTS ? Math.clamp(frame.side() / 40, 6, 12) : Math.clamp(frame.side() / 95, 3.5, 7);
    }

    private void drawAxes(GraphicsContext gc, AxisTicks ticks) {
        gc.setStroke(palette.outline());
        gc.setLineWidth(1.5);
        gc.strokeRect(frame.left(), frame.top(), frame.side(), frame.side());
        gc.setFill(palette.mutedText());
        gc.setFont(Font.font(FONT, 13));
        gc.setLineWidth(1.5);
        for (double tick : ticks.values()) {
            String label = numbers.tick(tick, ticks.step());
            double x = frame.x(tick);
            double y = frame.y(tick);
            gc.strokeLine(x, frame.bottom(), x, frame.bottom() + 5);
            gc.strokeLine(frame.left() - 5, y, frame.left(), y);
            gc.setTextAlign(TextAlignment.CENTER);
            gc.setTextBaseline(VPos.TOP);
            gc.fillText(label, x, frame.bottom() + 7);
            gc.setTextAlign(TextAlignment.RIGHT);
            gc.setTextBaseline(VPos.CENTER);
            gc.fillText(label, frame.left() - 8, y);
        }
        gc.setFill(palette.text());
        gc.setFont(Font.font(FONT, null, FontPosture.ITALIC, 17));
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.TOP);
        gc.fillText("x₁", (frame.left() + frame.right()) / 2, frame.bottom() + 26);
        gc.setTextAlign(TextAlignment.RIGHT);
        gc.setTextBaseline(VPos.CENTER);
        gc.fillText("x₂", frame.left() - 46, (frame.top() + frame.bottom()) / 2);
    }
}
