package org.backproplab.ui.stepthrough;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.event.EventHandler;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.text.Font;
import org.backproplab.data.DataPoint;
import org.backproplab.trace.Explanation;
import org.backproplab.trace.FormulaBuilder;
import org.backproplab.trace.Granularity;
import org.backproplab.trace.Matrix;
import org.backproplab.trace.SignificantNumber;
import org.backproplab.trace.SubStep;
import org.backproplab.training.LabSnapshot;
import org.backproplab.training.LayerSnapshot;
import org.backproplab.training.NetworkSnapshot;
import org.backproplab.training.TrainerCommand;
import org.backproplab.training.TrainerSnapshot;
import org.backproplab.ui.boundary.PointText;
import org.backproplab.ui.common.Messages;
import org.backproplab.ui.common.Palette;
import org.backproplab.ui.common.Tips;
import org.backproplab.ui.common.GraphNames;
import org.backproplab.ui.common.GraphTarget;
import org.backproplab.ui.math.MathTypesetter;
import org.backproplab.ui.math.MatrixView;
import org.backproplab.ui.view.LabLayout;

/**
 * Step-through mode: one training pass replayed sub-step by sub-step over the real network, with
 * every number from the engine's trace. Switched on by its toggle; while on, it decides what the
 * graph and the boundary show (the pass as it was at the chosen sub-step), draws the pass's values
 * over the graph, fills the formula panel, and owns the keys presenters' clickers send (arrows,
 * space, Page Up / Page Down). The trainer is asked for a pass only when the user steps past the
 * newest one; everything else replays what was recorded.
 */
public final class StepThroughMode {

    private static final String NEURONS_AND_EDGES_ONLY = "the step-through picks neurons and edges only";
    /** How much smaller the formulas are set at each try to make a sub-step's working fit its tab. */
    private static final double SHRINK_STEP = 0.05;

    private final LabLayout layout;
    private final Messages messages;
    private final Consumer<TrainerCommand> send;
    private final StepThrough model;
    private final Palette palette;
    private final StepThroughPanel panel;
    private final StepOverlay overlay;
    private final ToggleButton toggle;
    private final StepAnimation animation;
    private final PredictMode predict;
    /** The neuron or edge whose working is shown first; never an input (the overlay does not pick those). */
    private GraphTarget picked;
    /** The lab last handed to the views, so a sub-step that does not change it does not redraw the heatmaps. */
    private LabSnapshot shownLab;
    /** One handler object, so it can be taken off the scene again when the window content is replaced. */
    private final EventHandler<KeyEvent> keys = this::key;
    /** While the controls are being set to match the model, their listeners must not act. */
    private boolean syncing;

    /**
     * @param model the passes recorded so far and the position in them: a fresh one for a new window,
     *              the previous window content's when the window changes language or theme
     * @param palette the colours of the window's look, for the overlay and the formulas
     */
    public StepThroughMode(LabLayout layout, Messages messages, Palette palette, Consumer<TrainerCommand> send,
            StepThrough model) {
        this.layout = layout;
        this.palette = palette;
        this.model = model;
        this.messages = messages;
        this.send = send;
        panel = new StepThroughPanel(messages, palette);
        overlay = new StepOverlay(palette);
        toggle = new ToggleButton(messages.get("step.toggle"));
        toggle.getStyleClass().add("step-toggle");
        toggle.setTooltip(Tips.of(messages.get("tip.step.toggle")));
        animation = new StepAnimation(this::animate, this::playNext);
        overlay.setOnPick(this::pick);
        predict = new PredictMode(messages, model.quiz(), model::frame, panel::digits, () -> render(false), this::next,
                this::back);
        panel.getChildren().add(panel.getChildren().indexOf(panel.passText) + 1, predict.bar());
        panel.visibleProperty().bind(toggle.selectedProperty());
        panel.managedProperty().bind(toggle.selectedProperty());
        overlay.visibleProperty().bind(toggle.selectedProperty());
        toggle.selectedProperty().addListener((property, was, on) -> switched(on));
        wireControls();
        layout.addStepThrough(toggle, overlay, panel);
        layout.sceneProperty().addListener((property, before, scene) -> {
            if (before != null) {
                before.removeEventFilter(KeyEvent.KEY_PRESSED, keys);
            }
            if (scene != null) {
                scene.addEventFilter(KeyEvent.KEY_PRESSED, keys);
            }
        });
    }

