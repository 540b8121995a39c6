package org.backproplab.ui.compare;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.backproplab.engine.Initializer;
import org.backproplab.lesson.Comparison;
import org.backproplab.lesson.Lesson;
import org.backproplab.lesson.LessonException;
import org.backproplab.lesson.LessonFile;
import org.backproplab.training.ComparisonRun;
import org.backproplab.training.FaultLog;
import org.backproplab.training.Trainer;
import org.backproplab.training.TrainerCommand;
import org.backproplab.training.TrainerSnapshot;
import org.backproplab.ui.charts.ComparisonCharts;
import org.backproplab.ui.common.Messages;
import org.backproplab.ui.common.NoticeText;
import org.backproplab.ui.common.NumberText;
import org.backproplab.ui.common.Palette;
import org.backproplab.ui.common.Tips;
import org.backproplab.ui.files.Dialogs;
import org.backproplab.ui.files.FileKind;

/**
 * Two runs side by side, in a window of their own: A, the lab as it was forked, and B, the same
 * with the settings the class changes. Each run has its own trainer thread and its graph and
 * decision boundary; one chart carries both losses. Play, pause and the epoch step drive both at
 * once, and they keep in lockstep. Like the lab's window, this one only takes the trainers' latest
 * snapshots each frame and sends commands: it never waits for training.
 *
 * <p>Leaving (the button, or closing the window) goes back to A: the lab goes on with run A's
 * network as it is then, or stays as it was if A never moved. Closed by the lab instead (it closes,
 * or loads another lesson), the comparison ends without handing anything back.
 */
public final class CompareWindow {

    /** Epochs per second both runs start at: slow enough to watch, as the lab's own start is. */
    private static final double SPEED = 10;
    /** Heatmap cells per side: each run's views get half the lab's width, so half the lab's cells show as sharp. */
    private static final int HEATMAP_RESOLUTION = 100;
    /** Room left on the screen for the window's title bar, which the window manager adds above the scene. */
    private static final double TITLE_BAR = 40;

    private final Stage stage;
    private final Messages messages;
    private final ComparisonRun run;
    private final RunColumn columnA;
    private final RunColumn columnB;
    private final SettingsOfB settingsOfB;
    private final ComparisonCharts charts;
    private final StepSideBySide stepThrough;
    private final DifferenceText differences;
    private final ToggleButton play;
    private final Label epoch = new Label();
    private final Label saved = new Label();
    private final AnimationTimer frames;
    private final NumberText numbers;
    private final Consumer<Optional<Lesson>> backToA;
    /** Run A as forked: leaving with A still so changes nothing in the lab. */
    private final Lesson startOfA;
    private final Dialogs dialogs;
    private TrainerSnapshot latestA;
    private TrainerSnapshot latestB;
    private boolean left;
    /** Paused and each run finishing its epoch: once both have, the one behind catches up. */
    private boolean liningUp;

    /**
     * Opens the comparison in a window over {@code owner} and starts both runs, paused.
     *
     * @param backToA told when the user leaves the comparison: run A's lesson as it stands then, or none if A
     *                is still as forked (the lab then stays as it is, its history and file untouched)
     */
    public static CompareWindow open(Window owner, Comparison comparison, Palette palette, Messages messages,
            String stylesheet, Dialogs dialogs, FaultLog faults, Consumer<Optional<Lesson>> backToA) {
        return new CompareWindow(owner, comparison, palette, messages, stylesheet, dialogs, faults, backToA);
    }

