package org.backproplab.ui;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** Dialogs answered by the test: the files to choose, the choices to make, and the problems shown. */
final class ScriptedDialogs implements Dialogs {

    final Deque<Path> filesToChoose = new ArrayDeque<>();
    final List<String> problems = new ArrayList<>();
    UnsavedChoice onUnsaved = UnsavedChoice.CANCEL;
    boolean restore;
    int unsavedAsked;
    int recoveryOffered;

    @Override
    public Optional<Path> open(FileKind kind) {
        return Optional.ofNullable(filesToChoose.poll());
    }

    @Override
    public Optional<Path> save(FileKind kind, String name) {
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
