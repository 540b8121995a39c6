package org.backproplab.ui.files;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.backproplab.data.DataPoint;
import org.backproplab.data.PointsCsv;
import org.backproplab.data.PointsCsvException;
import org.backproplab.data.TextFile;
import org.backproplab.lesson.DataSpec;
import org.backproplab.lesson.Lesson;
import org.backproplab.lesson.Comparison;
import org.backproplab.lesson.LessonCatalog;
import org.backproplab.lesson.LessonException;
import org.backproplab.lesson.LessonFile;
import org.backproplab.lesson.PlaygroundImport;
import org.backproplab.training.SaveOutcome;
import org.backproplab.training.TrainerCommand;
import org.backproplab.training.TrainerSnapshot;
import org.backproplab.ui.common.Messages;

/**
 * The lesson as a document: which file it came from, whether it changed since, opening, saving,
 * importing and exporting points, the recent files and the recovery copy. Saving goes through the
 * trainer ({@link TrainerCommand.SaveLesson}) because only the trainer thread may read the weights
 * while training runs. A save counts only once the trainer reports the file written
 * ({@link #saved}): until then the changes stay unsaved and the recovery copy stays, and a window
 * closing with a save waits for it (and stays open if the save fails, its notice saying why).
 */
public final class LabFiles {

    private Dialogs dialogs;
    private Messages messages;
    private final Consumer<TrainerCommand> trainer;
    private final Supplier<TrainerSnapshot> latest;
    private final RecentFiles recent;
    private final Recovery recovery;
    private final Runnable close;
    /** Opens the comparison a lesson file holds, once its run A is the lab's lesson. */
    private Consumer<Comparison> compare = comparison -> { };
    private Optional<Path> current = Optional.empty();
    private boolean unsaved;
    /** Changes sent so far: a save covers those sent before it, and no later ones. */
    private long changesSent;
    /** The user's saves sent and not yet reported on, oldest first. */
    private final Deque<PendingSave> pending = new ArrayDeque<>();
    /** The user chose to save and then close: the window closes once those saves are written. */
    private boolean closeWhenSaved;

    /** A save on its way: where to, and how many changes it covers. */
    private record PendingSave(Path file, long changes) {
    }

    /** @param close closes the window, once a save it waited for is written */
    public LabFiles(Dialogs dialogs, Messages messages, Consumer<TrainerCommand> trainer, Supplier<TrainerSnapshot> latest,
            RecentFiles recent, Recovery recovery, Runnable close) {
        this.dialogs = dialogs;
        this.messages = messages;
        this.trainer = trainer;
        this.latest = latest;
        this.recent = recent;
        this.recovery = recovery;
        this.close = close;
    }

    /** What to do with the comparison a lesson opened from a file or the shipped ones holds: open it. */
    public void setOnComparison(Consumer<Comparison> opens) {
        compare = opens;
    }

    /** Speaks another language from now on: the window changed it. */
    public void speak(Messages words, Dialogs inWords) {
        this.messages = words;
        this.dialogs = inWords;
    }

    /**
     * Notes a command on its way to the trainer: anything but pausing, pacing, saving and checking
     * gradients changes the lesson or its weights.
     */
    public void sent(TrainerCommand command) {
        if (!(command instanceof TrainerCommand.Pause || command instanceof TrainerCommand.SetSpeed
                || command instanceof TrainerCommand.SaveLesson || command instanceof TrainerCommand.CheckGradients)) {
            unsaved = true;
            changesSent++;
        }
    }

    /**
     * The trainer's word on a save. Written, the file becomes the lesson's, and the changes it
     * covers count as saved. Not written (the snapshot's notice says why), the changes stay unsaved,
     * the recovery copy stays, and a close that waited for it is called off.
     */
    public void saved(SaveOutcome outcome) {
        // Recovery copies are saves too, but not the user's: they are not waited for.
        if (pending.isEmpty() || !pending.peek().file().equals(outcome.file())) {
            return;
        }
        PendingSave save = pending.poll();
        if (!outcome.written()) {
            closeWhenSaved = false;
            return;
        }
        current = Optional.of(save.file());
        recent.add(save.file());
        if (save.changes() == changesSent) {
            unsaved = false;
            recovery.discard();
        }
        if (closeWhenSaved && pending.isEmpty()) {
            close.run();
        }
    }

    public boolean unsaved() {
        return unsaved;
    }

    Optional<Path> current() {
        return current;
    }

    public List<Path> recentFiles() {
        return recent.list();
    }

    public void open() {
        dialogs.open(FileKind.LESSON).ifPresent(this::openLesson);
    }

    /** Opens a lesson file, or says why it cannot; the lab is unchanged then. */
    public void openLesson(Path file) {
        try {
            LessonFile.Opened read = LessonFile.readWhole(file);
            load(read.lesson());
            opened(file, read.comparison().isPresent());
            read.comparison().ifPresent(compare);
        } catch (LessonException e) {
            dialogs.problem(messages.get("files.openFailed"), e.getMessage());
        }
    }

    /**
     * Asks for a TensorFlow Playground link and opens the lesson that replays it, then says where
     * the replay will part from the page (the lesson's commentary, in the window's language). A
     * link that cannot be used is said so; the lab is unchanged then.
     */
    public void openPlaygroundLink() {
        dialogs.playgroundLink().ifPresent(link -> {
            try {
                Lesson lesson = PlaygroundImport.lesson(link).lesson();
                load(lesson);
                dialogs.done(messages.get("files.playground.opened"), lesson.words(messages.locale()).commentary());
            } catch (LessonException e) {
                dialogs.problem(messages.get("files.playground.failed"), e.getMessage());
            }
        });
    }

