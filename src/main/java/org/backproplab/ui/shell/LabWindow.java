package org.backproplab.ui.shell;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import javafx.animation.Animation;
import javafx.animation.AnimationTimer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.backproplab.lesson.Comparison;
import org.backproplab.lesson.Lesson;
import org.backproplab.training.FaultLog;
import org.backproplab.training.Trainer;
import org.backproplab.training.TrainerCommand;
import org.backproplab.training.TrainerSnapshot;
import org.backproplab.ui.bench.Throughput;
import org.backproplab.ui.common.Messages;
import org.backproplab.ui.compare.CompareWindow;
import org.backproplab.ui.common.Preferences;
import org.backproplab.ui.files.Dialogs;
import org.backproplab.ui.files.DroppedFiles;
import org.backproplab.ui.files.FxDialogs;
import org.backproplab.ui.files.LabFiles;
import org.backproplab.ui.files.RecentFiles;
import org.backproplab.ui.files.Recovery;
import org.backproplab.ui.graph.GraphInteraction;
import org.backproplab.ui.stepthrough.StepThroughMode;
import org.backproplab.ui.view.LabLayout;

/**
 * The live lab in a stage: a trainer thread for the lesson, the {@link WindowContent} that shows it
 * (rebuilt whole when the language or theme changes), and the frame loop between them; the files,
 * the preferences and the presentation outlive every content. Controls only send commands, which never wait; each frame takes
 * at most one snapshot, the newest, so the FX thread never waits on training and never falls
 * behind it. Closing the stage stops the trainer.
 */
public final class LabWindow {

    static final double DEFAULT_WIDTH = 1280;
    static final double DEFAULT_HEIGHT = 800;
    static final double MIN_WIDTH = 860;
    static final double MIN_HEIGHT = 560;
    /** How much of a screen larger than the window's own size a new window takes. */
    static final double LARGE_SCREEN_SHARE = 0.9;
    /** Below this width the settings panel folds away by itself, leaving the drawings the room. */
    static final double ROOM_FOR_SETTINGS = 1100;
    /**
     * Epochs per second a new window trains at: slow enough to watch the boundary form, fast
     * enough not to wait for it. "As fast as possible" is one click away.
     */
    static final double DEFAULT_SPEED = 100;
    /** Cells per side of every heatmap: smooth at the size the boundary is drawn, cheap to recompute. */
    public static final int HEATMAP_RESOLUTION = 150;
    /** How often the recovery copy is refreshed while there are unsaved changes. */
    static final Duration RECOVERY_INTERVAL = Duration.seconds(30);
    static final String RECENT_FILE = "recent-files.txt";

    /** Sees every frame: when it began, how long the lab's work in it took, and the newest snapshot. */
    interface FrameObserver {
        void frame(long now, long workNanos, TrainerSnapshot latest);
    }

    private final Stage stage;
    private final Lesson lesson;
    private final Trainer trainer;
    private final Desk desk;
    /** Where the window's background work (the landscape, a comparison) logs its own bugs. */
    private final FaultLog faults;
    private final Throughput throughput = new Throughput();
    private final TrainerSilence silence = new TrainerSilence(System.nanoTime());
    private final LabFiles files;
    /** Brings the recovery copy up to date now and then while there are unsaved changes. */
    private final Timeline recoveryCopies;
    private final AnimationTimer frames;
    private final PreferencesStore preferencesStore;
    private Preferences preferences;
    /** Panels, full screen, size and theme: how the room sees all the content this window builds. */
    private final Presentation presentation;
    /** The content in the current look; replaced as a whole when the language or theme changes. */
    private WindowContent content;
    private TrainerSnapshot latest;
    private FrameObserver observer = (now, work, snapshot) -> { };
    /** The comparison forked from this lab, while its window is open. */
    private Optional<CompareWindow> comparing = Optional.empty();

    /**
     * Where the window keeps what outlives it.
     *
     * @param dialogs the file choosers and questions, in the window's language (tests answer them themselves)
     * @param home    the folder for preferences, the recent-files list and the recovery copy; empty keeps none
     */
    record Desk(DialogMaker dialogs, Optional<Path> home) {

        /** The same dialogs whatever the language: a test's scripted answers. */
        Desk(Dialogs fixed, Optional<Path> home) {
            this((owner, messages) -> fixed, home);
        }
    }

    /** Makes the window's dialogs in one language. */
    interface DialogMaker {
        Dialogs dialogs(Stage owner, Messages messages);
    }

