package org.backproplab.ui;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import javafx.animation.Animation;
import javafx.animation.AnimationTimer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.backproplab.lesson.Lesson;
import org.backproplab.training.Trainer;
import org.backproplab.training.TrainerCommand;
import org.backproplab.training.TrainerSnapshot;
import org.controlsfx.control.SegmentedButton;
import org.controlsfx.control.ToggleSwitch;

/**
 * The live lab in a stage: a trainer thread for the lesson, the view with its controls around it,
 * and the frame loop between them. Controls only send commands, which never wait; each frame takes
 * at most one snapshot, the newest, so the FX thread never waits on training and never falls
 * behind it. Closing the stage stops the trainer.
 */
public final class LabWindow {

    static final double DEFAULT_WIDTH = 1280;
    static final double DEFAULT_HEIGHT = 800;
    static final double MIN_WIDTH = 860;
    static final double MIN_HEIGHT = 560;
    /** Below this width the settings panel folds away by itself, leaving the drawings the room. */
    static final double ROOM_FOR_SETTINGS = 1100;
    /**
     * Epochs per second a new window trains at: slow enough to watch the boundary form, fast
     * enough not to wait for it. "As fast as possible" is one click away.
     */
    static final double DEFAULT_SPEED = 100;
    /** Cells per side of every heatmap: smooth at the size the boundary is drawn, cheap to recompute. */
    static final int HEATMAP_RESOLUTION = 150;
    /** How often the recovery copy is refreshed while there are unsaved changes. */
    static final Duration RECOVERY_INTERVAL = Duration.seconds(30);
    static final String RECENT_FILE = "recent-files.txt";

    /** Sees every frame: when it began, how long the lab's work in it took, and the newest snapshot. */
    interface FrameObserver {
        void frame(long now, long workNanos, TrainerSnapshot latest);
    }

    private final Stage stage;
    private final Messages messages;
    private final Trainer trainer;
    private final LabView view;
    private final TrainingBar toolbar;
    private final SettingsPanel settings;
    private final LayerStrip strip;
    private final ChartCard charts;
    private final GraphInteraction interaction;
    private final NoticeBanner notices;
    private final Throughput throughput = new Throughput();
    private final ToggleSwitch testPoints = new ToggleSwitch();
    private final StepThroughMode stepThrough;
    private final GradientCheckPanel gradientCheck;
    private final PointEditor pointEditor;
    private final LabFiles files;
    /** Brings the recovery copy up to date now and then while there are unsaved changes. */
    private final Timeline recoveryCopies;
    private final AnimationTimer frames;
    private final PreferencesStore preferencesStore;
    private Preferences preferences;
    private TrainerSnapshot latest;
    private FrameObserver observer = (now, work, snapshot) -> { };

    /**
     * Where the window keeps what outlives it.
     *
     * @param dialogs the file choosers and questions (tests answer them themselves)
     * @param home    the folder for the recent-files list and the recovery copy; empty keeps neither
     */
    record Desk(Dialogs dialogs, Optional<Path> home) {
    }

    private LabWindow(Stage stage, Lesson lesson, Messages messages, Trainer trainer, Desk desk) {
        this.stage = stage;
        this.messages = messages;
        this.trainer = trainer;
        this.preferencesStore = new PreferencesStore(desk.home());
        this.preferences = preferencesStore.load();
        this.view = new LabView(Palette.STANDARD, messages);
        this.toolbar = new TrainingBar(messages, this::send);
        this.settings = new SettingsPanel(messages, this::send, lesson);
        this.strip = new LayerStrip(messages, this::send, view.graph());
        this.charts = new ChartCard(Palette.STANDARD, messages);
        this.interaction = new GraphInteraction(view.graph(), view.boundary(), messages, this::send);
        // Point editing gives way to the step-through, which picks its sample with a click on the boundary.
        this.pointEditor = new PointEditor(view.boundary(), messages, Palette.STANDARD, this::send,
                this::pointsEditable);
        view.addLiveControls(new LiveControls(toolbar, settings, strip, edgeToggle(), boundaryToggles(), charts));
        settings.visibleProperty().bind(toolbar.settingsShownProperty());
        settings.managedProperty().bind(toolbar.settingsShownProperty());
        toolbar.settingsShownProperty().set(true);
        this.notices = new NoticeBanner(view, messages, this::send);
        this.stepThrough = new StepThroughMode(view, messages, this::send);
        this.gradientCheck = new GradientCheckPanel(messages, this::send, stepThrough::focusedSample);
        view.addSidePanel(gradientCheck.toggle(), gradientCheck);
        // The check needs the room more than the settings do: they fold away while it is open.
        gradientCheck.toggle().selectedProperty().addListener((property, was, open) ->
                toolbar.settingsShownProperty().set(!open));
        this.files = new LabFiles(desk.dialogs(), messages, this::send, this::latest,
                new RecentFiles(desk.home().map(home -> home.resolve(RECENT_FILE))), new Recovery(desk.home()));
        Exports exports = new Exports(desk.dialogs(), messages, this::latest, files::suggestedName);
        view.addMenuBar(LabMenu.create(messages, files, exports, notices, view.graph(), view.boundary(), this::quit));
        this.recoveryCopies = new Timeline(new KeyFrame(RECOVERY_INTERVAL, event -> files.keepRecoveryCopy()));
        recoveryCopies.setCycleCount(Animation.INDEFINITE);
        // Following one pass, the class needs the room, not the training controls: they fold away meanwhile.
        stepThrough.onProperty().addListener((property, was, on) -> view.setLiveControlsShown(!on));
        this.frames = new AnimationTimer() {
            @Override
            public void handle(long now) {
                long start = System.nanoTime();
                trainer.take().ifPresent(snapshot -> show(snapshot, now));
                observer.frame(now, System.nanoTime() - start, latest);
            }
        };
    }

