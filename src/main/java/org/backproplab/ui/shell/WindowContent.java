package org.backproplab.ui.shell;

import java.util.List;
import java.util.OptionalDouble;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.VBox;
import org.backproplab.training.TrainerCommand;
import org.backproplab.training.TrainerSnapshot;
import org.backproplab.ui.boundary.PointEditor;
import org.backproplab.ui.charts.ChartCard;
import org.backproplab.ui.common.Messages;
import org.backproplab.ui.compare.CompareWindow;
import org.backproplab.ui.common.Palette;
import org.backproplab.ui.common.Preferences;
import org.backproplab.ui.common.Tips;
import org.backproplab.ui.files.Exports;
import org.backproplab.ui.gradcheck.GradientCheckPanel;
import org.backproplab.ui.landscape.LandscapePanel;
import org.backproplab.ui.graph.EdgeValue;
import org.backproplab.ui.graph.GraphInteraction;
import org.backproplab.ui.graph.LayerStrip;
import org.backproplab.ui.help.Tour;
import org.backproplab.ui.settings.SettingsPanel;
import org.backproplab.ui.stepthrough.StepThrough;
import org.backproplab.ui.stepthrough.StepThroughMode;
import org.backproplab.ui.view.LabLayout;
import org.backproplab.ui.view.LiveControls;
import org.controlsfx.control.PopOver;
import org.controlsfx.control.SegmentedButton;
import org.controlsfx.control.ToggleSwitch;

/**
 * Everything inside the {@link LabWindow} that has words or colours, in one {@link Look}: the
 * {@link LabLayout} with its views, every control around them, the menus, the notices and the
 * step-through. The window throws it away and builds a new one when the language or theme changes.
 * It holds no work of its own: what it shows comes from snapshots, what the user does goes out as
 * commands, and the choices that are only about viewing ({@link Choices}) are handed to the next
 * content when the look changes.
 */
final class WindowContent {

    private final Look look;
    private final LabLayout layout;
    private final TrainingBar toolbar;
    private final SettingsPanel settings;
    private final LayerStrip strip;
    private final ChartCard charts;
    private final GraphInteraction interaction;
    private final NoticeBanner notices;
    private final ToggleSwitch testPoints = new ToggleSwitch();
    private final ToggleSwitch discrete = new ToggleSwitch();
    private final StepThroughMode stepThrough;
    private final GradientCheckPanel gradientCheck;
    private final LandscapePanel landscape;
    private final PointEditor pointEditor;
    private final EditMenu edits;
    /** The Help menu, which also runs the tour. */
    private final HelpMenu help;
    private EdgeValue edgeValue = EdgeValue.WEIGHT;
    /** Whether the settings were shown when the gradient check or the landscape opened and folded them away. */
    private boolean settingsBeforeCheck = true;
    private TrainerSnapshot latest;

    /**
     * What the user chose about viewing, which a new look keeps.
     *
     * @param stepping the step-through's passes and position, so a pass being explained stays on screen
     * @param settingsBeforeCheck whether the settings come back when the open gradient check closes
     * @param landscape whether the landscape is open, and its plane
     */
    record Choices(EdgeValue edgeValue, boolean testPointsShown, boolean discrete, boolean stepThroughOn,
            StepThrough stepping, boolean gradientCheckOpen, boolean settingsBeforeCheck, LandscapePanel.Choice landscape) {

        static Choices first() {
            return new Choices(EdgeValue.WEIGHT, true, false, false, StepThroughMode.freshModel(), false, true,
                    LandscapePanel.Choice.first());
        }
    }

