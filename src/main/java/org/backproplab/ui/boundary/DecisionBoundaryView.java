package org.backproplab.ui.boundary;

import java.util.List;
import java.util.Optional;
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
import org.backproplab.trace.Matrix;
import org.backproplab.training.LabSnapshot;
import org.backproplab.ui.common.AxisTicks;
import org.backproplab.ui.common.CanvasView;
import org.backproplab.ui.common.ColorScale;
import org.backproplab.ui.common.CrispLines;
import org.backproplab.ui.common.GraphNames;
import org.backproplab.ui.common.GraphTarget;
import org.backproplab.ui.common.HeatmapImage;
import org.backproplab.ui.common.Messages;
import org.backproplab.ui.common.NumberText;
import org.backproplab.ui.common.Palette;
import org.backproplab.ui.common.PlotFrame;
import org.backproplab.ui.common.TextWidth;

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
    /** The least distance between ticks, at normal size: room for a label such as "−0.5". */
    private static final double TICK_ROOM = 40;
    /**
     * The most of the plot the points may cover: TensorFlow Playground's 500 points of radius 4 on a
     * 300 px plot cover about 0.28, which already hides much of the map.
     */
    static final double COVERAGE = 0.2;
    /** Below this a point, and a hollow test point's ring most of all, stops being seen as one. */
    static final double MIN_RADIUS = 2.5;
    static final double MAX_RADIUS = 12;

    private final Palette palette;
    private final NumberText numbers;
    private final GraphNames names;
    private final HeatmapImage painter = new HeatmapImage();
    private final PointLayer points = new PointLayer();
    private LabSnapshot snapshot;
    private Image background;
    private ColorScale outputScale;
    private PlotFrame frame;
    private IntConsumer onTrainPointPicked;
    private int highlighted = -1;
    private boolean showTestPoints = true;
    private boolean discrete;
    /** A hidden neuron or input whose own map is shown instead of the output, while the pointer rests on it. */
    private Optional<GraphTarget> preview = Optional.empty();

    public DecisionBoundaryView(Palette palette, Messages messages) {
        this.palette = palette;
        this.numbers = new NumberText(messages.locale());
        this.names = new GraphNames(messages);
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
        double reach = pointRadius() + scaled(3);
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
        // A busy trainer sends the same maps for several frames: the background is painted once.
        boolean sameMaps = this.snapshot != null && this.snapshot.heatmaps() == snapshot.heatmaps();
        this.snapshot = snapshot;
        this.outputScale = ColorScale.forActivation(snapshot.network().outputLayer().activation(), palette);
        if (!sameMaps) {
            this.background = background(snapshot.heatmaps());
        }
        redraw();
    }

    /** Shows or hides the held-out test points (hollow). */
    public void setShowTestPoints(boolean show) {
        showTestPoints = show;
        redraw();
    }

    public boolean showsTestPoints() {
        return showTestPoints;
    }

    /** Colours the plane by the network's decision alone (which side of the middle), without shades of confidence. */
    public void setDiscrete(boolean discrete) {
        this.discrete = discrete;
        refreshBackground();
    }

    /**
     * Shows what one input or neuron outputs over the plane instead of the network's output, or the
     * output again for an empty target or an edge. A class sees which piece of the boundary each
     * hidden neuron contributes.
     */
    public void preview(Optional<GraphTarget> target) {
        Optional<GraphTarget> map = target.filter(t -> !(t instanceof GraphTarget.Edge));
        if (!map.equals(preview)) {
            preview = map;
            refreshBackground();
        }
    }

    private void refreshBackground() {
        if (snapshot != null) {
            background = background(snapshot.heatmaps());
            redraw();
        }
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
        Optional<GraphTarget> shown = preview.filter(target -> GraphNames.exists(snapshot.network(), target));
        if (shown.isPresent()) {
            return switch (shown.get()) {
                case GraphTarget.Input input -> {
                    Matrix map = heatmaps.input(input.feature());
                    yield painter.paint(map, decided(ColorScale.symmetric(map.maxAbs(), palette)));
                }
                case GraphTarget.Neuron neuron -> painter.paint(heatmaps.neuron(neuron.layer(), neuron.neuron()),
                        decided(ColorScale.forActivation(snapshot.network().layer(neuron.layer()).activation(), palette)));
                case GraphTarget.Edge edge -> throw new IllegalStateException("edges have no map of their own");
            };
        }
        if (snapshot.classes() > 0 && heatmaps.outputCount() > 1) {
            return painter.paintWinners(heatmaps.layers().getLast(), palette, discrete);
        }
        return painter.paint(heatmaps.output(0), decided(outputScale));
    }

    /** A scale tinted for a background, cut in two when the view is discrete. */
    private ColorScale decided(ColorScale scale) {
        ColorScale tinted = scale.tinted(palette.boundaryTint(), palette);
        return discrete ? tinted.discrete() : tinted;
    }

    @Override
    protected void draw(GraphicsContext gc, double width, double height) {
        gc.setFill(palette.surface());
        gc.fillRect(0, 0, width, height);
        if (snapshot == null) {
            return;
        }
        frame = PlotFrame.of(snapshot.domain(), width, height, drawingScale());
        gc.setImageSmoothing(true);
        gc.drawImage(background, frame.left(), frame.top(), frame.side(), frame.side());
        // Fewer ticks on a small plot with large labels, so the labels never run into each other.
        int ticksThatFit = (int) Math.clamp(frame.side() / scaled(TICK_ROOM), 2, TICKS);
        AxisTicks ticks = AxisTicks.of(snapshot.domain().min(), snapshot.domain().max(), ticksThatFit);
        drawGrid(gc, ticks);
        drawPoints(gc, width, height);
        drawHighlight(gc);
        drawAxes(gc, ticks);
        preview.filter(target -> GraphNames.exists(snapshot.network(), target))
                .ifPresent(target -> drawPreviewCaption(gc, target));
    }

    /** Says whose map is shown, on a white tab inside the plot's top-left corner. */
    private void drawPreviewCaption(GraphicsContext gc, GraphTarget target) {
        String text = names.caption(snapshot.network(), target);
        Font font = Font.font(FONT, scaled(15));
        gc.setFont(font);
        double width = TextWidth.of(text, font) + scaled(16);
        double height = scaled(26);
        double x = frame.left() + scaled(6);
        double y = frame.top() + scaled(6);
        gc.setFill(palette.surface());
        gc.fillRoundRect(x, y, width, height, 8, 8);
        gc.setStroke(palette.highlight());
        gc.setLineWidth(scaled(2.5));
        gc.strokeRoundRect(x, y, width, height, 8, 8);
        gc.setFill(palette.text());
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setTextBaseline(VPos.CENTER);
        gc.fillText(text, x + scaled(8), y + height / 2);
    }

    /** A dark ring inside a white one around the highlighted point: visible on either class colour. */
    private void drawHighlight(GraphicsContext gc) {
        if (highlighted < 0 || highlighted >= snapshot.trainPoints().size()) {
            return;
        }
        DataPoint point = snapshot.trainPoints().get(highlighted);
        double x = frame.x(point.x1());
        double y = frame.y(point.x2());
        double r = pointRadius() + scaled(6);
        gc.setStroke(palette.surface());
        gc.setLineWidth(scaled(6));
        gc.strokeOval(x - r, y - r, 2 * r, 2 * r);
        gc.setStroke(palette.text());
        gc.setLineWidth(scaled(3));
        gc.strokeOval(x - r, y - r, 2 * r, 2 * r);
    }

    private void drawGrid(GraphicsContext gc, AxisTicks ticks) {
        for (double tick : ticks.values()) {
            double x = Math.floor(frame.x(tick)) + 0.5;
            double y = Math.floor(frame.y(tick)) + 0.5;
            CrispLines.vertical(gc, palette.grid(), x, frame.top(), frame.bottom(), gridWidth());
            CrispLines.horizontal(gc, palette.grid(), frame.left(), frame.right(), y, gridWidth());
        }
    }

    /** Training points filled, test points (when shown) hollow: a thick ring in the class colour, visible on any background. */
    private void drawPoints(GraphicsContext gc, double width, double height) {
        // A regression's point colours come from the output's scale, which only its activation decides.
        Object colouring = snapshot.classes() > 0 ? List.of(palette, snapshot.classes())
                : List.of(palette, snapshot.network().outputLayer().activation());
        PointLayer.Look look = new PointLayer.Look(snapshot.trainPoints(),
                showTestPoints ? snapshot.testPoints() : List.of(), frame.domain(), frame.left(), frame.top(), frame.side(),
                pointRadius(), (int) Math.ceil(width), (int) Math.ceil(height), palette.outline(), colouring);
        points.draw(gc, look, frame, this::pointColor);
    }

    /**
     * Large enough to see from the back of a classroom, small enough that hundreds of points do not
     * hide the colours: together the points cover at most {@link #COVERAGE} of the plot, so their
     * radius grows with the plot's side and shrinks with the square root of their number. A hand-made
     * set of a few points (XOR's four) gets big markers.
     */
    public double pointRadius() {
        return radiusFor(snapshot.trainPoints().size() + snapshot.testPoints().size(), frame.side(), drawingScale());
    }

    static double radiusFor(int points, double side, double scale) {
        double covering = side * Math.sqrt(COVERAGE / (Math.PI * Math.max(points, 1)));
        return Math.clamp(covering, MIN_RADIUS * scale, MAX_RADIUS * scale);
    }

    /** Grid lines: hairlines normally, heavier in a high-contrast palette or at a larger scale. */
    private double gridWidth() {
        return Math.round(Math.max(1, drawingScale() * palette.strokeWeight()));
    }

    private double axisWidth() {
        return scaled(1.5) * palette.strokeWeight();
    }

    private void drawAxes(GraphicsContext gc, AxisTicks ticks) {
        CrispLines.outline(gc, palette.outline(), frame.left(), frame.top(), frame.side(), frame.side(), axisWidth());
        gc.setFont(Font.font(FONT, scaled(13)));
        for (double tick : ticks.values()) {
            String label = numbers.tick(tick, ticks.step());
            double x = frame.x(tick);
            double y = frame.y(tick);
            CrispLines.vertical(gc, palette.outline(), x, frame.bottom(), frame.bottom() + scaled(5), axisWidth());
            CrispLines.horizontal(gc, palette.outline(), frame.left() - scaled(5), frame.left(), y, axisWidth());
            gc.setFill(palette.mutedText());
            gc.setTextAlign(TextAlignment.CENTER);
            gc.setTextBaseline(VPos.TOP);
            gc.fillText(label, x, frame.bottom() + scaled(7));
            gc.setTextAlign(TextAlignment.RIGHT);
            gc.setTextBaseline(VPos.CENTER);
            gc.fillText(label, frame.left() - scaled(8), y);
        }
        gc.setFill(palette.text());
        gc.setFont(Font.font(FONT, null, FontPosture.ITALIC, scaled(17)));
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.TOP);
        gc.fillText("x₁", (frame.left() + frame.right()) / 2, frame.bottom() + scaled(26));
        gc.setTextAlign(TextAlignment.RIGHT);
        gc.setTextBaseline(VPos.CENTER);
        gc.fillText("x₂", frame.left() - scaled(46), (frame.top() + frame.bottom()) / 2);
    }
}
