package org.backproplab.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The headless commands, runnable with no display. */
@Command(name = "backprop-lab", mixinStandardHelpOptions = true,
        description = "Backprop Lab without a window: trace, train and benchmark lessons.")
public final class Cli {

    private Cli() {
    }

    /** Runs one command and returns its exit code. */
    public static int run(String... args) {
        return new CommandLine(new Cli()).execute(args);
    }
}