    private CompareWindow(Window owner, Comparison comparison, Palette palette, Messages messages, String stylesheet,
            Dialogs dialogs, FaultLog faults, Consumer<Optional<Lesson>> backToA) {
        this.messages = messages;
        this.backToA = backToA;
        this.dialogs = dialogs;
        this.numbers = new NumberText(messages.locale());
        this.differences = new DifferenceText(messages);
        this.run = new ComparisonRun(comparison, HEATMAP_RESOLUTION, faults);
        columnA = new RunColumn("compare-a", messages.get("compare.runA"), palette, messages);
        columnB = new RunColumn("compare-b", messages.get("compare.runB"), palette, messages);
        columnA.setChanges(messages.get("compare.asForked"));
        settingsOfB = new SettingsOfB(messages, run.b()::send, this::restartWith, comparison.startOfB());
        charts = new ComparisonCharts(palette, messages);
        charts.setPrefHeight(190);
        stepThrough = new StepSideBySide(messages, palette, run::sendBoth);


        play = new ToggleButton(messages.get("toolbar.play"));
        play.setId("compare-play");
        play.setTooltip(Tips.of(messages.get("compare.play.tip")));
        play.setOnAction(event -> {
            if (play.isSelected()) {
                columnA.setNotice("");
                columnB.setNotice("");
                run.sendBoth(new TrainerCommand.Play());
            } else {
                pauseLinedUp();
            }
        });
        Button stepEpoch = new Button(messages.get("compare.stepEpoch"));
        stepEpoch.setId("compare-step-epoch");
        stepEpoch.setTooltip(Tips.of(messages.get("compare.stepEpoch.tip")));
        stepEpoch.setOnAction(event -> {
            run.sendBoth(new TrainerCommand.StepEpoch());
            liningUp = true;
        });
        epoch.setId("compare-epoch");
        saved.setId("compare-saved");
        ToggleButton stepping = new ToggleButton(messages.get("compare.stepThrough"));
        stepping.setId("compare-step-through");
        stepping.setTooltip(Tips.of(messages.get("compare.stepThrough.tip")));
        Button save = new Button(messages.get("compare.save"));
        save.setId("compare-save");
        save.setTooltip(Tips.of(messages.get("compare.save.tip")));
        save.setOnAction(event -> save());
        Button back = new Button(messages.get("compare.back"));
        back.setId("compare-back");
        back.setTooltip(Tips.of(messages.get("compare.back.tip")));
        back.setOnAction(event -> leave());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(8, play, stepEpoch, stepping, epoch, gap, saved, save, back);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("toolbar");
        bar.setPadding(new Insets(6, 8, 6, 8));

        // Two equal columns, A left and B right, whatever B's line of changes asks for.
        GridPane runs = new GridPane(12, 4);
        for (int column = 0; column < 2; column++) {
            ColumnConstraints half = new ColumnConstraints();
            half.setPercentWidth(50);
            runs.getColumnConstraints().add(half);
        }
        runs.addRow(0, columnA.header(), columnB.header());
        runs.addRow(1, columnA.views(), columnB.views());
        RowConstraints headers = new RowConstraints();
        RowConstraints views = new RowConstraints();
        views.setVgrow(Priority.ALWAYS);
        runs.getRowConstraints().addAll(headers, views);
        charts.setMinHeight(120);
        VBox body = new VBox(6, settingsOfB, runs, charts);
        // The formulas of a pass want as much room as the drawings: half the window's body each.
        stepThrough.prefHeightProperty().bind(body.heightProperty().multiply(0.5));
        // Stepping through one pass needs the room the charts had: they give way to the formulas meanwhile.
        stepping.selectedProperty().addListener((property, was, on) -> {
            body.getChildren().set(2, on ? stepThrough : charts);
            VBox.setVgrow(runs, on ? Priority.NEVER : Priority.ALWAYS);
            VBox.setVgrow(stepThrough, on ? Priority.ALWAYS : Priority.NEVER);
            if (on && latestA.trace().isEmpty()) {
                run.sendBoth(new TrainerCommand.StepSample(0));
            }
        });
        VBox.setVgrow(runs, Priority.ALWAYS);
        body.setPadding(new Insets(0, 8, 8, 8));
        BorderPane root = new BorderPane(body);
        root.setTop(bar);
        root.getStyleClass().addAll("lab", "compare");

        stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle(messages.format("compare.window", comparison.a().words(messages.locale()).title()));
        // As large as the lab's own window, over which it opens, and no larger than the screen leaves room for.
        Rectangle2D screen = Screen.getScreensForRectangle(owner.getX(), owner.getY(), owner.getWidth(), owner.getHeight())
                .stream().findFirst().orElse(Screen.getPrimary()).getVisualBounds();
        Scene scene = new Scene(root, Math.min(owner.getScene().getWidth(), screen.getWidth()),
                Math.min(owner.getScene().getHeight(), screen.getHeight() - TITLE_BAR));
        scene.getStylesheets().add(stylesheet);
        stage.setScene(scene);
        stage.setOnHidden(event -> leave());

        frames = new AnimationTimer() {
            @Override
            public void handle(long now) {
                Optional<TrainerSnapshot> a = run.a().take();
                Optional<TrainerSnapshot> b = run.b().take();
                a.ifPresent(snapshot -> latestA = snapshot);
                b.ifPresent(snapshot -> latestB = snapshot);
                if (a.isPresent() || b.isPresent()) {
                    show();
                }
            }
        };
        latestA = run.a().take().orElseThrow();
        latestB = run.b().take().orElseThrow();
        startOfA = latestA.lessonNow();
        show();
        run.sendBoth(new TrainerCommand.SetSpeed(SPEED));
        run.start();
        frames.start();
        stage.show();
    }