    /** Nothing recorded yet: what a new window starts with. */
    public static StepThrough freshModel() {
        return new StepThrough(new StepHistory());
    }

    /** Switches the mode on or off, as the switch in the header does. */
    public void setOn(boolean on) {
        toggle.setSelected(on);
    }

    /** Draws the overlay and sets the formulas {@code scale} times their normal size. */
    public void setDrawingScale(double scale) {
        overlay.setDrawingScale(scale);
        panel.setScale(scale);
        if (isOn()) {
            render(false);
        }
    }

    /** New window content takes over the same model: stop animating it from here. */
    public void retire() {
        animation.pause();
    }

    /** The training sample a sample pass follows, chosen with a click on the boundary; 0 until one is chosen. */
    public int focusedSample() {
        return model.focus();
    }

    /** Whether step-through mode is on: true while the class follows one pass. */
    public ReadOnlyBooleanProperty onProperty() {
        return toggle.selectedProperty();
    }

    public boolean isOn() {
        return toggle.isSelected();
    }

    /**
     * Takes each snapshot the trainer publishes. Returns true when step-through mode is showing the
     * views, in which case the window must not show the snapshot itself.
     */
    public boolean offer(TrainerSnapshot snapshot) {
        model.quiz().sawSteps(snapshot.steps());
        boolean recorded = model.offer(snapshot, isOn());
        if (!isOn()) {
            return false;
        }
        if (recorded) {
            model.frame().ifPresent(frame -> followSample(frame.pass()));
            render(true);
        } else if (model.frame().isEmpty()) {
            render(false);
        } else {
            syncControls();
        }
        return true;
    }

    // --- moving ---

    public void next() {
        if (model.isWaiting() || predict.takesNext()) {
            return;
        }
        Optional<TrainerCommand> request = model.forward();
        request.ifPresentOrElse(send, () -> moved(true));
        syncControls();
    }

    void back() {
        if (model.back()) {
            moved(false);
        }
    }

    void skipToEnd() {
        if (model.skipToEnd()) {
            moved(false);
        }
    }

    private void togglePlay() {
        if (animation.isPlaying()) {
            animation.pause();
        } else {
            animation.play();
            if (model.frame().map(StepThrough.Frame::atEnd).orElse(true)) {
                next();
            }
        }
        panel.showPlaying(animation.isPlaying());
    }

    /** Called by the animation when playing and the sub-step is done: the next one, up to the end of the pass. */
    private void playNext() {
        if (model.isWaiting()) {
            return;
        }
        // Playing stops at a question too: the class works it out before the pass goes on.
        if (model.frame().map(StepThrough.Frame::atEnd).orElse(true) || predict.isAsking()) {
            animation.pause();
            panel.showPlaying(false);
            return;
        }
        next();
    }

    private void moved(boolean forward) {
        model.frame().ifPresent(frame -> followSample(frame.pass()));
        render(forward);
    }

    /**
     * A pass of a known sample puts that sample in focus, so the boundary rings the point being
     * stepped; not if the lab no longer has it (the points were cleared or replaced since the pass).
     */
    private void followSample(StepPass pass) {
        if (model.hasSample(pass.sample())) {
            model.setFocus(pass.sample());
        }
    }

    private void pick(Optional<GraphTarget> at) {
        picked = at.filter(pick -> !pick.equals(picked)).orElse(null);
        render(false);
    }

    private void switched(boolean on) {
        layout.setStepping(on);
        if (on) {
            send.accept(new TrainerCommand.Pause());
            layout.boundary().setOnTrainPointPicked(this::focusOn);
            render(false);
        } else {
            animation.pause();
            panel.showPlaying(false);
            model.cancelRequest();
            layout.boundary().setOnTrainPointPicked(null);
            layout.boundary().highlightTrainPoint(-1);
            overlay.clear();
            shownLab = null;
            model.live().ifPresent(live -> layout.show(live.lab()));
        }
    }

    /** A click on a point drawn from an older snapshot may name a sample the lab no longer has: nothing to focus then. */
    private void focusOn(int sample) {
        if (!model.hasSample(sample)) {
            return;
        }
        model.setFocus(sample);
        ringFocus();
        syncControls();
    }

