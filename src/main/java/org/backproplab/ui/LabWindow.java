package org.backproplab.ui;

import java.util.Objects;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.backproplab.lesson.Experiment;
import org.backproplab.training.LabSnapshot;

/** Puts the lab into a stage: the size a projector shows well, the stylesheet, the lesson in the title. */
public final class LabWindow {

    static final double DEFAULT_WIDTH = 1280;
    static final double DEFAULT_HEIGHT = 800;
    static final double MIN_WIDTH = 860;
    static final double MIN_HEIGHT = 560;
    /** Cells per side of every heatmap: smooth at the size the boundary is drawn, cheap to recompute. */
    static final int HEATMAP_RESOLUTION = 150;

    private LabWindow() {
    }

    /** Shows the experiment as it stands now in {@code stage} and returns the view, ready for new snapshots. */
    public static LabView open(Stage stage, Experiment experiment, Messages messages) {
        LabView view = new LabView(Palette.STANDARD, messages);
        LabSnapshot snapshot = LabSnapshot.capture(experiment, HEATMAP_RESOLUTION);
        view.show(snapshot);
        Scene scene = new Scene(view, DEFAULT_WIDTH, DEFAULT_HEIGHT);
        scene.getStylesheets().add(Objects.requireNonNull(LabWindow.class.getResource("lab.css")).toExternalForm());
        stage.setScene(scene);
        stage.setTitle(messages.format("window.title", snapshot.title()));
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        stage.show();
        return view;
    }
}
