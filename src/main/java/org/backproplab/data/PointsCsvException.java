package org.backproplab.data;

import java.util.List;

/**
 * A CSV file of points that cannot be imported, or a set of points that cannot be saved as one.
 * The message is one line naming the file and the first problem; {@link #problems()} lists the
 * first few problems row by row, for a view that shows them all.
 */
public final class PointsCsvException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * One bad row, or the file as a whole.
     *
     * @param line   the line of the file, counting from 1; 0 when the problem is the whole file
     * @param reason what is wrong, e.g. "label 3 is not a class (expected 0 or 1)"
     */
    public record Problem(int line, String reason) {

        @Override
        public String toString() {
            return line == 0 ? reason : "line " + line + ": " + reason;
        }
    }

    private final transient List<Problem> problems;
    private final int problemCount;

    PointsCsvException(String message) {
        this(message, List.of(), 0, null);
    }

    PointsCsvException(String message, Throwable cause) {
        this(message, List.of(), 0, cause);
    }

    PointsCsvException(String message, List<Problem> problems, int problemCount, Throwable cause) {
        super(message, cause);
        this.problems = List.copyOf(problems);
        this.problemCount = problemCount;
    }

    /** The first problems in line order (at most {@link PointsCsv#MAX_LISTED_PROBLEMS}); empty for a failed save. */
    public List<Problem> problems() {
        return problems;
    }

    /** How many problems the file has in all, listed or not. */
    public int problemCount() {
        return problemCount;
    }
}
