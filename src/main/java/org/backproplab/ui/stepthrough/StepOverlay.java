package org.backproplab.ui.stepthrough;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import org.backproplab.trace.FormulaBuilder;
import org.backproplab.trace.FormulaRenderer;
import org.backproplab.trace.LayerTrace;
import org.backproplab.trace.Matrix;
import org.backproplab.trace.OutputNames;
import org.backproplab.trace.PassProgress;
import org.backproplab.trace.SignificantNumber;
import org.backproplab.trace.StepTrace;
import org.backproplab.trace.SubStep;
import org.backproplab.training.NetworkSnapshot;
import org.backproplab.ui.common.CanvasView;
import org.backproplab.ui.common.Palette;
import org.backproplab.ui.common.TextWidth;
import org.backproplab.ui.graph.GraphGeometry;
import org.backproplab.ui.common.GraphTarget;
import org.backproplab.ui.graph.GraphPicker;

/**
 * Drawn over the network graph during a step-through: the numbers of the pass on the nodes and
 * edges, the sub-step's neurons and edges lit, and its values travelling: inputs and activations
 * forward along the edges in one colour, δ backward in another. Every number is read from the
 * pass's trace. It draws only; where things sit comes from {@link GraphGeometry}, the same layout
 * the graph uses, since the overlay always has the graph's size.
 */
final class StepOverlay extends CanvasView {

    /** Share of a sub-step's animation spent travelling; the values it computes show once they arrive. */
    static final double TRAVEL = 0.65;
    /**
     * Edge labels sit this far along an edge: past the middle, where the edges of a full layer
     * cross, yet far enough from the target that the labels of edges converging on it stay apart.
     */
    private static final double LABEL_AT = 0.62;
    /** Where along its edge a question about the edge sits. */
    private static final double ASK_AT = 0.45;
    /** How far two labels' borders may overlap, in pixels. */
    private static final double TOUCH = 2;
    /** Where else along its edge a label may go when its usual place is taken, best first. */
    private static final double[] LABEL_PLACES = {LABEL_AT, 0.38, 0.5, 0.74, 0.28, 0.2, 0.84};
    /** Beyond this many values travelling at once, the dots go unlabelled. */
    private static final int LABELLED_DOTS = 8;
    private static final String FONT = "System";
    private static final double VALUE_SIZE = 14;
    private static final double LINE_HEIGHT = 17;
    private static final double BANNER_SIZE = 15;
    /** Height kept free at the bottom for the banner. */
    private static final double BANNER_ROOM = 52;

    private final Palette palette;
    private StepThrough.Frame frame;
    private double progress = 1;
    private int digits = 4;
    private GraphTarget picked;
    /** Whether the sub-step's own numbers are still to be worked out, and so not drawn. */
    private boolean withheld;
    /** The number the student is asked for now, if any. */
    private Ask ask;
    private String banner = "";
    /** The loss, when the graph has no room for it under the outputs and the banner carries it. */
    private String bannerLoss;
    private GraphGeometry geometry;
    private final List<String> shownLabels = new ArrayList<>();
    /** Where the nodes' values were drawn, for edge labels to keep clear of. */
    private final List<Rectangle2D> occupied = new ArrayList<>();

    /**
     * A number predict mode asks for, drawn where it will appear.
     *
     * @param at    the neuron or edge it belongs to; empty for the loss, which sits under the outputs
     * @param label what is asked, e.g. "z₁⁽¹⁾ = ?"
     */
    record Ask(Optional<GraphTarget> at, String label) {
    }

    StepOverlay(Palette palette) {
        this.palette = palette;
        getStyleClass().add("step-overlay");
    }

    /** Shows a moment of a pass; {@code progress} runs from 0 to 1 through its sub-step's animation. */
    void show(StepThrough.Frame frame, double progress, int digits, GraphTarget picked, String banner) {
        this.frame = frame;
        this.progress = progress;
        this.digits = digits;
        this.picked = picked;
        this.banner = banner;
        redraw();
    }

    /**
     * From the next drawing on, withholds the sub-step's numbers or not, and marks the number asked
     * for ({@code ask} null when none is asked now, e.g. while a wrong answer is on show).
     */
    void ask(boolean withheld, Ask ask) {
        this.withheld = withheld;
        this.ask = ask;
    }

