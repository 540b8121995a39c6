package org.backproplab.engine;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A choice that lesson files and traces name by a short id, such as {@code "leaky-relu"} or {@code "x1^2"}. */
public interface LessonName {

    /** The name used in lesson files and traces. */
    String id();

    /**
     * The constant a lesson file means by {@code id}. Hand-written files are forgiven case, spaces,
     * and '_' for '-' ({@code "Leaky_ReLU"} finds {@code "leaky-relu"}).
     */
    static <E extends Enum<E> & LessonName> Optional<E> find(E[] constants, String id) {
        String wanted = normalize(id);
        return Arrays.stream(constants).filter(c -> normalize(c.id()).equals(wanted)).findFirst();
    }

    private static String normalize(String id) {
        return id.toLowerCase(Locale.ROOT).replace('_', '-').replace(" ", "");
    }
}
