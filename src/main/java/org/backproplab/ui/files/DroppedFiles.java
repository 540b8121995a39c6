package org.backproplab.ui.files;

import java.nio.file.Path;
import java.util.function.Predicate;
import javafx.scene.Scene;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;

/** Opens a file dragged onto the window from the desktop (a lesson, or a points file). */
public final class DroppedFiles {

    private DroppedFiles() {
    }

    /** @param open takes the dropped file and returns whether it could do anything with it */
    public static void accept(Scene scene, Predicate<Path> open) {
        scene.addEventHandler(DragEvent.DRAG_OVER, event -> {
            if (event.getDragboard().hasFiles() && event.getDragboard().getFiles().size() == 1) {
                event.acceptTransferModes(TransferMode.COPY);
            }
            event.consume();
        });
        scene.addEventHandler(DragEvent.DRAG_DROPPED, event -> {
            boolean done = event.getDragboard().hasFiles()
                    && open.test(event.getDragboard().getFiles().getFirst().toPath());
            event.setDropCompleted(done);
            event.consume();
        });
    }
}
