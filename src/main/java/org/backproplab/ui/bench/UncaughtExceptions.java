package org.backproplab.ui.bench;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects every exception no code caught, on any thread, while a soak run lasts: the default
 * handler catches the threads that have none of their own (the trainer's, timers'), and the FX
 * thread, where JavaFX hands exceptions from event handlers and pulses, gets it too in case
 * something gave that thread a handler of its own. Any one of them is a bug a user could meet.
 */
public final class UncaughtExceptions implements Thread.UncaughtExceptionHandler {

    /** One exception: the thread it ended up on, and its stack trace. */
    public record Caught(String thread, String stackTrace) {
    }

    private final List<Caught> caught = new ArrayList<>();
    private Thread.UncaughtExceptionHandler defaultBefore;
    private Thread fxThread;
    private Thread.UncaughtExceptionHandler fxBefore;

    /** Installs the handler; call on the FX thread. */
    public void install() {
        defaultBefore = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler(this);
        fxThread = Thread.currentThread();
        fxBefore = fxThread.getUncaughtExceptionHandler();
        fxThread.setUncaughtExceptionHandler(this);
    }

    /** Puts back the handlers there were before (a test's JVM goes on to other tests). */
    public void uninstall() {
        Thread.setDefaultUncaughtExceptionHandler(defaultBefore);
        // The FX thread's own handler is its thread group when none was set; setting that back clears it.
        fxThread.setUncaughtExceptionHandler(fxBefore == fxThread.getThreadGroup() ? null : fxBefore);
    }

    @Override
    public void uncaughtException(Thread thread, Throwable failure) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        synchronized (caught) {
            caught.add(new Caught(thread.getName(), trace.toString()));
        }
    }

    public List<Caught> caught() {
        synchronized (caught) {
            return List.copyOf(caught);
        }
    }
}
