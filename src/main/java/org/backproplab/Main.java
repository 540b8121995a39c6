package org.backproplab;

import java.util.Arrays;
import java.util.List;
import javafx.application.Application;
import org.backproplab.cli.Cli;
import org.backproplab.ui.shell.BackpropLabApp;
import org.backproplab.ui.shell.Monkey;
import org.backproplab.ui.shell.WindowBench;

/**
 * Starts Backprop Lab as {@link StartMode} decides: the window (on a lesson file or a shipped
 * lesson's name, if given), the window measuring its own speed, the window driven by random input,
 * or a headless CLI command such as
 * {@code trace}, {@code train} or {@code bench}. A plain class rather than the
 * {@link Application} itself, so that JavaFX on the classpath starts without a module path.
 */
public final class Main {

    /** The exit code when the window cannot open for want of GTK. */
    static final int NO_GTK = 1;

    private Main() {
    }

    public static void main(String[] args) {
        switch (StartMode.of(List.of(args))) {
            case WINDOW -> openWindow(args);
            case WINDOW_BENCH -> System.exit(WindowBench.run(Arrays.copyOfRange(args, 1, args.length)));
            case MONKEY -> System.exit(Monkey.run(Arrays.copyOfRange(args, 1, args.length)));
            case COMMAND_LINE -> System.exit(Cli.run(args));
        }
    }

    private static void openWindow(String[] args) {
        try {
            Application.launch(BackpropLabApp.class, args);
        } catch (RuntimeException e) {
            if (!MissingGtk.explains(e)) {
                throw e;
            }
            System.err.println(MissingGtk.ADVICE);
            System.exit(NO_GTK);
        }
    }
}