    void setProgress(double progress) {
        this.progress = progress;
        redraw();
    }

    void clear() {
        frame = null;
        redraw();
    }

    /**
     * Calls {@code onPick} with the neuron or edge under each click (empty when the click hits
     * neither). An input computes nothing in the pass, so a click on one picks nothing.
     */
    void setOnPick(Consumer<Optional<GraphTarget>> onPick) {
        setOnMouseClicked(event -> {
            if (geometry != null && frame != null) {
                onPick.accept(GraphPicker.pick(geometry, event.getX(), event.getY())
                        .filter(target -> !(target instanceof GraphTarget.Input)));
            }
        });
    }

    /** Every label drawn in the last drawing, for the accessible text (and tests). */
    List<String> shownLabels() {
        return List.copyOf(shownLabels);
    }

    @Override
    protected void draw(GraphicsContext gc, double width, double height) {
        shownLabels.clear();
        occupied.clear();
        bannerLoss = null;
        if (frame == null) {
            geometry = null;
            setAccessibleText("");
            return;
        }
        NetworkSnapshot network = frame.lab().network();
        geometry = GraphGeometry.of(network.shape(), width, height, drawingScale());
        frame.pass().trace().ifPresentOrElse(trace -> drawPass(gc, trace), () -> drawEpoch(gc));
        drawPicked(gc);
        drawBanner(gc, width, height);
        setAccessibleText(String.join("\n", shownLabels));
    }

    // --- a traced pass ---

    private void drawPass(GraphicsContext gc, StepTrace trace) {
        SubStep current = frame.subStep().orElseThrow();
        List<SubStep> steps = frame.pass().subSteps(frame.granularity());
        // A number still to be worked out never arrives: the student is computing it.
        boolean arrived = progress >= TRAVEL && !withheld;
        // Until its travelling values arrive, the current sub-step has computed nothing yet.
        PassProgress known = PassProgress.after(steps, arrived ? frame.index() : frame.index() - 1);
        double fade = arrived ? Math.min(1, (progress - TRAVEL) / (1 - TRAVEL) + 0.35) : 0;
        FormulaBuilder formulas = frame.pass().formulas(frame.column());

        // Lit edges and travelling values first, the nodes' values over them, edge labels where room is left.
        switch (current) {
            case SubStep.ForwardNeuron(int layer, int neuron) -> drawForward(gc, trace, layer, List.of(neuron));
            case SubStep.ForwardLayer(int layer) -> drawForward(gc, trace, layer, all(trace.layers().get(layer).size()));
            case SubStep.BackwardNeuron(int layer, int neuron) -> drawBackward(gc, trace, layer, List.of(neuron));
            case SubStep.BackwardLayer(int layer) -> drawBackward(gc, trace, layer, all(trace.layers().get(layer).size()));
            case SubStep.Gradients(int layer) -> lightEdges(gc, layer, all(trace.layers().get(layer).size()));
            case SubStep.GradientsNeuron(int layer, int neuron) -> lightEdges(gc, layer, List.of(neuron));
            default -> {
                // The loss lights the outputs, an update moves the edges themselves: nothing to light.
            }
        }
        DroppedNeurons.dimEdges(gc, geometry, trace, frame.column(), known, palette, this::scaled);
        Set<Long> active = activeNeurons(current, trace);
        drawInputs(gc, trace);
        boolean roomy = roomForEveryBox(trace);
        // The neurons of this sub-step last, on top: in a narrow graph their boxes may overlap a
        // neighbour's, and theirs are the numbers the class is reading now.
        for (boolean activePass : new boolean[] {false, true}) {
            for (int l = 0; l < trace.layers().size(); l++) {
                for (int n = 0; n < trace.layers().get(l).size(); n++) {
                    boolean isActive = active.contains(key(l, n));
                    if (isActive == activePass && (roomy || isActive
                            || picked instanceof GraphTarget.Neuron(int pl, int pn) && pl == l && pn == n)) {
                        drawNeuronBox(gc, trace, known, current, l, n, isActive);
                    }
                }
            }
        }
        DroppedNeurons.crossOut(gc, geometry, trace, frame.column(), known, palette, this::scaled);
        // The edges' new numbers wait, like the nodes', until the number asked for is answered.
        if (!withheld) {
            switch (current) {
                case SubStep.Gradients(int layer) -> drawGradientLabels(gc, trace, layer, all(trace.layers().get(layer).size()));
                case SubStep.GradientsNeuron(int layer, int neuron) -> drawGradientLabels(gc, trace, layer, List.of(neuron));
                case SubStep.Update(int layer) -> drawUpdateLabels(gc, trace, layer, all(trace.layers().get(layer).size()));
                case SubStep.UpdateNeuron(int layer, int neuron) -> drawUpdateLabels(gc, trace, layer, List.of(neuron));
                default -> {
                }
            }
        }
        if (known.lossKnown()) {
            drawLoss(gc, formulas, current instanceof SubStep.ComputeLoss ? fade : 1);
        }
        if (ask != null) {
            drawAsk(gc, ringColor(current));
        }
    }

