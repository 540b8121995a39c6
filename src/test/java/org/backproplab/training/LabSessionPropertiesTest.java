package org.backproplab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.backproplab.engine.Activation;
import org.backproplab.engine.InputFeature;
import org.backproplab.engine.Loss;
import org.backproplab.engine.OptimizerSettings;
import org.backproplab.engine.Regularization;
import org.backproplab.fixtures.TestLessons;
import org.backproplab.lesson.DataSpec;
import org.backproplab.trace.Matrix;

/**
 * Random sequences of commands, many of them wrong (layers that do not exist, NaN weights, a
 * learning rate of a million), applied to a session with training in between as the trainer would:
 * nothing ever throws, the network stays finite (a divergence restores the last finite weights and
 * says so), and a refused command leaves everything as it was.
 */
class LabSessionPropertiesTest {

    /** A command, or a stretch of training while playing (what the trainer thread does between commands). */
    sealed interface Action {
        record Send(TrainerCommand command) implements Action {
        }

        record Train(int batches) implements Action {
        }
    }

    @Property(tries = 300)
    void anyCommandSequenceKeepsTheSessionUsable(@ForAll("actions") List<Action> actions) {
        LabSession session = new LabSession(TestLessons.xor(), 4);
        long version = 0;
        TrainerSnapshot before = session.snapshot(++version, false);
        for (Action action : actions) {
            switch (action) {
                case Action.Send(TrainerCommand command) -> session.apply(command);
                case Action.Train(int batches) -> {
                    for (int i = 0; i < batches && session.isPlaying(); i++) {
                        session.trainBatch();
                    }
                }
            }
            TrainerSnapshot after = session.snapshot(++version, false);
            assertFinite(after);
            Optional<Notice> notice = after.notice();
            if (notice.orElse(null) instanceof Notice.Rejected(TrainerCommand command, String reason, var rule)) {
                assertFalse(reason == null || reason.isBlank(), "refusing " + command + " must say why");
                assertUnchanged(before, after, command);
            }
            if (notice.orElse(null) instanceof Notice.Diverged) {
                assertFalse(after.playing(), "a divergence pauses training");
            }
            before = after;
        }
    }

    private static void assertFinite(TrainerSnapshot snapshot) {
        for (LayerSnapshot layer : snapshot.lab().network().layers()) {
            for (Matrix matrix : List.of(layer.weights(), layer.biases())) {
                assertTrue(Double.isFinite(matrix.maxAbs()), "a weight or bias is not finite: " + matrix);
            }
        }
    }

    private static void assertUnchanged(TrainerSnapshot before, TrainerSnapshot after, TrainerCommand refused) {
        String why = "refused " + refused + " yet the lab changed";
        assertEquals(before.lab().network(), after.lab().network(), why);
        assertEquals(before.settings(), after.settings(), why);
        assertEquals(before.epoch(), after.epoch(), why);
        assertEquals(before.speed(), after.speed(), why);
    }

    @Provide
    Arbitrary<List<Action>> actions() {
        Arbitrary<Action> send = command().map(Action.Send::new);
        Arbitrary<Action> train = Arbitraries.integers().between(1, 50).map(Action.Train::new);
        return Arbitraries.frequencyOf(Tuple.of(4, send), Tuple.of(1, train)).list().ofMaxSize(25);
    }

    /** Commands with arguments from the sensible to the absurd. */
    static Arbitrary<TrainerCommand> command() {
        // Mostly indices that exist in the 2-3-1 fixture, so that bad values reach real weights; some that do not.
        Arbitrary<Integer> layer = Arbitraries.integers().between(-1, 2);
        Arbitrary<Integer> index = Arbitraries.integers().between(-1, 3);
        Arbitrary<Double> value = Arbitraries.oneOf(Arbitraries.doubles().between(-5, 5),
                Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, -1e300, 1e7, 0.0));
        Arbitrary<Double> rate = Arbitraries.oneOf(Arbitraries.doubles().between(1e-4, 20).ofScale(6),
                Arbitraries.of(10.0, 1e6, 0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY));
        Arbitrary<Activation> activation = Arbitraries.of(Activation.class);
        return Arbitraries.oneOf(
                Arbitraries.of(new TrainerCommand.Play(), new TrainerCommand.Pause(), new TrainerCommand.StepEpoch(),
                        new TrainerCommand.StepBatch(), new TrainerCommand.Reset(), new TrainerCommand.Undo(),
                        new TrainerCommand.Redo()),
                Arbitraries.integers().between(-1, 250).map(TrainerCommand.StepSample::new),
                Arbitraries.longs().map(TrainerCommand.SetSeed::new),
                Arbitraries.oneOf(Arbitraries.doubles().between(0, 1000), Arbitraries.of(-1.0, Double.NaN))
                        .map(TrainerCommand.SetSpeed::new),
                rate.map(TrainerCommand.SetLearningRate::new),
                rate.map(r -> new TrainerCommand.SetOptimizer(new OptimizerSettings.Sgd(r))),
                Combinators.combine(Arbitraries.of(Regularization.Kind.class), rate)
                        .as((kind, r) -> new TrainerCommand.SetRegularization(new Regularization(kind, r))),
                Arbitraries.of(Loss.class).map(TrainerCommand.SetLoss::new),
                Arbitraries.integers().between(-1, 300).map(TrainerCommand.SetBatchSize::new),
                Combinators.combine(layer, index, index, value).as(TrainerCommand.SetWeight::new),
                Combinators.combine(layer, index, value).as(TrainerCommand.SetBias::new),
                Combinators.combine(layer, index, index, value).as(TrainerCommand.SetWeight::new),
                Combinators.combine(layer, index, value).as(TrainerCommand.SetBias::new),
                Combinators.combine(layer, activation).as(TrainerCommand.SetActivation::new),
                activation.map(TrainerCommand.ChooseOutputActivation::new),
                Combinators.combine(layer, Arbitraries.integers().between(-1, 70), activation).as(TrainerCommand.AddLayer::new),
                layer.map(TrainerCommand.RemoveLayer::new),
                layer.map(TrainerCommand.AddNeuron::new),
                layer.map(TrainerCommand.RemoveNeuron::new),
                Arbitraries.of(InputFeature.class).list().ofMaxSize(4).map(TrainerCommand.SetFeatures::new),
                // Another kind of problem, the same kind, and one the output cannot learn (three classes).
                Arbitraries.of("regression-plane", "circle", "spiral3")
                        .map(id -> new TrainerCommand.ChooseDataSet(new DataSpec.Generated(id, 120, 0.1, 0.5))));
    }
}
