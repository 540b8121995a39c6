package org.backproplab.ui.files;

import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.backproplab.ui.common.Messages;

/**
 * Exports that take a moment (a fresh run traced step by step, many exercise variants), written on a
 * thread of their own so the FX thread stays free, and one at a time: a second export asked for
 * while one is being written is refused with a notice, so two writers never share a folder.
 */
final class ExportQueue {

    /** An export's work, off the FX thread; it returns the text that says where it went. */
    interface Job {
        String run() throws IOException;
    }

    /** One writer at most; its thread ends when idle, so a closed window leaves none behind. */
    private final ExecutorService writer = new ThreadPoolExecutor(0, 1, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
            Thread.ofPlatform().daemon().name("export").factory());
    private final Dialogs dialogs;
    private final Messages messages;
    /** Read and written on the FX thread only. */
    private boolean busy;

    ExportQueue(Dialogs dialogs, Messages messages) {
        this.dialogs = dialogs;
        this.messages = messages;
    }

    /**
     * Whether an export is still being written, after saying so: asked before the export's own
     * dialogs, so a user is not led through them only to be refused.
     */
    boolean refusesWhileBusy() {
        if (busy) {
            dialogs.problem(messages.get("files.exportBusy.header"), messages.get("files.exportBusy.text"));
        }
        return busy;
    }

    /** Starts {@code job} unless an export is still being written; says when it is done, under {@code doneHeader}, or why it failed. */
    void start(String doneHeader, Job job) {
        if (refusesWhileBusy()) {
            return;
        }
        busy = true;
        writer.execute(() -> {
            Runnable answer = () -> { };
            try {
                String text = job.run();
                answer = () -> dialogs.done(doneHeader, text);
            } catch (IOException | RuntimeException e) {
                String reason = ExportFailure.reason(e, messages);
                answer = () -> dialogs.problem(messages.get("files.exportFailed"), reason);
            } finally {
                Runnable shown = answer;
                Platform.runLater(() -> {
                    busy = false;
                    shown.run();
                });
            }
        });
    }
}
