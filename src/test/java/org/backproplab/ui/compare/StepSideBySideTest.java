package org.backproplab.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;
import javafx.scene.Scene;
import javafx.scene.text.Text;
import org.backproplab.data.DataPoint;
import org.backproplab.fixtures.TestLessons;
import org.backproplab.lesson.Comparison;
import org.backproplab.training.ComparisonRun;
import org.backproplab.training.FaultLog;
import org.backproplab.training.Trainer;
import org.backproplab.training.TrainerCommand;
import org.backproplab.training.TrainerSnapshot;
import org.backproplab.ui.common.Messages;
import org.backproplab.ui.common.Palette;
import org.backproplab.ui.testing.LiveLab;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

/** Side by side only what belongs together: both runs' steps of one sample, never one run's new step beside the other's old one. */
@ExtendWith(ApplicationExtension.class)
class StepSideBySideTest {

    @Test
    void stepsOfDifferentSamplesAreNotDrawnSideBySideAndOfTheSameSampleAre() {
        try (ComparisonRun run = new ComparisonRun(Comparison.fork(TestLessons.xor()), 8, new FaultLog(Optional.empty())).start()) {
            List<DataPoint> points = run.a().take().orElseThrow().lab().trainPoints();
            int other = IntStream.range(1, points.size()).filter(i -> points.get(i).label() != points.getFirst().label())
                    .findFirst().orElseThrow();
            run.a().send(new TrainerCommand.StepSample(0));
            run.b().send(new TrainerCommand.StepSample(other));
            TrainerSnapshot a = settled(run.a());
            TrainerSnapshot bElsewhere = settled(run.b());
            StepSideBySide view = LiveLab.onFx(() -> {
                StepSideBySide made = new StepSideBySide(Messages.forLocale(Locale.ROOT), Palette.STANDARD, command -> { });
                // In a scene: its scroll pane holds the columns only once skinned.
                new Scene(made, 900, 600);
                return made;
            });

            LiveLab.onFx(() -> {
                view.show(a, bElsewhere, true);
                return null;
            });
            assertEquals(List.of(), formulasOfA(view));

            run.b().send(new TrainerCommand.StepSample(0));
            TrainerSnapshot b = settled(run.b());
            LiveLab.onFx(() -> {
                view.show(a, b, false);
                return null;
            });
            assertEquals(List.of(), formulasOfA(view), "not while a run is yet to answer a step it was sent");
            LiveLab.onFx(() -> {
                view.show(a, b, true);
                return null;
            });
            assertFalse(formulasOfA(view).isEmpty());
        }
    }

    /** The trainer's snapshot once it shows every command it was sent. */
    private static TrainerSnapshot settled(Trainer trainer) {
        TrainerSnapshot latest = null;
        // Bounded only so that a broken trainer fails the test rather than hanging it.
        for (int tries = 0; tries < 6000; tries++) {
            latest = trainer.take().orElse(latest);
            if (latest != null && latest.commandsApplied() == trainer.commandsSent()) {
                return latest;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("the trainer never answered");
    }

    private static List<String> formulasOfA(StepSideBySide view) {
        return LiveLab.onFx(() -> {
            view.applyCss();
            return view.lookupAll("#compare-formulas-a").stream()
                .flatMap(column -> column.lookupAll("Text").stream())
                .filter(Text.class::isInstance).map(node -> ((Text) node).getText()).toList();
        });
    }
}
