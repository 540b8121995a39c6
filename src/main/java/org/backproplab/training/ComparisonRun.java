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

    /**
     * Pauses both at the end of an epoch: each finishes the epoch it is in. The gate lets one run
     * be an epoch ahead, so once both have done so, {@link #lineUp} brings the other level.
     */
    public void pauseAtEpochEnd() {
        sendBoth(new TrainerCommand.Pause());
        sendBoth(new TrainerCommand.StepEpoch());
    }

    /**
     * Steps the run behind to the other's epoch, so that both show the same one.
     *
     * @param a run A's snapshot, once it shows every command A was sent
     * @param b run B's, likewise
     */
    public void lineUp(TrainerSnapshot a, TrainerSnapshot b) {
        Trainer behind = a.epoch() < b.epoch() ? this.a : this.b;
        for (long epoch = Math.min(a.epoch(), b.epoch()); epoch < Math.max(a.epoch(), b.epoch()); epoch++) {
            behind.send(new TrainerCommand.StepEpoch());
        }
    }

    @Override
    public void close() {
        a.close();
        b.close();
    }
}