    /** @param messages the system's language, used unless the user chose another one in an earlier run */
    private LabWindow(Stage stage, Lesson lesson, Messages messages, Trainer trainer, Desk desk) {
        this.stage = stage;
        this.lesson = lesson;
        this.trainer = trainer;
        this.desk = desk;
        this.faults = new FaultLog(desk.home());
        this.preferencesStore = new PreferencesStore(desk.home());
        this.preferences = preferencesStore.load();
        this.presentation = new Presentation(stage, this);
        Look look = new Look(preferences.language().map(Messages::forLocale).orElse(messages),
                Presentation.palette(preferences));
        this.files = new LabFiles(dialogs(look.messages()), look.messages(), this::send,
                this::latest, new RecentFiles(desk.home().map(home -> home.resolve(RECENT_FILE))),
                new Recovery(desk.home()), stage::hide);
        files.setOnComparison(this::compare);
        this.content = contentIn(look, WindowContent.Choices.first());
        this.recoveryCopies = new Timeline(new KeyFrame(RECOVERY_INTERVAL, event -> files.keepRecoveryCopy()));
        recoveryCopies.setCycleCount(Animation.INDEFINITE);
        this.frames = new AnimationTimer() {
            @Override
            public void handle(long now) {
                long start = System.nanoTime();
                trainer.take().ifPresentOrElse(snapshot -> {
                    if (silence.answered(now)) {
                        content.notices().trainerAnswered();
                    }
                    show(snapshot, now);
                }, () -> {
                    if (latest != null && silence.tooLong(now, latest.playing())) {
                        content.notices().showTrainerSilent();
                    }
                });
                // Last: a save the window waited for to close may close it now.
                trainer.takeSaves().forEach(files::saved);
                observer.frame(now, System.nanoTime() - start, latest);
            }
        };
    }

    /** New content in {@code look}, shown the way the room has it (panels, size, theme). */
    private WindowContent contentIn(Look look, WindowContent.Choices choices) {
        WindowContent made = new WindowContent(this, look, choices);
        presentation.apply(made);
        return made;
    }

    /**
     * Opens the lesson in {@code stage} and starts its trainer, which trains when asked: the view shows the
     * lesson at once, and follows the trainer from the next frame on.
     */
    public static LabWindow open(Stage stage, Lesson lesson, Messages messages) {
        return open(stage, lesson, Optional.empty(), messages, Optional.empty());
    }

    /**
     * As {@link #open(Stage, Lesson, Messages)}, keeping recent files and a recovery copy in
     * {@code home} (the application passes a folder in the user's home), and offering back the
     * recovery copy a session that did not close left there.
     *
     * @param file the file the lesson was read from, which Save writes back to if it is the user's; none for a
     *             shipped lesson opened by its name
     */
    public static LabWindow open(Stage stage, Lesson lesson, Optional<Path> file, Messages messages, Optional<Path> home) {
        return open(stage, lesson, file, Optional.empty(), messages, home);
    }

    /**
     * As {@link #open(Stage, Lesson, Optional, Messages, Optional)}, and opens the comparison the
     * lesson's file holds, unless the user takes back the recovery copy instead: restored work is
     * the lab's then, and leaving the comparison must not overwrite it.
     */
    public static LabWindow open(Stage stage, Lesson lesson, Optional<Path> file, Optional<Comparison> comparison,
            Messages messages, Optional<Path> home) {
        LabWindow window = open(stage, lesson, file, comparison, messages, owner -> new Desk(FxDialogs::new, home));
        // Only a window that can remember having shown the tour starts it by itself, or it would come every time.
        if (home.isPresent() && !window.preferences.tourSeen()) {
            // Once laid out, so that the bubble finds the parts it points at on screen.
            Platform.runLater(window.content.help().tour()::start);
        }
        return window;
    }

    /** Opens the window on a lesson of no file, with the dialogs and home folder a test chooses. */
    static LabWindow open(Stage stage, Lesson lesson, Messages messages, Function<Stage, Desk> desk) {
        return open(stage, lesson, Optional.empty(), Optional.empty(), messages, desk);
    }

