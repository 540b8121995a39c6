package org.backproplab.lesson;

import java.util.Optional;
import org.backproplab.engine.Refusal;

/**
 * A lesson that cannot be used, with one message a teacher can act on: which field, and what is
 * wrong with it. Never carries a stack trace to the user.
 */
public final class LessonException extends Exception {

    private static final long serialVersionUID = 1L;

    /** The network rule the lesson broke, if that is what is wrong, for the lab to say in the user's language. */
    private final transient Refusal refusal;

    public LessonException(String message) {
        this(message, (Refusal) null);
    }

    public LessonException(String message, Refusal refusal) {
        super(message);
        this.refusal = refusal;
    }

    public LessonException(String message, Throwable cause) {
        super(message, cause);
        this.refusal = null;
    }

    public Optional<Refusal> refusal() {
        return Optional.ofNullable(refusal);
    }
}
