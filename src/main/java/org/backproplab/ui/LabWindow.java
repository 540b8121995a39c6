package org.backproplab.ui;

import java.util.Objects;
import javafx.animation.AnimationTimer;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.backproplab.lesson.Lesson;
import org.backproplab.training.Trainer;
import org.backproplab.training.TrainerCommand;
import org.backproplab.training.TrainerSnapshot;

/**
 * The lab in a stage: a trainer thread for the lesson, the view, and the frame loop between them.
 * Each frame takes at most one snapshot, the newest, so the FX thread never waits on training and
 * never falls behind it. Closing the stage stops the trainer.
 */
public final class LabWindow {

    static final double DEFAULT_WIDTH = 1280;
    static final double DEFAULT_HEIGHT = 800;
    static final double MIN_WIDTH = 860;
    static final double MIN_HEIGHT = 560;
    /** Cells per side of every heatmap: smooth at the size the boundary is drawn, cheap to recompute. */
    static final int HEATMAP_RESOLUTION = 150;

    private final Stage stage;
    private final Messages messages;
    private final Trainer trainer;
    private final LabView view;
    private final StepThroughMode stepThrough;
    private final AnimationTimer frames;

    private LabWindow(Stage stage, Lesson lesson, Messages messages) {
        this.stage = stage;
        this.messages = messages;
        this.trainer = new Trainer(lesson, HEATMAP_RESOLUTION);
        this.view = new LabView(Palette.STANDARD, messages);
        this.stepThrough = new StepThroughMode(view, messages, trainer::send);
        this.frames = new AnimationTimer() {
            @Override
            public void handle(long now) {
                trainer.take().ifPresent(LabWindow.this::show);
            }
        };
    }

    /**
     * Opens the lesson in {@code stage}: the view shows the lesson at once, and follows the trainer
     * from the next frame on.
     */
    public static LabWindow open(Stage stage, Lesson lesson, Messages messages) {
        LabWindow window = new LabWindow(stage, lesson, messages);
        window.trainer.take().ifPresent(window::show);
        Scene scene = new Scene(window.view, DEFAULT_WIDTH, DEFAULT_HEIGHT);
        scene.getStylesheets().add(Objects.requireNonNull(LabWindow.class.getResource("lab.css")).toExternalForm());
        stage.setScene(scene);
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        stage.setOnHidden(event -> window.close());
        stage.show();
        window.trainer.start();
        window.frames.start();
        return window;
    }

    public LabView view() {
        return view;
    }

    /** Sends a command to the trainer; returns at once. */
    public void send(TrainerCommand command) {
        trainer.send(command);
    }

    /** Stops the frame loop and the trainer thread. */
    public void close() {
        frames.stop();
        trainer.close();
    }

    /** Step-through mode, which shows the views itself while it is on. */
    public StepThroughMode stepThrough() {
        return stepThrough;
    }

    private void show(TrainerSnapshot snapshot) {
        if (!stepThrough.offer(snapshot)) {
            view.show(snapshot.lab());
        }
        stage.setTitle(messages.format("window.title", snapshot.lab().title()));
    }
}
