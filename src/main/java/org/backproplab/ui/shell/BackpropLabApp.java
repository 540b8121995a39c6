package org.backproplab.ui.shell;

import java.nio.file.Path;
import java.util.Optional;
import javafx.application.Application;
import javafx.event.EventHandler;
import javafx.scene.control.Alert;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.backproplab.lesson.LessonException;
import org.backproplab.ui.common.Messages;

/**
 * The Backprop Lab window, opened on the lesson file given as the first argument or on the default
 * lesson. A lesson file that cannot be used never stops the window from opening: the default
 * lesson is shown and an alert says what is wrong with the file.
 */
public final class BackpropLabApp extends Application {

    @Override
    public void start(Stage stage) {
        Messages messages = Messages.forDefaultLocale();
        StartupLesson startup = StartupLesson.choose(getParameters().getRaw());
        stage.getIcons().setAll(AppIcon.images());
        // Sized while it is being shown, before the window manager places it: on a desktop a window
        // resized once it is on screen may be put back where the manager first placed it.
        stage.addEventHandler(WindowEvent.WINDOW_SHOWING, new EventHandler<>() {
            @Override
            public void handle(WindowEvent event) {
                // Once: the stage's size is the user's from then on.
                stage.removeEventHandler(WindowEvent.WINDOW_SHOWING, this);
                LabWindow.fitToScreen(stage);
            }
        });
        LabWindow.open(stage, startup.lesson(), startup.file(), startup.comparison(), messages, Optional.of(home()));
        startup.problem().ifPresent(problem -> report(problem, stage, messages));
    }

    /** Names another folder for the recent-files list and the recovery copy (tests keep out of the user's). */
    static final String HOME_PROPERTY = "backproplab.home";

    /** Where the recent-files list and the recovery copy are kept: a folder in the user's home. */
    private static Path home() {
        String chosen = System.getProperty(HOME_PROPERTY);
        return chosen != null ? Path.of(chosen) : Path.of(System.getProperty("user.home"), ".backprop-lab");
    }

    private static void report(LessonException problem, Stage owner, Messages messages) {
        Alert alert = new Alert(Alert.AlertType.ERROR, problem.getMessage());
        alert.initOwner(owner);
        alert.setTitle(messages.get("lesson.error.title"));
        alert.setHeaderText(messages.get("lesson.error.header"));
        // Not showAndWait: the lab behind the alert is already usable, and start() must return.
        alert.show();
    }
}
