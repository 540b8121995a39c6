package org.backproplab.ui.files;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.scene.Node;
import org.backproplab.lesson.Exercise;
import org.backproplab.lesson.ExerciseFiles;
import org.backproplab.lesson.JupyterNotebook;
import org.backproplab.lesson.Lesson;
import org.backproplab.lesson.LessonException;
import org.backproplab.lesson.PythonScript;
import org.backproplab.lesson.RecordedRun;
import org.backproplab.lesson.TraceCsv;
import org.backproplab.lesson.TraceJson;
import org.backproplab.lesson.WorkedExample;
import org.backproplab.trace.StepTrace;
import org.backproplab.training.TrainerSnapshot;
import org.backproplab.ui.common.Messages;
import org.backproplab.ui.common.PngImage;

/**
 * Pictures of the window and its views, the current step's numbers as files for a handout, and
 * exercise sheets drawn from the lesson.
 */
public final class Exports {

    /** Digits in a worked example: enough to check by hand, few enough to read aloud. */
    static final int WORKED_EXAMPLE_DIGITS = 4;
    /** Training steps an exported program takes. */
    public static final int PROGRAM_STEPS = 10;

    private final Dialogs dialogs;
    private final Messages messages;
    private final Supplier<TrainerSnapshot> latest;
    private final Function<FileKind, String> suggestedName;
    private final ExportQueue queue;

    public Exports(Dialogs dialogs, Messages messages, Supplier<TrainerSnapshot> latest, Function<FileKind, String> suggestedName) {
        this.dialogs = dialogs;
        this.messages = messages;
        this.latest = latest;
        this.suggestedName = suggestedName;
        this.queue = new ExportQueue(dialogs, messages);
    }

    /** Saves what {@code node} shows now as a PNG file. */
    public void picture(Node node) {
        dialogs.save(FileKind.PICTURE, suggestedName.apply(FileKind.PICTURE)).ifPresent(file ->
                write(() -> PngImage.save(PngImage.snapshot(node), file)));
    }

    public void traceCsv() {
        trace().ifPresent(trace -> dialogs.save(FileKind.TRACE_CSV, suggestedName.apply(FileKind.TRACE_CSV))
                .ifPresent(file -> write(() -> TraceCsv.write(trace, file))));
    }

    public void traceJson() {
        trace().ifPresent(trace -> dialogs.save(FileKind.TRACE_JSON, suggestedName.apply(FileKind.TRACE_JSON))
                .ifPresent(file -> write(() -> TraceJson.write(trace, file))));
    }

    /** The first sample of the current step, worked through in Markdown with LaTeX formulas, in the window's language. */
    public void workedExample() {
        trace().ifPresent(trace -> dialogs.save(FileKind.WORKED_EXAMPLE, suggestedName.apply(FileKind.WORKED_EXAMPLE))
                .ifPresent(file -> write(() -> WorkedExample.write(trace, 0, latest.get().settings(),
                        WORKED_EXAMPLE_DIGITS, messages.locale(), file))));
    }

    /**
     * Exercise sheets of the lesson as it is set up now (its network, settings and data; the
     * weights are each variant's own), on its first training sample, in the window's language.
     * Drawing and tracing many variants can take a moment, so it is written off the FX thread and
     * says when it is done or why it failed.
     */
    public void exerciseSheets() {
        if (queue.refusesWhileBusy()) {
            return;
        }
        Lesson lesson = latest.get().settings();
        ExerciseRequest suggested = new ExerciseRequest(ExerciseRequest.SUGGESTED_VARIANTS,
                ThreadLocalRandom.current().nextInt(1, ExerciseRequest.SUGGESTED_SEED_BOUND));
        Locale language = messages.locale();
        dialogs.exerciseSheets(suggested).ifPresent(request -> dialogs.folder().ifPresent(folder ->
                queue.start(messages.get("exercise.done.header"), () -> {
                    List<Exercise> written = ExerciseFiles.write(lesson, request.variants(), request.seed(), 0, language, folder);
                    return messages.format("exercise.done.text", written.size(), folder.toString(), Long.toString(request.seed()));
                })));
    }

    /**
     * The lesson's first {@link #PROGRAM_STEPS} steps from its start (its starting weights, not
     * the weights trained since: the optimizer's memory and the batch order would not carry over
     * exactly) as a NumPy script that repeats the app's numbers. A program that replays a few
     * steps is the useful size for a student; the export command takes any number. Tracing a fresh
     * run takes a moment, so it is written off the FX thread.
     */
    public void pythonScript() {
        if (queue.refusesWhileBusy()) {
            return;
        }
        Lesson lesson = latest.get().settings();
        dialogs.save(FileKind.PYTHON_SCRIPT, suggestedName.apply(FileKind.PYTHON_SCRIPT))
                .ifPresent(file -> queue.start(programDone(), () -> {
                    PythonScript.write(recordedRun(lesson), file);
                    return file.toString();
                }));
    }

    /** As {@link #pythonScript()}, as a Jupyter notebook in the window's language. */
    public void notebook() {
        if (queue.refusesWhileBusy()) {
            return;
        }
        Lesson lesson = latest.get().settings();
        Locale language = messages.locale();
        dialogs.save(FileKind.NOTEBOOK, suggestedName.apply(FileKind.NOTEBOOK))
                .ifPresent(file -> queue.start(programDone(), () -> {
                    JupyterNotebook.write(recordedRun(lesson), language, file);
                    return file.toString();
                }));
    }

    private String programDone() {
        return messages.format("files.programDone.header", PROGRAM_STEPS);
    }

    /** A fresh run of {@code lesson}'s settings from its start: a handful of small steps. */
    private static RecordedRun recordedRun(Lesson lesson) throws IOException {
        try {
            return RecordedRun.of(lesson, PROGRAM_STEPS);
        } catch (LessonException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** The last recorded step, or a message saying how to record one. */
    private Optional<StepTrace> trace() {
        Optional<StepTrace> trace = latest.get().trace();
        if (trace.isEmpty()) {
            dialogs.problem(messages.get("files.noTrace.header"), messages.get("files.noTrace.text"));
        }
        return trace;
    }

    private interface Writing {
        void run() throws IOException;
    }

    private void write(Writing writing) {
        try {
            writing.run();
        } catch (IOException | RuntimeException e) {
            dialogs.problem(messages.get("files.exportFailed"), ExportFailure.reason(e, messages));
        }
    }
}