    /**
     * Opens the window on the lesson read from {@code file}, if any, and the comparison that file holds, with
     * the dialogs and home folder a test chooses.
     */
    static LabWindow open(Stage stage, Lesson lesson, Optional<Path> file, Optional<Comparison> comparison,
            Messages messages, Function<Stage, Desk> desk) {
        Desk chosen = desk.apply(stage);
        // The trainer's own bugs are logged beside the preferences, where a teacher can find them to pass on.
        Trainer trainer = new Trainer(lesson, HEATMAP_RESOLUTION, new FaultLog(chosen.home()));
        LabWindow window = open(stage, lesson, messages, trainer, chosen);
        trainer.start();
        // Before the recovery offer: restored work replaces the lesson, and is then no longer this file's.
        file.ifPresent(opened -> window.files.opened(opened, comparison.isPresent()));
        if (!window.files.offerRecovery()) {
            comparison.ifPresent(window::compare);
        }
        return window;
    }

    static LabWindow open(Stage stage, Lesson lesson, Messages messages, Trainer trainer) {
        return open(stage, lesson, messages, trainer, new Desk(FxDialogs::new, Optional.empty()));
    }

    /**
     * Opens the window on a trainer made for {@code lesson} and leaves starting it to the caller,
     * so a test can hold the trainer back and see that the window never waits for it.
     */
    private static LabWindow open(Stage stage, Lesson lesson, Messages messages, Trainer trainer, Desk desk) {
        // A stage holding a window already (a test's stage, reused) lets that one go first: unseen, its
        // frame loop, recovery timer and trainer would run on, and the toolkit's timers would hold it.
        if (stage.getProperties().get(LabWindow.class) instanceof LabWindow previous) {
            previous.close();
        }
        LabWindow window = new LabWindow(stage, lesson, messages, trainer, desk);
        stage.getProperties().put(LabWindow.class, window);
        window.trainer.take().ifPresent(snapshot -> window.show(snapshot, System.nanoTime()));
        window.send(new TrainerCommand.SetSpeed(DEFAULT_SPEED));
        Scene scene = new Scene(window.content.root(), DEFAULT_WIDTH, DEFAULT_HEIGHT);
        scene.getStylesheets().add(stylesheet());
        scene.widthProperty().addListener((property, before, width) -> {
            if (before.doubleValue() >= window.roomForSettings() && width.doubleValue() < window.roomForSettings()) {
                window.content.toolbar().settingsShownProperty().set(false);
            }
        });
        stage.setScene(scene);
        // A stage that held another window before keeps its size unless told: this one starts at its own.
        stage.sizeToScene();
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        stage.setOnHidden(event -> window.close());
        stage.setOnCloseRequest(event -> {
            if (!window.files.mayClose()) {
                event.consume();
            }
        });
        DroppedFiles.accept(scene, window.files::dropped);
        window.presentation.start(scene);
        stage.show();
        // Keys go to the drawing, not to the first setting: a presenter's clicker must not change the data set.
        window.content.layout().graph().requestFocus();
        window.frames.start();
        window.recoveryCopies.play();
        return window;
    }

