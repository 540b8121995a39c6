package org.backproplab.training;

import java.nio.file.Path;

/**
 * What became of a {@link TrainerCommand.SaveLesson}: the file is written, or it is not (the
 * snapshot's notice says why). A save counts as done only once this says so.
 */
public record SaveOutcome(Path file, boolean written) {
}
