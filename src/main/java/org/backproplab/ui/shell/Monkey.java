package org.backproplab.ui.shell;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The random-input soak of the real window, {@code --monkey SECONDS [--seed S]}: a {@link MonkeyRun}
 * in a window sized as the app sizes its own, with its preferences and logs in a fresh temporary
 * folder (never the user's). Prints the report and exits with 0 if the run passed, 1 if not.
 */
public final class Monkey {

    public static final String OPTION = "--monkey";
    static final String SEED_OPTION = "--seed";
    private static final String USAGE = "usage: " + OPTION + " SECONDS [" + SEED_OPTION + " S]";

    /** The arguments after {@value #OPTION}; a run with no seed gets one from the clock, which the report prints. */
    record Arguments(double seconds, long seed) {

        static Arguments parse(List<String> given) {
            List<String> arguments = new ArrayList<>(given);
            long seed = System.nanoTime();
            int seedAt = arguments.indexOf(SEED_OPTION);
            if (seedAt >= 0) {
                if (seedAt + 1 >= arguments.size()) {
                    throw new IllegalArgumentException(SEED_OPTION + " needs a whole number; " + USAGE);
                }
                try {
                    seed = Long.parseLong(arguments.get(seedAt + 1));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(SEED_OPTION + " must be a whole number, got \"" + arguments.get(seedAt + 1)
                            + "\"; " + USAGE, e);
                }
                arguments.subList(seedAt, seedAt + 2).clear();
            }
            if (arguments.size() != 1) {
                throw new IllegalArgumentException(USAGE);
            }
            return new Arguments(WindowBench.Arguments.seconds(arguments.getFirst(), USAGE), seed);
        }
    }

    private Monkey() {
    }

    /** Runs the soak; returns the process exit code (0 passed, 1 failed, 2 bad arguments). */
    public static int run(String... given) {
        Arguments arguments;
        try {
            arguments = Arguments.parse(List.of(given));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        System.out.println("monkey: seed " + arguments.seed() + ", " + arguments.seconds() + " s");
        CompletableFuture<MonkeyReport> report = new CompletableFuture<>();
        Platform.startup(() -> {
            Stage stage = new Stage();
            MonkeyRun run = new MonkeyRun(stage, arguments.seed(), arguments.seconds(), home(), System.out);
            LabWindow.fitToScreen(stage);
            run.report().whenComplete((made, failure) -> {
                if (failure != null) {
                    report.completeExceptionally(failure);
                } else {
                    report.complete(made);
                }
            });
        });
        try {
            MonkeyReport made = report.get();
            made.print(System.out);
            return made.failures().isEmpty() ? 0 : 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (ExecutionException e) {
            e.getCause().printStackTrace();
            return 1;
        } finally {
            Platform.exit();
        }
    }

    /** A fresh folder for the run's preferences, recovery copy and fault log: the soak must not change the user's. */
    private static Path home() {
        try {
            return Files.createTempDirectory("backprop-lab-monkey");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