    /** The button that opens a comparison, for the lab's toolbar. */
    public static Button toolbarButton(Messages messages, Runnable compare) {
        Button button = new Button(messages.get("compare.menu"));
        button.setId("toolbar-compare");
        button.setTooltip(Tips.of(messages.get("compare.menu.tip")));
        button.setFocusTraversable(false);
        button.setOnAction(event -> compare.run());
        return button;
    }

    /** The window, for tests to find their way around it. */
    public Stage stage() {
        return stage;
    }

    private void show() {
        columnA.show(latestA.lab());
        columnB.show(latestB.lab());
        columnB.setChanges(differences.of(new Comparison(latestA.settings(), latestB.settings()).differences()));
        settingsOfB.show(latestB, latestB.commandsApplied() == run.b().commandsSent());
        charts.show(latestA, latestB);
        boolean settled = isSettled(run.a(), latestA) && isSettled(run.b(), latestB);
        stepThrough.show(latestA, latestB, settled);
        // The epoch both have finished: the one run ahead by a step is about to be joined by the other.
        epoch.setText(messages.format("compare.epoch", numbers.fixed(Math.min(latestA.epoch(), latestB.epoch()), 0)));
        latestA.notice().ifPresent(notice -> columnA.setNotice(NoticeText.of(notice, messages).text()));
        latestB.notice().ifPresent(notice -> columnB.setNotice(NoticeText.of(notice, messages).text()));
        if (settled) {
            boolean both = latestA.playing() && latestB.playing();
            if (play.isSelected() && !both) {
                // One run stopped by itself (it diverged, failed, or refused to play): the other would
                // wait for it at the gate forever, seeming to play.
                run.sendBoth(new TrainerCommand.Pause());
            } else if (liningUp) {
                liningUp = false;
                run.lineUp(latestA, latestB);
            }
            play.setSelected(both);
        }
        play.setText(messages.get(play.isSelected() ? "toolbar.pause" : "toolbar.play"));
    }

    /**
     * B with another initializer: both runs start again, A from where it was forked and B from weights
     * drawn with that initializer from the same seed (or A's own again, back on A's initializer), so
     * the race is from the start once more, in everything but the starting weights.
     */
    private void restartWith(Initializer initializer) {
        Lesson b = latestB.settings().withInitializer(initializer);
        run.a().send(new TrainerCommand.LoadLesson(startOfA));
        run.b().send(new TrainerCommand.LoadLesson(new Comparison(startOfA, b).startOfB()));
    }

    /**
     * Pauses both runs at the end of one epoch: each finishes the epoch it is in, and once both have,
     * the one the gate let lag behind catches up, so both graphs show the same epoch.
     */
    private void pauseLinedUp() {
        run.pauseAtEpochEnd();
        liningUp = true;
    }

    private static boolean isSettled(Trainer trainer, TrainerSnapshot snapshot) {
        return snapshot.commandsApplied() == trainer.commandsSent();
    }

    /**
     * Saves the comparison from its start (A's lesson as forked, B's settings as they are now), so
     * opening the file runs the same race again. Written off the FX thread: a slow disk must not
     * stop the frames.
     */
    private void save() {
        Comparison comparison = new Comparison(latestA.settings(), latestB.settings());
        String name = latestA.settings().words(messages.locale()).title();
        dialogs.save(FileKind.LESSON, name).ifPresent(file -> Thread.ofVirtual().start(() -> write(comparison, file)));
    }

    private void write(Comparison comparison, Path file) {
        try {
            LessonFile.write(comparison, file);
            Platform.runLater(() -> saved.setText(messages.format("compare.saved", file.getFileName())));
        } catch (LessonException e) {
            Platform.runLater(() -> dialogs.problem(messages.get("compare.saveFailed"), e.getMessage()));
        }
    }

    /** The user ends the comparison: both trainers stop, and the lab takes run A as it stands, if it moved. */
    private void leave() {
        if (!left) {
            end();
            Lesson a = latestA.lessonNow();
            backToA.accept(a.equals(startOfA) ? Optional.empty() : Optional.of(a));
        }
    }

    /** Ends the comparison and hands nothing back: the lab closes, or goes on with another lesson. */
    public void close() {
        if (!left) {
            end();
        }
    }

    private void end() {
        left = true;
        frames.stop();
        // Off the FX thread: closing waits a moment for each trainer to finish what it was doing.
        Thread.ofVirtual().start(run::close);
        stage.hide();
    }
}