    /**
     * Opens the lesson in {@code stage} and starts its trainer, which trains when asked: the view shows the
     * lesson at once, and follows the trainer from the next frame on.
     */
    public static LabWindow open(Stage stage, Lesson lesson, Messages messages) {
        return open(stage, lesson, messages, Optional.empty());
    }

    /**
     * As {@link #open(Stage, Lesson, Messages)}, keeping recent files and a recovery copy in
     * {@code home} (the application passes a folder in the user's home), and offering back the
     * recovery copy a session that did not close left there.
     */
    public static LabWindow open(Stage stage, Lesson lesson, Messages messages, Optional<Path> home) {
        return open(stage, lesson, messages, window -> new Desk(new FxDialogs(window, messages), home));
    }

    /** Opens the window with the dialogs and home folder a test chooses. */
    static LabWindow open(Stage stage, Lesson lesson, Messages messages, Function<Stage, Desk> desk) {
        Trainer trainer = new Trainer(lesson, HEATMAP_RESOLUTION);
        LabWindow window = open(stage, lesson, messages, trainer, desk.apply(stage));
        trainer.start();
        window.files.offerRecovery();
        return window;
    }

    static LabWindow open(Stage stage, Lesson lesson, Messages messages, Trainer trainer) {
        return open(stage, lesson, messages, trainer, new Desk(new FxDialogs(stage, messages), Optional.empty()));
    }

    /**
     * Opens the window on a trainer made for {@code lesson} and leaves starting it to the caller,
     * so a test can hold the trainer back and see that the window never waits for it.
     */
    private static LabWindow open(Stage stage, Lesson lesson, Messages messages, Trainer trainer, Desk desk) {
        LabWindow window = new LabWindow(stage, lesson, messages, trainer, desk);
        window.trainer.take().ifPresent(snapshot -> window.show(snapshot, System.nanoTime()));
        window.send(new TrainerCommand.SetSpeed(DEFAULT_SPEED));
        Scene scene = new Scene(window.notices, DEFAULT_WIDTH, DEFAULT_HEIGHT);
        scene.getStylesheets().add(Objects.requireNonNull(LabWindow.class.getResource("lab.css")).toExternalForm());
        scene.widthProperty().addListener((property, before, width) -> {
            if (before.doubleValue() >= ROOM_FOR_SETTINGS && width.doubleValue() < ROOM_FOR_SETTINGS) {
                window.toolbar.settingsShownProperty().set(false);
            }
        });
        stage.setScene(scene);
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        stage.setOnHidden(event -> window.close());
        stage.setOnCloseRequest(event -> {
            if (!window.files.mayClose()) {
                event.consume();
            }
        });
        DroppedFiles.accept(scene, window.files::dropped);
        stage.show();
        // Keys go to the drawing, not to the first setting: a presenter's clicker must not change the data set.
        window.view.graph().requestFocus();
        window.frames.start();
        window.recoveryCopies.play();
        return window;
    }

    public LabView view() {
        return view;
    }

