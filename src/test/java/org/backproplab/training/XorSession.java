package org.backproplab.training;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.backproplab.engine.Activation;
import org.backproplab.engine.Loss;
import org.backproplab.fixtures.TestLessons;

/**
 * A session on XOR (a sigmoid output under binary cross-entropy) driven as the trainer drives it:
 * a command, then a snapshot of what the user would see.
 */
final class XorSession {

    final LabSession session = new LabSession(TestLessons.xor(), 4);
    private long version;

    TrainerSnapshot snapshot() {
        return session.snapshot(++version);
    }

    /** Applies a command that must be accepted, and returns what follows it. */
    TrainerSnapshot apply(TrainerCommand command) {
        session.apply(command);
        TrainerSnapshot after = snapshot();
        assertTrue(after.notice().isEmpty(), () -> command + " should apply, but: " + after.notice());
        return after;
    }

    static Activation output(TrainerSnapshot snapshot) {
        return snapshot.settings().layers().getLast().activation();
    }

    static Loss loss(TrainerSnapshot snapshot) {
        return snapshot.settings().hyperparameters().loss();
    }
}
