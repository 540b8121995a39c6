package org.backproplab.lesson;

/**
 * A lesson that cannot be used, with one message a teacher can act on: which field, and what is
 * wrong with it. Never carries a stack trace to the user.
 */
public final class LessonException extends Exception {

    private static final long serialVersionUID = 1L;

    public LessonException(String message) {
        super(message);
    }

    public LessonException(String message, Throwable cause) {
        super(message, cause);
    }
}