    /**
     * Gives the window the screen it opens on. A classroom projector often has fewer pixels than the
     * lab would like (1280×720, 1024×768): there the window opens maximised, and the layout folds what
     * does not fit. A large screen gets most of its area, so the drawings grow with it, rather than a
     * fixed-size window in its middle.
     */
    static void fitToScreen(Stage stage) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        if (screen.getWidth() < DEFAULT_WIDTH || screen.getHeight() < DEFAULT_HEIGHT) {
            stage.setMaximized(true);
        } else {
            stage.setWidth(Math.max(DEFAULT_WIDTH, screen.getWidth() * LARGE_SCREEN_SHARE));
            stage.setHeight(Math.max(DEFAULT_HEIGHT, screen.getHeight() * LARGE_SCREEN_SHARE));
            stage.centerOnScreen();
        }
    }

    /** Below this width the settings fold away by themselves, leaving the drawings the room. */
    double roomForSettings() {
        return ROOM_FOR_SETTINGS * preferences.scale();
    }

    /** The lab's look, for its scene and for the windows and bubbles it opens. */
    static String stylesheet() {
        return Objects.requireNonNull(LabWindow.class.getResource("/org/backproplab/ui/lab.css")).toExternalForm();
    }

    public LabLayout layout() {
        return content.layout();
    }

    /**
     * Builds the window's content afresh in another look (language or theme). The trainer keeps
     * training, the lesson and its file stay as they are, and the viewing choices (edge values,
     * toggles, a pass being stepped through) carry over to the new content.
     */
    void restyle(Look look) {
        WindowContent.Choices choices = content.choices();
        content.retire();
        boolean legendOpen = content.help().close();
        content = contentIn(look, choices);
        if (legendOpen) {
            content.help().showLegend();
        }
        files.speak(look.messages(), dialogs(look.messages()));
        stage.getScene().setRoot(content.root());
        if (latest != null) {
            show(latest, System.nanoTime());
        }
        content.layout().graph().requestFocus();
    }

    /** Forks the lab as it stands into two runs side by side: Compare…. */
    void compare() {
        compare(Comparison.fork(latest.lessonNow()));
    }

    /**
     * Opens {@code comparison} in a window of its own. The lab pauses meanwhile, leaving the machine's
     * two cores to the two runs, and takes run A back as it stands when the comparison ends.
     */
    void compare(Comparison comparison) {
        // One comparison at a time: two more trainers would leave each run a third of the machine.
        if (comparing.isPresent()) {
            comparing.get().stage().toFront();
            return;
        }
        send(new TrainerCommand.Pause());
        comparing = Optional.of(CompareWindow.open(stage, comparison, look().palette(), look().messages(), stylesheet(),
                dialogs(look().messages()), faults, this::backToA));
    }

    /** The user left the comparison: the lab goes on with run A, if A moved, or stays as it was. */
    private void backToA(Optional<Lesson> a) {
        comparing = Optional.empty();
        a.ifPresent(moved -> send(new TrainerCommand.LoadLesson(moved)));
    }

    /**
     * Ends the comparison, if one is open, handing nothing back: what the lab goes on with now (another
     * lesson, or nothing once it closes) must not be overwritten by run A later.
     */
    private void endComparison() {
        comparing.ifPresent(CompareWindow::close);
        comparing = Optional.empty();
    }

    /** Switches the window to another language, now and in the next runs. */
    public void speak(Locale language) {
        updatePreferences(chosen -> chosen.withLanguage(Optional.of(language)));
        restyle(new Look(Messages.forLocale(language), look().palette()));
    }

    /** The language and theme the window is drawn in now. */
    Look look() {
        return content.look();
    }

    /** Sends a command to the trainer; returns at once. Another lesson loaded ends the comparison, if one is open. */
    public void send(TrainerCommand command) {
        if (command instanceof TrainerCommand.LoadLesson) {
            endComparison();
        }
        files.sent(command);
        trainer.send(command);
    }

    /**
     * Stops the frame loop, what the content runs by itself (the landscape's worker thread and
     * timer) and the trainer thread; the work is saved or dropped, so no recovery copy stays. Safe
     * to call again: hiding the stage calls it after a test or a new window already has.
     */
    public void close() {
        endComparison();
        frames.stop();
        // An open landscape's timer and thread would otherwise run on and hold the whole old scene.
        content.retire();
        recoveryCopies.stop();
        presentation.stop();
        trainer.close();
        files.closed();
    }

    /** Closes the window as its close button does: asking first about unsaved changes. */
    void quit() {
        if (files.mayClose()) {
            stage.hide();
        }
    }

    Stage stage() {
        return stage;
    }

    /** The lesson the window opened with (the settings offer its own points back). */
    Lesson lesson() {
        return lesson;
    }

    /** The file choosers and questions, in {@code messages}' language. */
    Dialogs dialogs(Messages messages) {
        return desk.dialogs().dialogs(stage, messages);
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

    public LabFiles files() {
        return files;
    }

    /** Where the window's background work (the landscape) logs its own bugs: beside the trainer's, in the home folder. */
    FaultLog faults() {
        return faults;
    }

    Presentation presentation() {
        return presentation;
    }

    /** Step-through mode, which shows the views itself while it is on. */
    public StepThroughMode stepThrough() {
        return content.stepThrough();
    }

    /** The newest snapshot shown. */
    public TrainerSnapshot latest() {
        return latest;
    }

    /** How many commands the window has sent the trainer so far. */
    public long commandsSent() {
        return trainer.commandsSent();
    }

    /** Lets a benchmark watch every frame. */
    void observeFrames(FrameObserver frameObserver) {
        observer = frameObserver;
    }

    GraphInteraction interaction() {
        return content.interaction();
    }

    HelpMenu help() {
        return content.help();
    }

    private void show(TrainerSnapshot snapshot, long now) {
        latest = snapshot;
        // Controls take their values from a snapshot only once it shows every command sent.
        boolean settled = snapshot.commandsApplied() >= trainer.commandsSent();
        if (snapshot.playing()) {
            throughput.record(now, snapshot.epoch());
        } else {
            throughput.clear();
        }
        content.show(snapshot, settled, throughput.epochsPerSecond());
        Messages messages = content.look().messages();
        stage.setTitle(messages.format("window.title", snapshot.lab().words(messages.locale()).title()));
    }
}