    /**
     * Rings the sample in focus, which follows the sample pass on show. Mini-batches and epochs
     * are drawn by the trainer, not chosen, so then no point is ringed.
     */
    private void ringFocus() {
        layout.boundary().highlightTrainPoint(model.passSize() == StepPass.Size.SAMPLE ? model.focus() : -1);
    }

    private void key(KeyEvent event) {
        if (!isOn() || event.getTarget() instanceof TextInputControl input && input.isEditable()) {
            return;
        }
        switch (event.getCode()) {
            case RIGHT, KP_RIGHT, SPACE, PAGE_DOWN -> next();
            case LEFT, KP_LEFT, PAGE_UP -> back();
            case END -> skipToEnd();
            default -> {
                return;
            }
        }
        event.consume();
    }

    // --- showing ---

    /** Shows the model's frame everywhere (views, overlay, formulas, controls), its sub-step moving or finished. */
    private void render(boolean animate) {
        syncControls();
        Optional<StepThrough.Frame> current = model.frame();
        predict.show(current);
        if (current.isEmpty()) {
            overlay.clear();
            model.live().ifPresent(live -> showLab(live.lab()));
            ringFocus();
            panel.formulas.clear();
            panel.formulas.addNote(messages.get("step.start"));
            panel.matrices.clear();
            showCode(Optional.empty());
            return;
        }
        StepThrough.Frame frame = current.get();
        // A pick made on a larger network (a later pass, before a neuron or layer was removed) names
        // nothing in this pass's: it is dropped rather than asked about.
        if (picked != null && !GraphNames.exists(frame.lab().network(), picked)) {
            picked = null;
        }
        // While a number is asked, the graph stays as it was before the sub-step: an update's new weights are answers too.
        boolean withheld = predict.withholds(frame);
        showLab(withheld ? frame.pass().labAt(frame.granularity(), Math.max(0, frame.index() - 1)) : frame.lab());
        ringFocus();
        overlay.ask(withheld, predict.ask(frame).orElse(null));
        overlay.show(frame, animate ? 0 : 1, panel.digits(), picked, banner(frame));
        showFormulas(frame);
        showCode(current);
        if (animate) {
            animation.start();
        } else {
            animation.finish();
        }
    }

    /**
     * The lesson's step as code, the frame's sub-step lit: the code of the settings the shown pass was
     * trained with, since its values come from that pass; before the first pass, of the settings now.
     */
    private void showCode(Optional<StepThrough.Frame> frame) {
        frame.map(shown -> shown.pass().settings()).or(() -> model.live().map(TrainerSnapshot::settings))
                .ifPresent(settings -> panel.code.show(settings, frame.flatMap(shown -> shown.pass().trace()),
                        frame.flatMap(StepThrough.Frame::subStep), panel.digits()));
    }

    private void showLab(LabSnapshot lab) {
        if (lab != shownLab) {
            shownLab = lab;
            layout.show(lab);
        }
    }

    /** Each animation frame: the overlay's values travel, and during an update the edges move from old to new. */
    private void animate(double progress) {
        Optional<StepThrough.Frame> current = model.frame();
        if (current.isEmpty() || !isOn()) {
            return;
        }
        StepThrough.Frame frame = current.get();
        overlay.setProgress(progress);
        if (predict.withholds(frame)) {
            return;
        }
        NetworkSnapshot to = frame.lab().network();
        Optional<NetworkSnapshot> from = switch (frame.subStep().orElse(null)) {
            case SubStep.Update _, SubStep.UpdateNeuron _ ->
                    Optional.of(frame.pass().labAt(frame.granularity(), frame.index() - 1).network());
            case null -> Optional.of(frame.pass().before().network());
            default -> Optional.empty();
        };
        from.ifPresent(start -> layout.graph().showWeights(progress >= 1 ? to : between(start, to, progress)));
    }

