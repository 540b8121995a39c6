package org.backproplab.ui.files;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The questions the lab asks in modal dialogs. Behind an interface because the real file choosers
 * do not exist on a headless test machine: tests answer in their place.
 */
public interface Dialogs {

    /** What to do with unsaved changes when the window closes. */
    enum UnsavedChoice { SAVE, DISCARD, CANCEL }

    /** A file of {@code kind} to open, or empty if the user cancelled. */
    Optional<Path> open(FileKind kind);

    /** Where to write a file of {@code kind}, suggesting {@code name}; empty if the user cancelled. */
    Optional<Path> save(FileKind kind, String name);

    /** Asked on close while the lesson has unsaved changes. */
    UnsavedChoice unsavedChanges();

    /** Asked on start when a previous session left a recovery copy: whether to restore it. */
    boolean restoreRecovery();

    /** A folder to write files into, or empty if the user cancelled. */
    Optional<Path> folder();

    /** How many exercise sheets to write and from which seed, proposing {@code suggested}; empty if cancelled. */
    Optional<ExerciseRequest> exerciseSheets(ExerciseRequest suggested);

    /** A TensorFlow Playground link to open as a lesson, as pasted; empty if the user cancelled. */
    Optional<String> playgroundLink();

    /** Tells the user something went wrong, with the reason in one message. */
    void problem(String header, String message);

    /** Tells the user something they asked for, that finished out of sight, is done. */
    void done(String header, String message);
}
