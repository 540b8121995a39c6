package org.backproplab.engine;

import org.backproplab.trace.ScheduledRate;

/**
 * How the learning rate changes as training goes on: the one place that says which η an epoch
 * trains with. The lesson's η is where every schedule starts; the first epoch is epoch 0.
 */
public sealed interface LearningRateSchedule {

    /** The name used in lesson files. */
    String id();

    /** η for {@code epoch}, from the lesson's η {@code initial}. */
    double rate(double initial, long epoch);

    /** This schedule, the η it starts from and the epoch, as a trace records them for the formulas. */
    ScheduledRate traced(double initial, long epoch);

    /** η throughout: the default. */
    record Constant() implements LearningRateSchedule {
        @Override
        public String id() {
            return "constant";
        }

        @Override
        public double rate(double initial, long epoch) {
            return initial;
        }

        @Override
        public ScheduledRate traced(double initial, long epoch) {
            return new ScheduledRate.Constant(initial);
        }
    }

    /** η·factor^⌊epoch/every⌋: η drops by {@code factor} every {@code every} epochs. */
    record Step(long every, double factor) implements LearningRateSchedule {
        public Step {
            if (every < 1 || !(factor > 0 && factor <= 1)) {
                throw new IllegalArgumentException("a step schedule needs every ≥ 1 and 0 < factor ≤ 1, got " + every + ", " + factor);
            }
        }

        @Override
        public String id() {
            return "step";
        }

        @Override
        public double rate(double initial, long epoch) {
            return initial * Math.pow(factor, Math.floorDiv(epoch, every));
        }

        @Override
        public ScheduledRate traced(double initial, long epoch) {
            return new ScheduledRate.Step(initial, epoch, every, factor);
        }
    }

    /** η·factor^epoch: η shrinks a little every epoch. */
    record Exponential(double factor) implements LearningRateSchedule {
        public Exponential {
            if (!(factor > 0 && factor <= 1)) {
                throw new IllegalArgumentException("an exponential schedule needs 0 < factor ≤ 1, got " + factor);
            }
        }

        @Override
        public String id() {
            return "exponential";
        }

        @Override
        public double rate(double initial, long epoch) {
            return initial * Math.pow(factor, epoch);
        }

        @Override
        public ScheduledRate traced(double initial, long epoch) {
            return new ScheduledRate.Exponential(initial, epoch, factor);
        }
    }

    /**
     * m + (η − m)·(1 + cos(π·min(epoch, E)/E))/2: η falls along half a cosine from the lesson's η
     * to the minimum m over E epochs, and stays at m after them.
     */
    record Cosine(long epochs, double minimum) implements LearningRateSchedule {
        public Cosine {
            if (epochs < 1 || !(minimum >= 0 && Double.isFinite(minimum))) {
                throw new IllegalArgumentException("a cosine schedule needs epochs ≥ 1 and minimum ≥ 0, got " + epochs + ", " + minimum);
            }
        }

        @Override
        public String id() {
            return "cosine";
        }

        @Override
        public double rate(double initial, long epoch) {
            return minimum + (initial - minimum) * (1 + Math.cos(Math.PI * Math.min(epoch, epochs) / epochs)) / 2;
        }

        @Override
        public ScheduledRate traced(double initial, long epoch) {
            return new ScheduledRate.Cosine(initial, epoch, epochs, minimum);
        }
    }
}