    /** Weights part of the way from old to new, only for drawing the edges on their way. */
    private static NetworkSnapshot between(NetworkSnapshot from, NetworkSnapshot to, double progress) {
        double s = progress * progress * (3 - 2 * progress);
        List<LayerSnapshot> layers = new ArrayList<>();
        for (int l = 0; l < to.layerCount(); l++) {
            layers.add(new LayerSnapshot(to.layer(l).activation(),
                    mix(from.layer(l).weights(), to.layer(l).weights(), s),
                    mix(from.layer(l).biases(), to.layer(l).biases(), s), to.layer(l).batchNorm()));
        }
        return new NetworkSnapshot(to.inputLabels(), layers);
    }

    private static Matrix mix(Matrix from, Matrix to, double s) {
        double[] a = from.values();
        double[] b = to.values();
        for (int i = 0; i < a.length; i++) {
            a[i] += (b[i] - a[i]) * s;
        }
        return new Matrix(to.rows(), to.cols(), a);
    }

    /**
     * The sub-step's working at the presenter's size or, where that would need scrolling, set a
     * little smaller at a time until it fits (down to {@link FormulaView#MIN_SHRINK}): a class reads
     * one screen of formulas better than a scrolled one.
     */
    private void showFormulas(StepThrough.Frame frame) {
        panel.formulas.setShrink(1);
        writeFormulas(frame);
        while (panel.formulas.shrink() > FormulaView.MIN_SHRINK && panel.formulasOverflow()) {
            panel.formulas.setShrink(panel.formulas.shrink() - SHRINK_STEP);
            writeFormulas(frame);
        }
    }

    private void writeFormulas(StepThrough.Frame frame) {
        int digits = panel.digits();
        panel.formulas.clear();
        panel.matrices.clear();
        if (frame.subStep().isEmpty()) {
            showEpoch(frame);
            return;
        }
        SubStep step = frame.subStep().get();
        if (predict.explains(frame)) {
            panel.formulas.addHeading(describe(step, frame));
            predict.write(frame, panel.formulas);
            panel.matrices.addNote(messages.get("predict.matricesLater"));
            return;
        }
        FormulaBuilder builder = frame.pass().formulas(frame.column());
        Explanation explanation = builder.explain(step);
        // What the user clicked comes first: it is what they just asked about.
        if (picked != null) {
            Explanation about = switch (picked) {
                case GraphTarget.Neuron(int layer, int neuron) -> builder.neuron(step, layer, neuron);
                case GraphTarget.Edge(int layer, int neuron, int input) -> builder.edge(step, layer, neuron, input);
                case GraphTarget.Input _ -> throw new IllegalStateException(NEURONS_AND_EDGES_ONLY);
            };
            panel.formulas.addHeading(describePick(picked));
            if (about.formulas().isEmpty()) {
                panel.formulas.addNote(messages.get("step.picked.nothingYet"));
            } else {
                panel.formulas.addFormulas(about.formulas(), digits);
            }
        }
        panel.formulas.addHeading(describe(step, frame));
        panel.formulas.addFormulas(explanation.formulas(), digits);
        panel.matrices.addHeading(messages.get("step.matrix.heading"));
        if (explanation.matrixForm().isEmpty()) {
            panel.matrices.addNote(messages.get(frame.granularity() == Granularity.NEURON
                    ? "step.matrix.perLayer" : "step.matrix.none"));
        } else {
            panel.matrices.addFormulas(explanation.matrixForm(), digits);
        }
    }

    /** An epoch leaves no working, only what every weight was and became. */
    private void showEpoch(StepThrough.Frame frame) {
        StepPass pass = frame.pass();
        panel.formulas.addHeading(messages.format("step.epoch", pass.before().epoch(), pass.after().epoch()));
        panel.formulas.addNote(messages.format("step.epoch.note",
                number(pass.before().trainMetrics().loss()), number(pass.after().trainMetrics().loss())));
        panel.matrices.addHeading(messages.get("step.epoch.matrices"));
        Font font = Font.font(MathTypesetter.FAMILY, overlay.scaled(17));
        for (int l = 0; l < pass.layerCount(); l++) {
            HBox row = new HBox(10, new Label(layerName(l, pass.layerCount())),
                    new MatrixView(pass.before().network().layer(l).weights(), panel.digits(), font, palette.text()),
                    new Label("→"),
                    new MatrixView(pass.after().network().layer(l).weights(), panel.digits(), font, palette.text()));
            row.setAlignment(Pos.CENTER_LEFT);
            panel.matrices.getChildren().add(row);
        }
    }

