package org.backproplab.ui.testing;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.backproplab.ui.files.Dialogs;
import org.backproplab.ui.files.FileKind;

/** Dialogs answered by the test: the files to choose, the choices to make, and the problems shown. */
public final class ScriptedDialogs implements Dialogs {

    public final Deque<Path> filesToChoose = new ArrayDeque<>();
    public final List<String> problems = new ArrayList<>();
    public UnsavedChoice onUnsaved = UnsavedChoice.CANCEL;
    public boolean restore;
    public int unsavedAsked;
    /** How often the user was asked where to save a file. */
    public int saveAsked;
    public int recoveryOffered;

    @Override
    public Optional<Path> open(FileKind kind) {
        return Optional.ofNullable(filesToChoose.poll());
    }

    @Override
    public Optional<Path> save(FileKind kind, String name) {
        saveAsked++;
        return Optional.ofNullable(filesToChoose.poll());
    }

    @Override
    public UnsavedChoice unsavedChanges() {
        unsavedAsked++;
        return onUnsaved;
    }

    @Override
    public boolean restoreRecovery() {
        recoveryOffered++;
        return restore;
    }

    @Override
    public void problem(String header, String message) {
        problems.add(header + "\n" + message);
    }
}
