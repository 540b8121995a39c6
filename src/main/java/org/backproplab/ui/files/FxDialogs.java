package org.backproplab.ui.files;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.backproplab.ui.common.Messages;

/** The real dialogs: the platform's file choosers and JavaFX alerts, over the lab's window. */
public final class FxDialogs implements Dialogs {

    private final Window owner;
    private final Messages messages;
    /** Where the last chooser ended, so the next one starts there. */
    private File folder;

    public FxDialogs(Window owner, Messages messages) {
        this.owner = owner;
        this.messages = messages;
    }

    @Override
    public Optional<Path> open(FileKind kind) {
        FileChooser chooser = chooser(kind, "files.open.title");
        return remember(chooser.showOpenDialog(owner));
    }

    @Override
    public Optional<Path> save(FileKind kind, String name) {
        FileChooser chooser = chooser(kind, "files.save.title");
        chooser.setInitialFileName(name);
        return remember(chooser.showSaveDialog(owner));
    }

    @Override
    public UnsavedChoice unsavedChanges() {
        ButtonType save = new ButtonType(messages.get("files.unsaved.save"), ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType(messages.get("files.unsaved.discard"), ButtonBar.ButtonData.NO);
        ButtonType cancel = new ButtonType(messages.get("files.unsaved.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, messages.get("files.unsaved.text"), save, discard, cancel);
        alert.initOwner(owner);
        alert.setTitle(messages.get("files.unsaved.title"));
        alert.setHeaderText(messages.get("files.unsaved.header"));
        ButtonType answer = alert.showAndWait().orElse(cancel);
        return answer == save ? UnsavedChoice.SAVE : answer == discard ? UnsavedChoice.DISCARD : UnsavedChoice.CANCEL;
    }

    @Override
    public boolean restoreRecovery() {
        ButtonType restore = new ButtonType(messages.get("files.recovery.restore"), ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType(messages.get("files.recovery.discard"), ButtonBar.ButtonData.NO);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, messages.get("files.recovery.text"), restore, discard);
        alert.initOwner(owner);
        alert.setTitle(messages.get("files.recovery.title"));
        alert.setHeaderText(messages.get("files.recovery.header"));
        return alert.showAndWait().orElse(discard) == restore;
    }

    @Override
    public Optional<Path> folder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(messages.get("files.folder.title"));
        if (folder != null && folder.isDirectory()) {
            chooser.setInitialDirectory(folder);
        }
        File chosen = chooser.showDialog(owner);
        if (chosen != null) {
            folder = chosen;
        }
        return Optional.ofNullable(chosen).map(File::toPath);
    }

    @Override
    public Optional<ExerciseRequest> exerciseSheets(ExerciseRequest suggested) {
        return new ExerciseSheetsDialog(owner, messages, suggested).ask();
    }

    @Override
    public Optional<String> playgroundLink() {
        return new PlaygroundLinkDialog(owner, messages).ask();
    }

    @Override
    public void done(String header, String message) {
        tell(Alert.AlertType.INFORMATION, header, message);
    }

    @Override
    public void problem(String header, String message) {
        tell(Alert.AlertType.ERROR, header, message);
    }

    /** A message that asks nothing, so the lab goes on while it shows. */
    private void tell(Alert.AlertType type, String header, String message) {
        Alert alert = new Alert(type, message);
        alert.initOwner(owner);
        alert.setTitle(messages.get("files.problem.title"));
        alert.setHeaderText(header);
        alert.show();
    }

    private FileChooser chooser(FileKind kind, String titleKey) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get(titleKey));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(
                messages.get(kind.messageKey()), "*." + kind.extension()));
        if (folder != null && folder.isDirectory()) {
            chooser.setInitialDirectory(folder);
        }
        return chooser;
    }

    private Optional<Path> remember(File chosen) {
        if (chosen != null) {
            folder = chosen.getParentFile();
        }
        return Optional.ofNullable(chosen).map(File::toPath);
    }
}
