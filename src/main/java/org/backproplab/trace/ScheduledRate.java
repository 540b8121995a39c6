package org.backproplab.trace;

/**
 * Where a step's η came from, as a {@link StepTrace} records it so that the formulas can show the
 * schedule with its numbers: the lesson's η the schedule starts from, the schedule's constants
 * and, when η depends on it, the epoch the step belongs to (the first is 0).
 */
public sealed interface ScheduledRate {

    /** The lesson's η, before the schedule. */
    double initial();

    /** η throughout, whatever the epoch: the trace of a constant η does not depend on it. */
    record Constant(double initial) implements ScheduledRate {
    }

    /** η·factor^⌊epoch/every⌋ */
    record Step(double initial, long epoch, long every, double factor) implements ScheduledRate {
    }

    /** η·factor^epoch */
    record Exponential(double initial, long epoch, double factor) implements ScheduledRate {
    }

    /** m + (η − m)·(1 + cos(π·min(epoch, E)/E))/2 with E = {@code epochs}, m = {@code minimum} */
    record Cosine(double initial, long epoch, long epochs, double minimum) implements ScheduledRate {
    }
}
