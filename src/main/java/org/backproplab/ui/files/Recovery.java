package org.backproplab.ui.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The recovery copy of the lesson: written now and then while there are unsaved changes, removed
 * when the changes are saved or the window closes cleanly. Finding one at start therefore means the
 * previous session ended without closing, and its work can be offered back.
 */
public final class Recovery {

    public static final String FILE_NAME = "recovery.json";

    private final Optional<Path> file;

    /** @param folder where the copy lives; empty for no recovery at all (tests of other things) */
    public Recovery(Optional<Path> folder) {
        this.file = folder.map(f -> f.resolve(FILE_NAME));
    }

    /** Where to write the copy now, with its folder made; empty when recovery is off or the folder cannot be made. */
    Optional<Path> target() {
        return file.filter(f -> {
            try {
                Files.createDirectories(f.toAbsolutePath().getParent());
                return true;
            } catch (IOException e) {
                return false;
            }
        });
    }

    /** The copy a previous session left behind, if any. */
    Optional<Path> left() {
        return file.filter(Files::isRegularFile);
    }

    /** Removes the copy; its work is saved or deliberately dropped. */
    void discard() {
        file.ifPresent(f -> {
            try {
                Files.deleteIfExists(f);
            } catch (IOException e) {
                // A stale copy is offered once more next time; the user can decline it then.
            }
        });
    }
}
