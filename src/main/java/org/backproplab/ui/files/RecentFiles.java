package org.backproplab.ui.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.backproplab.data.TextFile;

/**
 * The lessons opened or saved lately, newest first, kept in a small text file (one path a line) so
 * the next session offers them too. Without a file (tests, or a home folder that cannot be
 * written) the list lives for this session only; remembering is a convenience and never an error.
 */
public final class RecentFiles {

    static final int MAX = 8;

    private final Optional<Path> store;
    private final List<Path> files = new ArrayList<>();

    public RecentFiles(Optional<Path> store) {
        this.store = store;
        store.filter(Files::isRegularFile).ifPresent(this::load);
    }

    /** Newest first. */
    List<Path> list() {
        return List.copyOf(files);
    }

    /** Puts {@code file} at the top, dropping its older place and the oldest beyond {@link #MAX}. */
    void add(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        files.remove(absolute);
        files.addFirst(absolute);
        while (files.size() > MAX) {
            files.removeLast();
        }
        store.ifPresent(this::keep);
    }

    private void load(Path from) {
        try {
            for (String line : Files.readAllLines(from, StandardCharsets.UTF_8)) {
                if (!line.isBlank() && files.size() < MAX) {
                    files.add(Path.of(line.strip()));
                }
            }
        } catch (IOException | InvalidPathException e) {
            // A damaged list only costs the user the shortcuts: start with an empty one.
            files.clear();
        }
    }

    private void keep(Path to) {
        try {
            Files.createDirectories(to.toAbsolutePath().getParent());
            TextFile.save(to, String.join("\n", files.stream().map(Path::toString).toList()) + "\n");
        } catch (IOException e) {
            // Not worth interrupting the lesson for: the list still works for this session.
        }
    }
}
