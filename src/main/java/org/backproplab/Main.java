package org.backproplab;

import java.util.Arrays;
import javafx.application.Application;
import org.backproplab.cli.Cli;
import org.backproplab.ui.shell.BackpropLabApp;
import org.backproplab.ui.shell.WindowBench;

/**
 * Starts Backprop Lab: with no arguments (or a lesson file) the window, with {@code --bench-window
 * SECONDS [lesson]} the window measuring its own speed, otherwise a headless CLI command such as
 * {@code trace}, {@code train} or {@code bench}. A plain class rather than the
 * {@link Application} itself, so that JavaFX on the classpath starts without a module path.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals(WindowBench.OPTION)) {
            System.exit(WindowBench.run(Arrays.copyOfRange(args, 1, args.length)));
        } else if (args.length == 0 || args[0].endsWith(".json")) {
            Application.launch(BackpropLabApp.class, args);
        } else {
            System.exit(Cli.run(args));
        }
    }
}
