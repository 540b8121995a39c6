package org.backproplab.lesson;

import java.util.Optional;
import org.backproplab.engine.LessonName;

/** The set a written-out point belongs to when the lesson fixes the split ({@code "set"} of a point). */
public enum PointSet implements LessonName {
    TRAIN("train"), TEST("test");

    private final String id;

    PointSet(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    public static Optional<PointSet> fromId(String id) {
        return LessonName.find(values(), id);
    }
}