    /**
     * Builds all of the window's content in {@code look}: the layout with its views and controls,
     * the menus and the remembered folds and dividers. The only place content is made, for a new
     * window and on every change of look alike.
     */
    WindowContent(LabWindow window, Look look, Choices choices) {
        this.look = look;
        Messages messages = look.messages();
        Palette palette = look.palette();
        Consumer<TrainerCommand> send = window::send;
        this.layout = new LabLayout(palette, messages);
        this.toolbar = new TrainingBar(messages, send);
        this.edits = new EditMenu(messages, send);
        toolbar.addAfterReset(edits.buttons());
        toolbar.addBeforeSettings(CompareWindow.toolbarButton(messages, window::compare));
        this.settings = new SettingsPanel(messages, send, window.lesson());
        this.strip = new LayerStrip(messages, send, layout.graph());
        this.charts = new ChartCard(palette, messages);
        this.interaction = new GraphInteraction(layout.graph(), layout.boundary(), messages, send);
        // Point editing gives way to the step-through, which picks its sample with a click on the boundary.
        this.pointEditor = new PointEditor(layout.boundary(), messages, palette, send, this::pointsEditable);
        layout.addLiveControls(new LiveControls(toolbar, settings, strip, edgeToggle(choices.edgeValue()),
                boundaryToggles(choices), charts));
        this.notices = new NoticeBanner(layout, messages, send);
        this.stepThrough = new StepThroughMode(layout, messages, palette, send, choices.stepping());
        // Following one pass, the class needs the room, not the training controls: they fold away meanwhile.
        stepThrough.onProperty().addListener((property, was, on) -> layout.setLiveControlsShown(!on));
        stepThrough.setOn(choices.stepThroughOn());
        this.gradientCheck = new GradientCheckPanel(messages, send, stepThrough::focusedSample);
        layout.addSidePanel(gradientCheck.toggle(), gradientCheck);
        this.landscape = new LandscapePanel(messages, palette, layout.graph(), window.faults());
        layout.addSidePanel(landscape.toggle(), landscape);
        // The side panels need the room more than the settings do: they fold away while one is open,
        // and come back as they were when the last closes.
        foldSettingsWhileOpen(gradientCheck.toggle(), landscape.toggle());
        foldSettingsWhileOpen(landscape.toggle(), gradientCheck.toggle());
        gradientCheck.toggle().setSelected(choices.gradientCheckOpen());
        landscape.restore(choices.landscape());
        // Opening it again here saw the settings already folded: what comes back is what the user had.
        settingsBeforeCheck = choices.settingsBeforeCheck();
        // The menus speak the look's language too, so they are made here with the rest.
        MenuBar menuBar = LabMenu.create(messages, window.files(),
                new Exports(window.dialogs(messages), messages, window::latest, window.files()::suggestedName),
                layout, layout.graph(), layout.boundary(), window::quit);
        this.help = new HelpMenu(window.stage(), palette, messages, tourStops(menuBar),
                () -> window.updatePreferences(seen -> seen.withTourSeen(true)));
        edits.addTo(menuBar);
        Menu view = ViewMenu.create(messages, window.presentation(), window::compare);
        view.getItems().addAll(new SeparatorMenuItem(), landscape.menuItem());
        menuBar.getMenus().addAll(view, LanguageMenu.create(messages, window::speak), help.menu());
        layout.addMenuBar(menuBar);
        rememberFolds(window);
    }

    /** The lesson card folded and the dividers placed as the user left them, in this run or an earlier one. */
    private void rememberFolds(LabWindow window) {
        Preferences preferences = window.preferences();
        layout.lessonCard().foldedProperty().set(preferences.lessonFolded());
        layout.lessonCard().foldedProperty().addListener((property, was, folded) ->
                window.updatePreferences(chosen -> chosen.withLessonFolded(folded)));
        layout.splitMemory().load(layout, preferences.dividers(),
                positions -> window.updatePreferences(chosen -> chosen.withDividers(positions)));
    }

    /** The tour's bubbles: the parts a newcomer meets first, in the order they would use them. */
    private List<Tour.Stop> tourStops(MenuBar menuBar) {
        return List.of(
                new Tour.Stop("graph", layout::graph, PopOver.ArrowLocation.LEFT_CENTER, 0.97, 0.5),
                new Tour.Stop("boundary", layout::boundary, PopOver.ArrowLocation.RIGHT_CENTER, 0.05, 0.5),
                new Tour.Stop("train", () -> toolbar.lookup("#play"), PopOver.ArrowLocation.TOP_LEFT, 0.5, 1),
                new Tour.Stop("rate", () -> settings.lookup("#learning-rate"), PopOver.ArrowLocation.LEFT_CENTER, 1, 0.5),
                new Tour.Stop("step", stepThrough::toggle, PopOver.ArrowLocation.TOP_RIGHT, 0.5, 1),
                new Tour.Stop("menu", () -> menuBar, PopOver.ArrowLocation.TOP_LEFT, 0.1, 1));
    }

    /** The node the scene shows: the layout under its notice bar. */
    Parent root() {
        return notices;
    }

    Look look() {
        return look;
    }

    /** The bar for what the trainer (or the window, about the trainer) has to tell the user. */
    NoticeBanner notices() {
        return notices;
    }

    LabLayout layout() {
        return layout;
    }

    StepThroughMode stepThrough() {
        return stepThrough;
    }

    GraphInteraction interaction() {
        return interaction;
    }

    TrainingBar toolbar() {
        return toolbar;
    }

    SettingsPanel settings() {
        return settings;
    }

    HelpMenu help() {
        return help;
    }