    /** The question where its answer will appear, ringed (or its edge lit) in the colour of the phase. */
    private void drawAsk(GraphicsContext gc, Color color) {
        List<String> text = List.of(ask.label());
        switch (ask.at().orElse(null)) {
            case GraphTarget.Neuron(int layer, int neuron) -> {
                ring(gc, geometry.nodeBounds(layer + 1, neuron), color);
                Point2D centre = geometry.neuronCentre(layer, neuron);
                chip(gc, text, centre.getX(), centre.getY(), color, 1);
            }
            case GraphTarget.Edge(int layer, int neuron, int input) -> {
                Point2D from = geometry.edgeStart(layer, input);
                Point2D to = geometry.edgeEnd(layer + 1, neuron);
                gc.setStroke(color.deriveColor(0, 1, 1, 0.6));
                gc.setLineWidth(scaled(8));
                gc.setLineDashes();
                gc.strokeLine(from.getX(), from.getY(), to.getX(), to.getY());
                // Mid-edge, clear of the neuron's own box at the edge's end.
                Point2D at = from.add(to.subtract(from).multiply(ASK_AT));
                chip(gc, text, at.getX(), at.getY(), color, 1);
            }
            case null, default -> {
                int column = geometry.columns() - 1;
                Point2D last = geometry.centre(column, geometry.size(column) - 1);
                chip(gc, text, geometry.columnX(column), last.getY() + geometry.nodeSize() / 2 + scaled(2 * LINE_HEIGHT),
                        color, 1);
            }
        }
    }

    /** Each edge into the neurons whose gradients are computed carries its ∂E/∂w. */
    private void drawGradientLabels(GraphicsContext gc, StepTrace trace, int layer, List<Integer> neurons) {
        Matrix gradients = trace.layers().get(layer).weightGradient();
        drawEdgeLabels(gc, layer, neurons, palette.backward(), fadeIn(), (n, i) -> number(gradients.get(n, i)));
    }

    /** Each edge into the neurons being updated carries its old → new weight. */
    private void drawUpdateLabels(GraphicsContext gc, StepTrace trace, int layer, List<Integer> neurons) {
        LayerTrace changed = trace.layers().get(layer);
        drawEdgeLabels(gc, layer, neurons, palette.update(), fadeIn(), (n, i) ->
                number(changed.weightsBefore().get(n, i)) + " → " + number(changed.weightsAfter().get(n, i)));
    }