    private String number(double value) {
        return SignificantNumber.plain(value, panel.digits());
    }

    /** "Pass 2 · step 3 of 13 · Forward: hidden layer 1, neuron 2" for the graph's banner. */
    private String banner(StepThrough.Frame frame) {
        String what = frame.subStep().map(step -> describe(step, frame))
                .orElseGet(() -> messages.format("step.epoch", frame.pass().before().epoch(), frame.pass().after().epoch()));
        return messages.format("step.banner", frame.pass().number(), frame.index() + 1, frame.count(), what);
    }

    private String describe(SubStep step, StepThrough.Frame frame) {
        int layers = frame.pass().layerCount();
        return switch (step) {
            case SubStep.ForwardNeuron(int layer, int neuron) -> messages.format(
                    normalised(frame, layer) ? "step.describe.forwardNormalised" : "step.describe.forwardNeuron",
                    neuronName(layer, neuron, layers));
            case SubStep.ForwardLayer(int layer) -> messages.format(
                    normalised(frame, layer) ? "step.describe.forwardNormalised" : "step.describe.forwardLayer",
                    layerName(layer, layers));
            case SubStep.ComputeLoss() -> messages.get("step.describe.loss");
            case SubStep.BackwardNeuron(int layer, int neuron) ->
                    messages.format("step.describe.backwardNeuron", neuronName(layer, neuron, layers));
            case SubStep.BackwardLayer(int layer) -> messages.format("step.describe.backwardLayer", layerName(layer, layers));
            case SubStep.Gradients(int layer) -> messages.format("step.describe.gradients", layerName(layer, layers));
            case SubStep.Update(int layer) -> messages.format("step.describe.update", layerName(layer, layers));
            case SubStep.GradientsNeuron(int layer, int neuron) ->
                    messages.format("step.describe.gradientsNeuron", neuronName(layer, neuron, layers));
            case SubStep.UpdateNeuron(int layer, int neuron) ->
                    messages.format("step.describe.updateNeuron", neuronName(layer, neuron, layers));
            case SubStep.Normalise(int layer) -> messages.format("step.describe.normalise", layerName(layer, layers));
            case SubStep.ScaleAndShift(int layer) -> messages.format("step.describe.scaleAndShift", layerName(layer, layers));
            case SubStep.BackwardNormalise(int layer) ->
                    messages.format("step.describe.backwardNormalise", layerName(layer, layers));
        };
    }

    /** Whether the pass's layer normalised its batch, so that its activation waits for its own sub-steps. */
    private static boolean normalised(StepThrough.Frame frame, int layer) {
        return frame.pass().trace().map(trace -> trace.layers().get(layer).batchNorm().isPresent()).orElse(false);
    }

    private String describePick(GraphTarget pick) {
        int layers = model.frame().orElseThrow().pass().layerCount();
        return switch (pick) {
            case GraphTarget.Neuron(int layer, int neuron) ->
                    messages.format("step.picked.neuron", neuronName(layer, neuron, layers));
            case GraphTarget.Edge(int layer, int neuron, int input) -> messages.format("step.picked.edge",
                    layer == 0 ? messages.format("step.name.input", input + 1) : neuronName(layer - 1, input, layers),
                    neuronName(layer, neuron, layers));
            case GraphTarget.Input _ -> throw new IllegalStateException(NEURONS_AND_EDGES_ONLY);
        };
    }

    private String neuronName(int layer, int neuron, int layers) {
        return layer == layers - 1
                ? messages.format("step.name.outputNeuron", neuron + 1)
                : messages.format("step.name.hiddenNeuron", layer + 1, neuron + 1);
    }

    private String layerName(int layer, int layers) {
        return layer == layers - 1 ? messages.get("step.name.outputLayer") : messages.format("step.name.hiddenLayer", layer + 1);
    }

    // --- controls ---