    /** Sends a command to the trainer; returns at once. */
    public void send(TrainerCommand command) {
        files.sent(command);
        trainer.send(command);
    }

    /** Stops the frame loop and the trainer thread; the work is saved or dropped, so no recovery copy stays. */
    public void close() {
        frames.stop();
        recoveryCopies.stop();
        trainer.close();
        files.closed();
    }

    /** Closes the window as its close button does: asking first about unsaved changes. */
    private void quit() {
        if (files.mayClose()) {
            stage.hide();
        }
    }

    /** What this window remembers between runs. */
    Preferences preferences() {
        return preferences;
    }

    /** Changes what the window remembers, and keeps it for the next run. */
    void updatePreferences(UnaryOperator<Preferences> change) {
        preferences = change.apply(preferences);
        preferencesStore.save(preferences);
    }

    private boolean pointsEditable() {
        return !stepThrough.onProperty().get();
    }

    LabFiles files() {
        return files;
    }

    /** Step-through mode, which shows the views itself while it is on. */
    public StepThroughMode stepThrough() {
        return stepThrough;
    }

    /** The newest snapshot shown. */
    TrainerSnapshot latest() {
        return latest;
    }

    /** How many commands the window has sent the trainer so far. */
    long commandsSent() {
        return trainer.commandsSent();
    }

    /** Lets a benchmark watch every frame. */
    void observeFrames(FrameObserver frameObserver) {
        observer = frameObserver;
    }

    GraphInteraction interaction() {
        return interaction;
    }

    private void show(TrainerSnapshot snapshot, long now) {
        latest = snapshot;
        // Controls take their values from a snapshot only once it shows every command sent.
        boolean settled = snapshot.commandsApplied() >= trainer.commandsSent();
        // While stepping through, the step-through decides what the views show.
        if (!stepThrough.offer(snapshot)) {
            view.show(snapshot.lab());
        }
        toolbar.show(snapshot, settled);
        settings.show(snapshot, settled);
        strip.show(snapshot.settings());
        charts.show(snapshot);
        gradientCheck.show(snapshot);
        interaction.show(snapshot.lab(), settled);
        pointEditor.show(snapshot.lab(), settled);
        files.show(snapshot);
        if (snapshot.playing()) {
            throughput.record(now, snapshot.epoch());
        } else {
            throughput.clear();
        }
        view.status().showPace(snapshot.playing(), throughput.epochsPerSecond());
        boolean anyTestPoints = !snapshot.lab().testPoints().isEmpty();
        testPoints.setVisible(anyTestPoints);
        testPoints.setManaged(anyTestPoints);
        snapshot.notice().ifPresent(notices::show);
        stage.setTitle(messages.format("window.title", snapshot.lab().title()));
    }

    /** Weights, gradients or steps on the graph's edges. */
    private Node edgeToggle() {
        SegmentedButton choice = new SegmentedButton();
        for (EdgeValue value : EdgeValue.values()) {
            ToggleButton button = new ToggleButton(messages.get("edges." + value.key()));
            button.setTooltip(new Tooltip(messages.get("edges." + value.key() + ".tip")));
            button.setId("edges-" + value.key());
            button.setFocusTraversable(false);
            button.setSelected(value == EdgeValue.WEIGHT);
            button.setOnAction(event -> {
                button.setSelected(true);
                view.setEdgeValue(value);
            });
            choice.getButtons().add(button);
        }
        choice.getStyleClass().add("card-toggle");
        return choice;
    }

    /** Test points on or off, and a discrete (decision-only) background. */
    private Node boundaryToggles() {
        testPoints.setText(messages.get("boundary.showTest"));
        testPoints.setId("show-test-points");
        testPoints.setSelected(true);
        testPoints.setFocusTraversable(false);
        testPoints.selectedProperty().addListener((property, was, show) -> {
            view.setShowTestPoints(show);
            if (latest != null) {
                view.show(latest.lab());
            }
        });
        ToggleSwitch discrete = new ToggleSwitch(messages.get("boundary.discrete"));
        discrete.setId("discrete");
        discrete.setFocusTraversable(false);
        discrete.setTooltip(new Tooltip(messages.get("boundary.discrete.tip")));
        discrete.selectedProperty().addListener((property, was, on) -> view.boundary().setDiscrete(on));
        VBox toggles = new VBox(4, pointEditor.tools(), testPoints, discrete);
        toggles.setAlignment(Pos.CENTER_RIGHT);
        toggles.getStyleClass().add("boundary-toggles");
        return toggles;
    }
}
