package org.backproplab.ui.testing;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.backproplab.ui.files.Dialogs;
import org.backproplab.ui.files.ExerciseRequest;
import org.backproplab.ui.files.FileKind;

/** Dialogs answered by the test: the files to choose, the choices to make, and the problems shown. */
public final class ScriptedDialogs implements Dialogs {

    public final Deque<Path> filesToChoose = new ArrayDeque<>();
    public final List<String> problems = new CopyOnWriteArrayList<>();
    /** Folders to choose, one per question; none left means the user cancelled. */
    public final Deque<Path> foldersToChoose = new ArrayDeque<>();
    /** What to answer when asked for exercise sheets; empty means the user cancelled. */
    public Optional<ExerciseRequest> exerciseAnswer = Optional.empty();
    /** What the dialog proposed, the last time it was asked. */
    public ExerciseRequest exerciseSuggested;
    /** The "done" messages shown, header and text joined by a line break. Written on the FX thread. */
    public final List<String> done = new CopyOnWriteArrayList<>();
    /** Links to paste, one per question; none left means the user cancelled. */
    public final Deque<String> linksToPaste = new ArrayDeque<>();
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
    public Optional<Path> folder() {
        return Optional.ofNullable(foldersToChoose.poll());
    }

    @Override
    public Optional<ExerciseRequest> exerciseSheets(ExerciseRequest suggested) {
        exerciseSuggested = suggested;
        return exerciseAnswer;
    }

    @Override
    public Optional<String> playgroundLink() {
        return Optional.ofNullable(linksToPaste.poll());
    }

    @Override
    public void problem(String header, String message) {
        problems.add(header + "\n" + message);
    }

    @Override
    public void done(String header, String message) {
        done.add(header + "\n" + message);
    }
}