    private void wireControls() {
        panel.back.setOnAction(event -> back());
        panel.next.setOnAction(event -> next());
        panel.end.setOnAction(event -> skipToEnd());
        panel.play.setOnAction(event -> togglePlay());
        panel.passSize.valueProperty().addListener((property, before, size) -> {
            if (!syncing) {
                model.setPassSize(size);
                ringFocus();
                syncControls();
            }
        });
        panel.stepSize.valueProperty().addListener((property, before, size) -> {
            if (!syncing) {
                model.setStepSize(size);
                render(false);
            }
        });
        panel.speed.valueProperty().addListener((property, before, speed) -> animation.setSpeed(speed.doubleValue()));
        panel.digits.valueProperty().addListener((property, before, digits) -> {
            if (isOn()) {
                render(false);
            }
        });
        panel.column.valueProperty().addListener((property, before, column) -> {
            if (!syncing && column != null) {
                model.setColumn(column - 1);
                render(false);
            }
        });
        panel.history.valueProperty().addListener((property, before, position) -> {
            if (!syncing && position.intValue() != model.position()) {
                model.seek(position.intValue());
                moved(false);
            }
        });
    }

    /** Sets every control to match the model, without their listeners acting on it. */
    private void syncControls() {
        syncing = true;
        try {
            Optional<StepThrough.Frame> frame = model.frame();
            panel.back.setDisable(!model.canGoBack());
            panel.next.setDisable(model.isWaiting());
            panel.end.setDisable(frame.map(StepThrough.Frame::atEnd).orElse(true));
            int positions = model.positions();
            panel.history.setDisable(positions < 2);
            panel.history.setMax(Math.max(0, positions - 1));
            panel.history.setValue(model.position());
            panel.historyText.setText(frame.isEmpty() ? messages.get("step.history.empty")
                    : messages.format("step.history.position", frame.get().pass().number(), model.passCount()));
            int batch = frame.map(f -> f.pass().batchSize()).orElse(0);
            boolean batched = batch > 1;
            panel.column.setVisible(batched);
            panel.column.setManaged(batched);
            panel.columnLabel.setVisible(batched);
            panel.columnLabel.setManaged(batched);
            if (batched) {
                panel.column.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, batch,
                        frame.get().column() + 1));
            }
            panel.passText.setText(passText(frame));
        } finally {
            syncing = false;
        }
    }

    private String passText(Optional<StepThrough.Frame> frame) {
        if (frame.isEmpty()) {
            return nextText(true);
        }
        StepPass pass = frame.get().pass();
        String shown = switch (pass.size()) {
            case SAMPLE -> pass.sample() < 0 ? messages.format("step.pass.unknownSample", pass.number())
                    // Batch normalisation cannot learn from one sample: the trainer stepped its mini-batch.
                    : pass.batchSize() > 1 ? messages.format("step.pass.sampleInBatch", pass.number(), pass.sample() + 1,
                            point(pass.before().trainPoints(), pass.sample()), pass.batchSize())
                    : messages.format("step.pass.sample", pass.number(), pass.sample() + 1,
                            point(pass.before().trainPoints(), pass.sample()));
            case BATCH -> messages.format("step.pass.batch", pass.number(), pass.batchSize());
            case EPOCH -> messages.format("step.pass.epoch", pass.number());
        };
        return shown + "   ·   " + nextText(false);
    }

    /** What the next new pass will train; with the chosen point's values when nothing else is on show. */
    private String nextText(boolean withPoint) {
        return switch (model.passSize()) {
            case SAMPLE -> withPoint
                    ? messages.format("step.chosenSample", model.focus() + 1, point(
                            model.live().map(live -> live.lab().trainPoints()).orElse(List.of()), model.focus()))
                    : messages.format("step.nextSample", model.focus() + 1);
            case BATCH -> messages.get("step.nextBatch");
            case EPOCH -> messages.get("step.nextEpoch");
        };
    }

    /** "x₁ = 0.05, x₂ = 0.1 → 0.01, 0.99": a training point and what it should produce. */
    private String point(List<DataPoint> points, int sample) {
        return PointText.of(messages, points, sample, panel.digits());
    }

    /** The switch that turns the mode on, for the tour to point at. */
    public ToggleButton toggle() {
        return toggle;
    }

    // --- for tests ---

    public StepThroughPanel panel() {
        return panel;
    }

    StepOverlay overlay() {
        return overlay;
    }

    PredictMode predict() {
        return predict;
    }

    public StepThrough model() {
        return model;
    }

    StepAnimation animation() {
        return animation;
    }
}
