package org.backproplab.training;

import org.backproplab.lesson.Comparison;

/**
 * The two runs of a {@link Comparison}, each on its own trainer thread (a machine with two cores
 * trains both at full speed), kept at the same epoch by a {@link Lockstep}. Running (play, pause,
 * steps, speed) goes to both at once; a change of B's settings goes to B alone.
 */
public final class ComparisonRun implements AutoCloseable {

    private final Trainer a;
    private final Trainer b;

    /** Both trainers, built and showing their first snapshots, not yet started. */
    public ComparisonRun(Comparison comparison, int heatmapResolution, FaultLog faults) {
        Lockstep lockstep = new Lockstep();
        a = new Trainer(comparison.a(), heatmapResolution, faults, lockstep.a());
        b = new Trainer(comparison.startOfB(), heatmapResolution, faults, lockstep.b());
    }

    public ComparisonRun start() {
        a.start();
        b.start();
        return this;
    }

    public Trainer a() {
        return a;
    }

    public Trainer b() {
        return b;
    }

    /** Sends a command to both runs: what the two play, pause and step with. */
    public void sendBoth(TrainerCommand command) {
        a.send(command);
        b.send(command);
    }

    @Override
    public void close() {
        a.close();
        b.close();
    }
}