    private static List<Integer> all(int count) {
        List<Integer> neurons = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            neurons.add(n);
        }
        return neurons;
    }

    private double fadeIn() {
        return Math.min(1, 0.25 + progress);
    }

    /** The values of the layer below travel along the incoming edges of the neurons being computed. */
    private void drawForward(GraphicsContext gc, StepTrace trace, int layer, List<Integer> neurons) {
        Matrix below = layer == 0 ? trace.inputs() : trace.layers().get(layer - 1).a();
        int inputs = trace.layers().get(layer).inputSize();
        boolean labelled = neurons.size() * inputs <= LABELLED_DOTS;
        for (int n : neurons) {
            for (int i = 0; i < inputs; i++) {
                Point2D from = geometry.edgeStart(layer, i);
                Point2D to = geometry.edgeEnd(layer + 1, n);
                travel(gc, from, to, palette.forward(), labelled ? number(below.get(i, frame.column())) : null);
            }
        }
    }

    /** δ of the layer above travels back along the outgoing edges; the output layer's δ comes from the loss. */
    private void drawBackward(GraphicsContext gc, StepTrace trace, int layer, List<Integer> neurons) {
        if (layer == trace.layers().size() - 1) {
            // The output error enters from the output side, where the loss compared outputs and targets.
            for (int n : neurons) {
                Point2D side = geometry.edgeStart(layer + 1, n);
                travel(gc, side.add(scaled(GraphGeometry.RIGHT), 0), side, palette.backward(), null);
            }
            return;
        }
        LayerTrace above = trace.layers().get(layer + 1);
        boolean labelled = neurons.size() * above.size() <= LABELLED_DOTS;
        for (int n : neurons) {
            for (int k = 0; k < above.size(); k++) {
                Point2D from = geometry.edgeEnd(layer + 2, k);
                Point2D to = geometry.edgeStart(layer + 1, n);
                travel(gc, from, to, palette.backward(), labelled ? "δ " + number(above.delta().get(k, frame.column())) : null);
            }
        }
    }

    /** The edge lit in the colour of its direction, with a dot (and its value) part of the way along. */
    private void travel(GraphicsContext gc, Point2D from, Point2D to, Color color, String value) {
        gc.setStroke(color.deriveColor(0, 1, 1, 0.55));
        gc.setLineWidth(scaled(4));
        gc.setLineDashes();
        gc.strokeLine(from.getX(), from.getY(), to.getX(), to.getY());
        if (progress >= TRAVEL) {
            return;
        }
        double along = progress / TRAVEL;
        Point2D at = from.add(to.subtract(from).multiply(along));
        double r = scaled(7);
        gc.setFill(color);
        gc.fillOval(at.getX() - r, at.getY() - r, 2 * r, 2 * r);
        gc.setStroke(palette.surface());
        gc.setLineWidth(scaled(2));
        gc.strokeOval(at.getX() - r, at.getY() - r, 2 * r, 2 * r);
        if (value != null) {
            chip(gc, List.of(value), at.getX(), at.getY() - scaled(22), color, 1);
        }
    }

    private interface EdgeLabel {
        String of(int neuron, int input);
    }

    /** The edges into {@code neurons} of {@code layer} lit in the backward colour, under everything else the overlay draws. */
    private void lightEdges(GraphicsContext gc, int layer, List<Integer> neurons) {
        gc.setStroke(palette.backward().deriveColor(0, 1, 1, 0.45));
        gc.setLineWidth(scaled(4));
        gc.setLineDashes();
        for (int n : neurons) {
            for (int i = 0; i < geometry.size(layer); i++) {
                Point2D from = geometry.edgeStart(layer, i);
                Point2D to = geometry.edgeEnd(layer + 1, n);
                gc.strokeLine(from.getX(), from.getY(), to.getX(), to.getY());
            }
        }
    }

    /**
     * A label on each edge into {@code neurons} of {@code layer} where it fits: a label that would
     * cover a node's values or a label already placed tries other places along its edge, and is
     * left out if none is free (the picked edge's never is).
     */
    private void drawEdgeLabels(GraphicsContext gc, int layer, List<Integer> neurons, Color color, double alpha,
            EdgeLabel label) {
        int inputs = geometry.size(layer);
        List<Rectangle2D> placed = new ArrayList<>(occupied);
        Runnable pickedLabel = () -> { };
        for (int n : neurons) {
            for (int i = 0; i < inputs; i++) {
                Point2D from = geometry.edgeStart(layer, i);
                Point2D to = geometry.edgeEnd(layer + 1, n);
                List<String> text = List.of(label.of(n, i));
                if (picked instanceof GraphTarget.Edge(int pl, int pn, int pi) && pl == layer && pn == n && pi == i) {
                    Point2D at = from.add(to.subtract(from).multiply(LABEL_AT));
                    pickedLabel = () -> chip(gc, text, at.getX(), at.getY(), color, alpha);
                    continue;
                }
                for (double along : LABEL_PLACES) {
                    Point2D at = from.add(to.subtract(from).multiply(along));
                    Rectangle2D box = chipBounds(text, at.getX(), at.getY());
                    // Borders may just touch: that is still readable, and lets the labels of a full 2-2 layer all fit.
                    Rectangle2D core = new Rectangle2D(box.getMinX() + TOUCH, box.getMinY() + TOUCH,
                            box.getWidth() - 2 * TOUCH, box.getHeight() - 2 * TOUCH);
                    if (placed.stream().noneMatch(other -> other.intersects(core))) {
                        placed.add(box);
                        chip(gc, text, at.getX(), at.getY(), color, alpha);
                        break;
                    }
                }
            }
        }
        pickedLabel.run();
    }

    private void drawInputs(GraphicsContext gc, StepTrace trace) {
        if (!roomForEveryBox(trace)) {
            return;
        }
        for (int i = 0; i < geometry.size(0); i++) {
            Point2D centre = geometry.centre(0, i);
            List<String> value = List.of(number(trace.inputs().get(i, frame.column())));
            occupied.add(chipBounds(value, centre.getX(), centre.getY()));
            chip(gc, value, centre.getX(), centre.getY(), palette.forward(), 1);
        }
    }

    /** Boxes on every node only when they fit between the nodes; otherwise just on the neurons being computed and the picked one. */
    private boolean roomForEveryBox(StepTrace trace) {
        int neurons = trace.layers().stream().mapToInt(LayerTrace::size).sum();
        double tallest = scaled(4 * LINE_HEIGHT + 6);
        double closest = Double.MAX_VALUE;
        for (int column = 0; column < geometry.columns(); column++) {
            if (geometry.size(column) > 1) {
                closest = Math.min(closest, geometry.centre(column, 1).getY() - geometry.centre(column, 0).getY());
            }
        }
        return neurons <= 24 && closest >= tallest + scaled(4);
    }

    /** The neuron's values so far; what its own sub-step computes appears once the travelling values arrive. */
    private void drawNeuronBox(GraphicsContext gc, StepTrace trace, PassProgress known, SubStep current, int layer,
            int neuron, boolean active) {
        LayerTrace values = trace.layers().get(layer);
        boolean output = layer == trace.layers().size() - 1;
        int column = frame.column();
        // Each phase shows what its formulas use: z and a forward; a (or o and t) and δ backward and
        // for the gradients δ·a; during the update the edges speak, so the nodes say only their bias's change.
        boolean forward = current instanceof SubStep.ForwardNeuron || current instanceof SubStep.ForwardLayer
                || current instanceof SubStep.ComputeLoss;
        boolean update = current instanceof SubStep.Update || current instanceof SubStep.UpdateNeuron;
        boolean gradients = current instanceof SubStep.Gradients || current instanceof SubStep.GradientsNeuron;
        List<String> lines = new ArrayList<>();
        if (known.forwardDone(layer, neuron) && forward) {
            lines.add("z = " + number(values.z().get(neuron, column)));
        }
        if (known.forwardDone(layer, neuron) && !update) {
            lines.add((output ? OutputNames.OUTPUT : "a") + " = " + number(values.a().get(neuron, column)));
            DroppedNeurons.maskLine(values, neuron, column).ifPresent(lines::add);
        }
        if (output && known.lossKnown() && !update && !gradients) {
            lines.add(OutputNames.TARGET + " = " + number(trace.targets().get(neuron, column)));
        }
        if (known.deltaKnown(layer, neuron) && !update) {
            lines.add("δ = " + number(values.delta().get(neuron, column)));
        }
        if (updating(current, layer, neuron) && trace.biasesTrained() && !withheld) {
            lines.add("b: " + number(values.biasesBefore().get(neuron, 0)) + " → " + number(values.biasesAfter().get(neuron, 0)));
        }
        Point2D centre = geometry.neuronCentre(layer, neuron);
        if (active) {
            ring(gc, geometry.nodeBounds(layer + 1, neuron), ringColor(current));
        }
        if (!lines.isEmpty()) {
            // Output boxes keep clear of the output names (o₁, o₂…) to their right.
            double cx = output ? Math.min(centre.getX(), centre.getX() + geometry.nodeSize() / 2 + scaled(2) - chipWidth(lines) / 2)
                    : centre.getX();
            occupied.add(chipBounds(lines, cx, centre.getY()));
            chip(gc, lines, cx, centre.getY(), active ? ringColor(current) : palette.outline(), 1);
        }
    }

    /** Whether sub-step {@code current} gives neuron {@code neuron} of {@code layer} its new weights and bias. */
    private static boolean updating(SubStep current, int layer, int neuron) {
        return switch (current) {
            case SubStep.Update(int updating) -> updating == layer;
            case SubStep.UpdateNeuron(int updating, int one) -> updating == layer && one == neuron;
            default -> false;
        };
    }

    /** The colour of the phase: δ and gradients travel backward, an update has its own. */
    private Color ringColor(SubStep current) {
        return switch (current) {
            case SubStep.BackwardLayer _, SubStep.BackwardNeuron _, SubStep.GradientsNeuron _, SubStep.BackwardNormalise _ ->
                    palette.backward();
            case SubStep.UpdateNeuron _ -> palette.update();
            default -> palette.forward();
        };
    }

    private void ring(GraphicsContext gc, Rectangle2D box, Color color) {
        double gap = scaled(5);
        gc.setStroke(color);
        gc.setLineWidth(scaled(4));
        gc.setLineDashes();
        gc.strokeRoundRect(box.getMinX() - gap, box.getMinY() - gap, box.getWidth() + 2 * gap, box.getHeight() + 2 * gap,
                10, 10);
    }

    /**
     * The loss, as the last loss formula names it (E, L, or J with a penalty): under the output
     * column, or in the banner when the graph is too short for it there.
     */
    private void drawLoss(GraphicsContext gc, FormulaBuilder formulas, double alpha) {
        var loss = formulas.loss().getLast();
        String text = plain(loss.subject()) + " = " + plain(loss.result());
        int column = geometry.columns() - 1;
        Point2D last = geometry.centre(column, geometry.size(column) - 1);
        double below = last.getY() + Math.max(geometry.nodeSize() / 2 + scaled(GraphGeometry.BIAS_LABEL),
                scaled(2 * LINE_HEIGHT + 3)) + scaled(16);
        if (below <= getHeight() - scaled(BANNER_ROOM)) {
            chip(gc, List.of(text), geometry.columnX(column), below, palette.backward(), alpha);
        } else {
            bannerLoss = text;
        }
    }

    // --- an epoch, trained in bulk ---

    private void drawEpoch(GraphicsContext gc) {
        NetworkSnapshot before = frame.pass().before().network();
        NetworkSnapshot after = frame.pass().after().network();
        for (int l = 0; l < after.layerCount(); l++) {
            int layer = l;
            drawEdgeLabels(gc, l, all(after.layer(l).size()), palette.update(), fadeIn(), (n, i) ->
                    number(before.layer(layer).weight(n, i)) + " → " + number(after.layer(layer).weight(n, i)));
        }
    }

    // --- common ---

    private void drawPicked(GraphicsContext gc) {
        switch (picked) {
            case GraphTarget.Neuron(int layer, int neuron) when layer < geometry.columns() - 1
                    && neuron < geometry.size(layer + 1) -> {
                Rectangle2D box = geometry.nodeBounds(layer + 1, neuron);
                gc.setStroke(palette.text());
                double gap = scaled(10);
                gc.setLineWidth(scaled(2.5));
                gc.setLineDashes(scaled(7), scaled(5));
                gc.strokeRoundRect(box.getMinX() - gap, box.getMinY() - gap, box.getWidth() + 2 * gap,
                        box.getHeight() + 2 * gap, 14, 14);
                gc.setLineDashes();
            }
            case GraphTarget.Edge(int layer, int neuron, int input) when layer < geometry.columns() - 1
                    && neuron < geometry.size(layer + 1) && input < geometry.size(layer) -> {
                Point2D from = geometry.edgeStart(layer, input);
                Point2D to = geometry.edgeEnd(layer + 1, neuron);
                gc.setStroke(palette.text().deriveColor(0, 1, 1, 0.35));
                gc.setLineWidth(scaled(12));
                gc.setLineDashes();
                gc.strokeLine(from.getX(), from.getY(), to.getX(), to.getY());
            }
            case null, default -> {
            }
        }
    }

    private void drawBanner(GraphicsContext gc, double width, double height) {
        String banner = bannerLoss == null ? this.banner : this.banner + "   ·   " + bannerLoss;
        if (banner.isEmpty()) {
            return;
        }
        // Shrinks to fit a narrow graph rather than run off its edge.
        Font font = Font.font(FONT, FontWeight.BOLD, scaled(BANNER_SIZE));
        Text measure = new Text(banner);
        measure.setFont(font);
        while (measure.getLayoutBounds().getWidth() + 20 > width - 8 && font.getSize() > 10) {
            font = Font.font(font.getFamily(), FontWeight.BOLD, font.getSize() - 1);
            measure.setFont(font);
        }
        double w = measure.getLayoutBounds().getWidth() + 20;
        double h = measure.getLayoutBounds().getHeight() + 10;
        double x = Math.max(4, (width - w) / 2);
        double y = height - h - 4;
        gc.setFill(palette.bannerFill());
        gc.fillRoundRect(x, y, w, h, 10, 10);
        gc.setFill(palette.bannerText());
        gc.setFont(font);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setTextBaseline(VPos.CENTER);
        gc.fillText(banner, x + 10, y + h / 2);
        shownLabels.add(banner);
    }

    /** A white rounded box of text lines centred on a point, bordered in the colour of what it says. */
    private void chip(GraphicsContext gc, List<String> lines, double cx, double cy, Color border, double alpha) {
        double lineHeight = scaled(LINE_HEIGHT);
        Rectangle2D bounds = chipBounds(lines, cx, cy);
        double w = bounds.getWidth();
        double h = bounds.getHeight();
        double x = bounds.getMinX();
        double y = bounds.getMinY();
        gc.setGlobalAlpha(alpha);
        gc.setFill(palette.labelFill());
        gc.fillRoundRect(x, y, w, h, 8, 8);
        gc.setStroke(border);
        gc.setLineWidth(scaled(1.8));
        gc.setLineDashes();
        gc.strokeRoundRect(x, y, w, h, 8, 8);
        gc.setFill(palette.text());
        gc.setFont(valueFont());
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.CENTER);
        for (int l = 0; l < lines.size(); l++) {
            gc.fillText(lines.get(l), cx, y + scaled(3) + lineHeight * (l + 0.5));
        }
        gc.setGlobalAlpha(1);
        shownLabels.addAll(lines);
    }

    private Rectangle2D chipBounds(List<String> lines, double cx, double cy) {
        double w = chipWidth(lines);
        double h = scaled(lines.size() * LINE_HEIGHT + 6);
        return new Rectangle2D(cx - w / 2, cy - h / 2, w, h);
    }

    private double chipWidth(List<String> lines) {
        Font font = valueFont();
        double w = 0;
        for (String line : lines) {
            w = Math.max(w, TextWidth.of(line, font));
        }
        return w + scaled(14);
    }

    private Font valueFont() {
        return Font.font(FONT, scaled(VALUE_SIZE));
    }

    private String number(double value) {
        return SignificantNumber.plain(value, digits);
    }

    private String plain(List<org.backproplab.trace.MathToken> tokens) {
        return FormulaRenderer.toPlainText(tokens, digits);
    }

    private Set<Long> activeNeurons(SubStep current, StepTrace trace) {
        Set<Long> active = new HashSet<>();
        switch (current) {
            case SubStep.ForwardNeuron(int layer, int neuron) -> active.add(key(layer, neuron));
            case SubStep.BackwardNeuron(int layer, int neuron) -> active.add(key(layer, neuron));
            case SubStep.GradientsNeuron(int layer, int neuron) -> active.add(key(layer, neuron));
            case SubStep.UpdateNeuron(int layer, int neuron) -> active.add(key(layer, neuron));
            case SubStep.ForwardLayer(int layer) -> all(trace.layers().get(layer).size()).forEach(n -> active.add(key(layer, n)));
            case SubStep.BackwardLayer(int layer) -> all(trace.layers().get(layer).size()).forEach(n -> active.add(key(layer, n)));
            case SubStep.Normalise(int layer) -> all(trace.layers().get(layer).size()).forEach(n -> active.add(key(layer, n)));
            case SubStep.ScaleAndShift(int layer) -> all(trace.layers().get(layer).size()).forEach(n -> active.add(key(layer, n)));
            case SubStep.BackwardNormalise(int layer) ->
                    all(trace.layers().get(layer).size()).forEach(n -> active.add(key(layer, n)));
            case SubStep.ComputeLoss() -> {
                int last = trace.layers().size() - 1;
                all(trace.layers().get(last).size()).forEach(n -> active.add(key(last, n)));
            }
            default -> {
            }
        }
        return active;
    }

    /** One number per neuron, for the set of lit neurons. */
    private static long key(int layer, int neuron) {
        return ((long) layer << 32) | (neuron & 0xffffffffL);
    }
}
