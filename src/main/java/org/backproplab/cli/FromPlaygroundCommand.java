package org.backproplab.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.backproplab.lesson.LessonException;
import org.backproplab.lesson.LessonFile;
import org.backproplab.lesson.PlaygroundImport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Turns a TensorFlow Playground link into a lesson file that replays that page's run. */
@Command(name = "from-playground",
        description = "Write a TensorFlow Playground link as a lesson that replays it: the same points, split, "
                + "starting weights and settings. Quote the link: it contains '&'.")
final class FromPlaygroundCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "URL", description = "The playground's address, with its #settings.")
    private String link;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The lesson file to write.")
    private Path out;

    @Override
    public Integer call() throws LessonException {
        PlaygroundImport.Imported imported = PlaygroundImport.lesson(link);
        LessonFile.write(imported.lesson(), out);
        spec.commandLine().getOut().println("wrote " + out);
        // Where the replay parts from the page is part of the lesson's commentary; say it here too.
        if (!imported.differences().isEmpty()) {
            spec.commandLine().getErr().println(imported.lesson().commentary());
        }
        return 0;
    }
}
