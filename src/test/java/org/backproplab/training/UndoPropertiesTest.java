package org.backproplab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.backproplab.data.DataPoint;
import org.backproplab.fixtures.TestLessons;
import org.backproplab.lesson.DataSpec;
import org.backproplab.lesson.Experiment;

/**
 * Random sequences of edits, good and bad, with settings changed and training in between: undoing
 * everything gives back the lab as it was just before the first edit, bit for bit, and redoing
 * everything gives back the lab as the last edit left it.
 */
class UndoPropertiesTest {

    /** An edit or another command, or a stretch of training. */
    sealed interface Action {
        record Send(TrainerCommand command) implements Action {
        }

        record Train(int batches) implements Action {
        }
    }

    @Property(tries = 200)
    void undoingEverythingRestoresTheLabBeforeTheFirstEditAndRedoingEverythingTheLastEdit(
            @ForAll("actions") List<Action> actions) {
        LabSession session = new LabSession(TestLessons.xor(), 4);
        long version = 0;
        LabSessionUndoTest.Lab beforeFirstEdit = null;
        LabSessionUndoTest.Lab afterLastEdit = null;
        for (Action action : actions) {
            switch (action) {
                case Action.Send(TrainerCommand command) -> {
                    LabSessionUndoTest.Lab before = LabSessionUndoTest.Lab.of(session.snapshot(++version));
                    session.apply(command);
                    TrainerSnapshot after = session.snapshot(++version);
                    if (after.notice().isEmpty() && isEdit(command)) {
                        beforeFirstEdit = beforeFirstEdit == null ? before : beforeFirstEdit;
                        afterLastEdit = LabSessionUndoTest.Lab.of(after);
                    }
                }
                case Action.Train(int batches) -> {
                    session.apply(new TrainerCommand.Play());
                    for (int i = 0; i < batches && session.isPlaying(); i++) {
                        session.trainBatch();
                    }
                    session.apply(new TrainerCommand.Pause());
                    // Hands out any notice of the training (no points, a divergence), which is no edit's.
                    session.snapshot(++version);
                }
            }
        }
        Assume.that(beforeFirstEdit != null);
        while (session.snapshot(++version).undoRedo().undo().isPresent()) {
            session.apply(new TrainerCommand.Undo());
        }
        assertEquals(beforeFirstEdit, LabSessionUndoTest.Lab.of(session.snapshot(++version)));
        while (session.snapshot(++version).undoRedo().redo().isPresent()) {
            session.apply(new TrainerCommand.Redo());
        }
        assertEquals(afterLastEdit, LabSessionUndoTest.Lab.of(session.snapshot(++version)));
    }

    private static final Experiment ANY = Experiment.of(TestLessons.xor());

    private static boolean isEdit(TrainerCommand command) {
        return Edit.of(command, ANY).isPresent();
    }

    @Provide
    Arbitrary<List<Action>> actions() {
        // Everything but the commands that start a new run, which clear the history by design, and
        // undos and redos, which would make "the last edit" a matter of counting.
        Arbitrary<Action> send = Arbitraries.oneOf(LabSessionPropertiesTest.command(), pointEdits())
                .filter(command -> !(command instanceof TrainerCommand.Reset || command instanceof TrainerCommand.SetSeed
                        || command instanceof TrainerCommand.Undo || command instanceof TrainerCommand.Redo))
                .map(Action.Send::new);
        Arbitrary<Action> train = Arbitraries.integers().between(1, 30).map(Action.Train::new);
        return Arbitraries.frequencyOf(Tuple.of(4, send), Tuple.of(1, train)).list().ofMaxSize(20);
    }

    private static Arbitrary<TrainerCommand> pointEdits() {
        Arbitrary<DataPoint> point = Combinators.combine(Arbitraries.integers().between(-4, 4),
                Arbitraries.integers().between(-4, 4), Arbitraries.integers().between(0, 1))
                .as((x, y, label) -> new DataPoint(x / 2.0, y / 2.0, label));
        return Arbitraries.oneOf(
                point.list().ofMinSize(2).ofMaxSize(6)
                        .map(points -> new TrainerCommand.SetData(new DataSpec.Inline(points, 2, 1.0))),
                Arbitraries.of(new TrainerCommand.SetData(new DataSpec.Generated("circle", 60, 0.1, 0.5))));
    }
}
