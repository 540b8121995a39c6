package org.backproplab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import org.backproplab.engine.Regularization;
import org.backproplab.fixtures.TestLessons;
import org.backproplab.lesson.Lesson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Several threads send thousands of commands to a trainer training at full speed while another
 * takes snapshots as the window does. Nothing may throw, nothing may hang, and the trainer must end
 * where applying the same commands in the same order to a fresh session ends.
 */
class TrainerStressTest {

    private static final int SENDERS = 4;
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final Lesson lesson = TestLessons.xor();
    private final Trainer trainer = new Trainer(lesson, 8).start();
    private final Sequencer sequencer = new Sequencer(trainer);
    private final AtomicReference<TrainerSnapshot> latest = new AtomicReference<>();
    private final ConcurrentLinkedQueue<Notice> notices = new ConcurrentLinkedQueue<>();
    private volatile boolean watching = true;
    private final Thread window = Thread.ofPlatform().name("stress-window").start(this::watch);

    @AfterEach
    void stop() throws InterruptedException {
        watching = false;
        window.join(PATIENCE.toMillis());
        trainer.close();
    }

    /** Sends through one lock that also logs, so the log is the order the trainer receives them in. */
    private static final class Sequencer {
        private final Trainer trainer;
        private final List<TrainerCommand> log = new ArrayList<>();

        Sequencer(Trainer trainer) {
            this.trainer = trainer;
        }

        synchronized void send(TrainerCommand command) {
            log.add(command);
            trainer.send(command);
        }

        synchronized List<TrainerCommand> log() {
            return List.copyOf(log);
        }
    }

    @Test
    void commandsFromManyThreadsWhileTrainingEndWhereApplyingThemInOrderEnds() throws Exception {
        // While playing flat out: running commands and settings from every side, weights too (training moves those).
        sequencer.send(new TrainerCommand.SetSpeed(0));
        sequencer.send(new TrainerCommand.Play());
        sendConcurrently(1500, random -> switch (random.nextInt(8)) {
            case 0 -> random.nextInt(4) == 0 ? new TrainerCommand.Pause() : new TrainerCommand.Play();
            case 1 -> new TrainerCommand.StepBatch();
            case 2 -> new TrainerCommand.StepEpoch();
            case 3 -> weightEdit(random);
            default -> setting(random);
        });
        sequencer.send(new TrainerCommand.Pause());
        TrainerSnapshot afterPlaying = awaitSettled();
        assertTrue(afterPlaying.epoch() > 0, "the trainer trained while the commands came in");
        assertSameAs(replay(sequencer.log()), afterPlaying, false);

        // Paused, everything is deterministic, the weights and training steps too: from the lesson afresh.
        int start = sequencer.log().size();
        sequencer.send(new TrainerCommand.LoadLesson(lesson));
        sendConcurrently(500, random -> switch (random.nextInt(6)) {
            case 0 -> new TrainerCommand.StepEpoch();
            case 1 -> new TrainerCommand.StepBatch();
            case 2, 3 -> weightEdit(random);
            default -> setting(random);
        });
        List<TrainerCommand> paused = sequencer.log().subList(start, sequencer.log().size());
        assertSameAs(replay(paused), awaitSettled(), true);

        List<Notice> refused = notices.stream().filter(Notice.Rejected.class::isInstance).toList();
        assertEquals(List.of(), refused, "every command sent was valid");
    }

    private void sendConcurrently(int perSender, Function<SplittableRandom, TrainerCommand> commands) throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int s = 0; s < SENDERS; s++) {
                SplittableRandom random = new SplittableRandom(31L * s + perSender);
                sent.add(senders.submit(() -> {
                    for (int i = 0; i < perSender; i++) {
                        sequencer.send(commands.apply(random));
                    }
                }));
            }
            for (Future<?> future : sent) {
                future.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            }
        } finally {
            senders.shutdownNow();
        }
    }

    private static TrainerCommand weightEdit(SplittableRandom random) {
        // The XOR fixture is 2-3-1; no command here changes its shape.
        int layer = random.nextInt(2);
        int neuron = layer == 0 ? random.nextInt(3) : 0;
        double value = random.nextDouble(-3, 3);
        return random.nextBoolean()
                ? new TrainerCommand.SetWeight(layer, neuron, random.nextInt(layer == 0 ? 2 : 3), value)
                : new TrainerCommand.SetBias(layer, neuron, value);
    }

    private static TrainerCommand setting(SplittableRandom random) {
        return switch (random.nextInt(3)) {
            case 0 -> new TrainerCommand.SetLearningRate(random.nextDouble(0.01, 1));
            case 1 -> new TrainerCommand.SetBatchSize(1 + random.nextInt(32));
            default -> new TrainerCommand.SetRegularization(new Regularization(Regularization.Kind.L2, random.nextDouble(0, 0.01)));
        };
    }

    /** The same commands, in the logged order, applied to a fresh session on this thread. */
    private TrainerSnapshot replay(List<TrainerCommand> commands) {
        LabSession session = new LabSession(lesson, 8);
        commands.forEach(session::apply);
        return session.snapshot(1);
    }

    private static void assertSameAs(TrainerSnapshot expected, TrainerSnapshot actual, boolean weightsToo) {
        assertEquals(expected.settings(), actual.settings(), "settings");
        assertEquals(expected.speed(), actual.speed(), "speed");
        assertEquals(expected.playing(), actual.playing(), "playing");
        if (weightsToo) {
            assertEquals(expected.epoch(), actual.epoch(), "epoch");
            assertEquals(expected.lab().network(), actual.lab().network(), "weights");
        }
    }

    /** Takes snapshots as a frame loop does, keeping the newest and every notice. */
    private void watch() {
        while (watching) {
            trainer.take().ifPresent(snapshot -> {
                latest.set(snapshot);
                snapshot.notice().ifPresent(notices::add);
            });
            LockSupport.parkNanos(2_000_000);
        }
    }

    /** The snapshot that shows every command sent; a trainer that stops applying them fails the test, not hangs it. */
    private TrainerSnapshot awaitSettled() throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            TrainerSnapshot snapshot = latest.get();
            if (snapshot != null && snapshot.commandsApplied() == trainer.commandsSent()) {
                return snapshot;
            }
            Thread.sleep(5);
        }
        return fail("the trainer applied " + latest.get().commandsApplied() + " of " + trainer.commandsSent() + " commands");
    }
}
