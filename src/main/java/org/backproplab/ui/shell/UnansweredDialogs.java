package org.backproplab.ui.shell;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.backproplab.ui.files.Dialogs;
import org.backproplab.ui.files.ExerciseRequest;
import org.backproplab.ui.files.FileKind;

/**
 * The dialogs of a window that nobody answers: the random-input soak's. Every question is noted
 * and answered as a user who cancels would, instead of a modal dialog that would wait for ever.
 * The soak never chooses what asks (see {@link LabMenu#asks}), so any question noted here came
 * from something unexpected: a file chooser reached by another way, or a problem shown as an alert.
 */
final class UnansweredDialogs implements Dialogs {

    private final List<String> asked = new ArrayList<>();

    @Override
    public Optional<Path> open(FileKind kind) {
        asked.add("a file chooser to open " + kind);
        return Optional.empty();
    }

    @Override
    public Optional<Path> save(FileKind kind, String name) {
        asked.add("a file chooser to save " + kind + " as " + name);
        return Optional.empty();
    }

    @Override
    public UnsavedChoice unsavedChanges() {
        asked.add("save the changes before closing?");
        return UnsavedChoice.CANCEL;
    }

    @Override
    public boolean restoreRecovery() {
        asked.add("restore the recovery copy?");
        return false;
    }

    @Override
    public Optional<Path> folder() {
        asked.add("a folder chooser");
        return Optional.empty();
    }

    @Override
    public Optional<ExerciseRequest> exerciseSheets(ExerciseRequest suggested) {
        asked.add("how many exercise sheets?");
        return Optional.empty();
    }

    @Override
    public Optional<String> playgroundLink() {
        asked.add("a TensorFlow Playground link");
        return Optional.empty();
    }

    @Override
    public void done(String header, String message) {
        asked.add("done: " + header + ": " + message);
    }

    @Override
    public void problem(String header, String message) {
        asked.add("a problem: " + header + ": " + message);
    }

    /** What the window asked, in order; FX thread only. */
    List<String> asked() {
        return List.copyOf(asked);
    }
}
