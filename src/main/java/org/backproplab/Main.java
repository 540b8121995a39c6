package org.backproplab;

import javafx.application.Application;
import org.backproplab.cli.Cli;
import org.backproplab.ui.BackpropLabApp;

/**
 * Starts Backprop Lab: with no arguments (or a lesson file) the window, otherwise a headless CLI
 * command such as {@code trace}, {@code train} or {@code bench}. A plain class rather than the
 * {@link Application} itself, so that JavaFX on the classpath starts without a module path.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || args[0].endsWith(".json")) {
            Application.launch(BackpropLabApp.class, args);
        } else {
            System.exit(Cli.run(args));
        }
    }
}
