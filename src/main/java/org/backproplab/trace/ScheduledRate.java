package org.backproplab.trace;

/**
 * Where a step's η came from, as a {@link StepTrace} records it so that the formulas can show the
 * schedule with its numbers: the lesson's η the schedule starts from, the epoch the step belongs
 * to (the first is 0), and the schedule's constants.
 */
public sealed interface ScheduledRate {

    /** The lesson's η, before the schedule. */
    double initial();

    /** The epoch the step belongs to, counted from 0. */
    long epoch();

    /** η throughout. */
    record Constant(double initial, long epoch) implements ScheduledRate {
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