    public void openShipped(LessonCatalog.Entry entry) {
        try {
            LessonFile.Opened read = LessonFile.readWholeResource(entry.resource());
            load(read.lesson());
            read.comparison().ifPresent(compare);
        } catch (LessonException e) {
            dialogs.problem(messages.get("files.openFailed"), e.getMessage());
        }
    }

    /**
     * The lab's lesson was read from {@code file} (opened from the File menu, the recent files, a
     * drop, or the command line): the recent files offer it, and if it is the user's, Save writes
     * back to it without asking. A shipped lesson's own file is the application's, not the user's to
     * overwrite: Save asks for a name, as for a shipped lesson opened by its title. So does a file that
     * holds a comparison: the lab has only its run A, and saving that over the file would lose the comparison.
     */
    public void opened(Path file, boolean holdsComparison) {
        recent.add(file);
        if (!LessonCatalog.isShipped(file) && !holdsComparison) {
            current = Optional.of(file);
        }
    }

    /** Saves to the lesson's file, or asks where when it has none; returns whether a save was sent (not yet written). */
    public boolean save() {
        if (current.isEmpty()) {
            return saveAs();
        }
        write(current.get());
        return true;
    }

    public boolean saveAs() {
        Optional<Path> chosen = dialogs.save(FileKind.LESSON, suggestedName(FileKind.LESSON));
        chosen.ifPresent(this::write);
        return chosen.isPresent();
    }

    public void importPoints() {
        dialogs.open(FileKind.POINTS).ifPresent(this::importPoints);
    }

    /**
     * Replaces the data with the points in a CSV file, split as the lesson splits its data. A file
     * with any bad row changes nothing; the message names the row and what is wrong with it.
     */
    void importPoints(Path file) {
        TrainerSnapshot snapshot = latest.get();
        try {
            List<DataPoint> points = PointsCsv.read(file, snapshot.lab().classes());
            trainer.accept(new TrainerCommand.SetData(new DataSpec.Inline(points, snapshot.lab().classes(),
                    snapshot.settings().data().trainRatio())));
        } catch (PointsCsvException e) {
            dialogs.problem(messages.format("files.importFailed", TextFile.displayName(file)), e.getMessage());
        }
    }

    /** Writes every point, training and test, as x1,x2,label. */
    public void exportPoints() {
        dialogs.save(FileKind.POINTS, suggestedName(FileKind.POINTS)).ifPresent(file -> {
            TrainerSnapshot snapshot = latest.get();
            List<DataPoint> points = new ArrayList<>(snapshot.lab().trainPoints());
            points.addAll(snapshot.lab().testPoints());
            try {
                PointsCsv.write(points, file);
            } catch (PointsCsvException e) {
                dialogs.problem(messages.get("files.exportFailed"), e.getMessage());
            }
        });
    }

    /** A lesson or a points file dropped on the window: opened or imported by its extension. */
    public boolean dropped(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith("." + FileKind.LESSON.extension())) {
            openLesson(file);
        } else if (name.endsWith("." + FileKind.POINTS.extension())) {
            importPoints(file);
        } else {
            return false;
        }
        return true;
    }

    /** Called now and then: while there are unsaved changes, the recovery copy is brought up to date. */
    public void keepRecoveryCopy() {
        // A blank page of points cannot be saved; trying every half minute would only repeat the refusal.
        if (unsaved && !latest.get().lab().trainPoints().isEmpty()) {
            recovery.target().ifPresent(file -> trainer.accept(new TrainerCommand.SaveLesson(file)));
        }
    }

    /**
     * At start: offers back the work of a session that ended without closing, if it left any.
     * Returns whether the lab now shows that work.
     */
    public boolean offerRecovery() {
        Optional<Path> left = recovery.left();
        if (left.isEmpty()) {
            return false;
        }
        if (dialogs.restoreRecovery()) {
            try {
                load(LessonFile.read(left.get()));
                // Restored work is not saved anywhere yet.
                unsaved = true;
                return true;
            } catch (LessonException e) {
                dialogs.problem(messages.get("files.recoveryFailed"), e.getMessage());
            }
        }
        recovery.discard();
        return false;
    }

    /**
     * Whether the window may close now: with unsaved changes, the user chooses to save them (and
     * then picks a file if the lesson has none), drop them, or keep the window open. Saving closes
     * the window later, once the file is written; not now.
     */
    public boolean mayClose() {
        if (!unsaved) {
            return true;
        }
        return switch (dialogs.unsavedChanges()) {
            case SAVE -> {
                closeWhenSaved = save();
                yield false;
            }
            case DISCARD -> true;
            case CANCEL -> false;
        };
    }

    /** The window closed as it should: no recovery copy is needed. */
    public void closed() {
        recovery.discard();
    }

    /** A name for a new file: the lesson file's name, or the lesson's title, with the kind's extension. */
    public String suggestedName(FileKind kind) {
        String base = current.map(TextFile::displayName).map(name -> name.replaceFirst("\\.[^.]*$", ""))
                .orElseGet(() -> latest.get().lab().title().replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-|-$", ""));
        return (base.isEmpty() ? "lesson" : base) + "." + kind.extension();
    }

    /** Shows {@code lesson}, as yet of no file: a caller that read it from a file says so ({@link #opened}). */
    private void load(Lesson lesson) {
        trainer.accept(new TrainerCommand.LoadLesson(lesson));
        // Saves still on their way were of the lesson this one replaces: their word no longer matters.
        pending.clear();
        closeWhenSaved = false;
        current = Optional.empty();
        unsaved = false;
        recovery.discard();
    }

    private void write(Path file) {
        pending.add(new PendingSave(file, changesSent));
        trainer.accept(new TrainerCommand.SaveLesson(file));
    }
}