    Choices choices() {
        return new Choices(edgeValue, testPoints.isSelected(), discrete.isSelected(), stepThrough.isOn(),
                stepThrough.model(), gradientCheck.toggle().isSelected(), settingsBeforeCheck, landscape.choice());
    }

    /** Draws every drawing's lines, points and labels {@code scale} times their normal size. */
    void setDrawingScale(double scale) {
        layout.setDrawingScale(scale);
        toolbar.setScale();
        charts.setDrawingScale(scale);
        stepThrough.setDrawingScale(scale);
    }

    /** Settings fold away when {@code panel} opens while {@code other} is closed, and come back when both are closed. */
    private void foldSettingsWhileOpen(ToggleButton panel, ToggleButton other) {
        panel.selectedProperty().addListener((property, was, open) -> {
            if (open && !other.isSelected()) {
                settingsBeforeCheck = toolbar.settingsShownProperty().get();
            }
            toolbar.settingsShownProperty().set(!open && !other.isSelected() && settingsBeforeCheck);
        });
    }

    /** Stops what runs by itself (animations, key handlers): the next content takes over. */
    void retire() {
        stepThrough.retire();
        landscape.retire();
    }

    /**
     * Shows a snapshot in every view and control.
     *
     * @param settled whether the snapshot reflects every command sent, so controls may take its values
     */
    void show(TrainerSnapshot snapshot, boolean settled, OptionalDouble epochsPerSecond) {
        latest = snapshot;
        // While stepping through, the step-through decides what the views show.
        if (!stepThrough.offer(snapshot)) {
            layout.show(snapshot.lab());
        }
        toolbar.show(snapshot, settled);
        settings.show(snapshot, settled);
        strip.show(snapshot.settings());
        charts.show(snapshot);
        gradientCheck.show(snapshot);
        landscape.show(snapshot);
        interaction.show(snapshot.lab(), settled);
        pointEditor.show(snapshot.lab(), settled);
        edits.show(snapshot.undoRedo(), settled);
        layout.status().showPace(snapshot.playing(), epochsPerSecond);
        boolean anyTestPoints = !snapshot.lab().testPoints().isEmpty();
        testPoints.setVisible(anyTestPoints);
        testPoints.setManaged(anyTestPoints);
        snapshot.notice().ifPresent(notices::show);
    }

    private boolean pointsEditable() {
        return !stepThrough.onProperty().get();
    }

    /** Weights, gradients or steps on the graph's edges. */
    private Node edgeToggle(EdgeValue chosen) {
        Messages messages = look.messages();
        SegmentedButton choice = new SegmentedButton();
        for (EdgeValue value : EdgeValue.values()) {
            ToggleButton button = new ToggleButton(messages.get("edges." + value.key()));
            button.setTooltip(Tips.of(messages.get("edges." + value.key() + ".tip")));
            button.setId("edges-" + value.key());
            button.setFocusTraversable(false);
            button.setSelected(value == chosen);
            button.setOnAction(event -> {
                button.setSelected(true);
                showEdges(value);
            });
            choice.getButtons().add(button);
        }
        choice.getStyleClass().add("card-toggle");
        if (chosen != EdgeValue.WEIGHT) {
            showEdges(chosen);
        }
        return choice;
    }

    private void showEdges(EdgeValue value) {
        edgeValue = value;
        layout.setEdgeValue(value);
    }

    /** Test points on or off, and a discrete (decision-only) background. */
    private Node boundaryToggles(Choices choices) {
        Messages messages = look.messages();
        testPoints.setText(messages.get("boundary.showTest"));
        testPoints.setId("show-test-points");
        testPoints.setTooltip(Tips.of(messages.get("tip.boundary.showTest")));
        testPoints.setSelected(choices.testPointsShown());
        layout.setShowTestPoints(choices.testPointsShown());
        testPoints.setFocusTraversable(false);
        testPoints.selectedProperty().addListener((property, was, show) -> {
            layout.setShowTestPoints(show);
            if (latest != null) {
                layout.show(latest.lab());
            }
        });
        discrete.setText(messages.get("boundary.discrete"));
        discrete.setId("discrete");
        discrete.setFocusTraversable(false);
        discrete.setTooltip(Tips.of(messages.get("boundary.discrete.tip")));
        discrete.setSelected(choices.discrete());
        layout.boundary().setDiscrete(choices.discrete());
        discrete.selectedProperty().addListener((property, was, on) -> layout.boundary().setDiscrete(on));
        VBox toggles = new VBox(4, pointEditor.tools(), testPoints, discrete);
        toggles.setAlignment(Pos.CENTER_RIGHT);
        toggles.getStyleClass().add("boundary-toggles");
        return toggles;
    }
}
