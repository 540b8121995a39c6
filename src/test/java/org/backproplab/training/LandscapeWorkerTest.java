package org.backproplab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.function.Predicate;
import org.backproplab.engine.GradientCheck;
import org.backproplab.engine.LandscapePlane;
import org.backproplab.engine.Learner;
import org.backproplab.engine.LossLandscape;
import org.backproplab.fixtures.TestLessons;
import org.backproplab.lesson.Experiment;
import org.junit.jupiter.api.Test;

class LandscapeWorkerTest {

    private static final LandscapePlane TWO = new LandscapePlane.TwoParameters(
            new GradientCheck.Parameter.Weight(0, 1, 0), new GradientCheck.Parameter.Bias(1, 0));

    /** Waits for the worker's picture to pass {@code test}; a generous bound only keeps a broken worker from hanging the build. */
    private static LandscapePicture awaitPicture(LandscapeWorker worker, Predicate<LandscapePicture> test) throws InterruptedException {
        for (int tries = 0; tries < 600; tries++) {
            LandscapePicture picture = worker.picture();
            if (test.test(picture)) {
                return picture;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no such picture came; the last was " + worker.picture());
    }

    @Test
    void itsMapIsTheLessonsLandscapeAndItsPathFollowsTraining() throws Exception {
        LabSession session = new LabSession(TestLessons.xor(), 4);
        try (LandscapeWorker worker = new LandscapeWorker(new FaultLog(Optional.empty()))) {
            TrainerSnapshot before = session.snapshot(1);
            worker.offer(before, TWO, 0);
            LandscapePicture.Ready first = (LandscapePicture.Ready) awaitPicture(worker, LandscapePicture.Ready.class::isInstance);

            Learner learner = Experiment.of(before.settings()).learner();
            LossLandscape.Map direct = LossLandscape.through(learner.network(), learner.data(), learner.hyperparameters().loss(), TWO)
                    .map(first.span(), LandscapeWorker.GRID);
            assertEquals(direct.loss()[7][30], first.map().loss()[7][30], 1e-12);
            assertEquals(new LossLandscape.Point(learner.network().layer(0).weight(1, 0), learner.network().layer(1).bias(0)),
                    first.current());
            assertEquals(first.centre(), first.current());
            assertEquals(1, first.path().size());

            session.apply(new TrainerCommand.StepEpoch());
            TrainerSnapshot after = session.snapshot(2);
            worker.offer(after, TWO, 0);
            LandscapePicture.Ready second = (LandscapePicture.Ready) awaitPicture(worker,
                    picture -> picture instanceof LandscapePicture.Ready ready && ready.path().size() == 2);
            assertEquals(first.current(), second.path().getFirst());
            assertEquals(new LossLandscape.Point(after.lab().network().layer(0).weight(1, 0), after.lab().network().layer(1).bias(0)),
                    second.current());
            assertTrue(Math.abs(second.downhill().x()) + Math.abs(second.downhill().y()) > 0);
        }
    }

    @Test
    void aParameterTheNetworkLacksIsSaidSo() throws Exception {
        LabSession session = new LabSession(TestLessons.xor(), 4);
        try (LandscapeWorker worker = new LandscapeWorker(new FaultLog(Optional.empty()))) {
            worker.offer(session.snapshot(1), new LandscapePlane.TwoParameters(new GradientCheck.Parameter.Weight(5, 0, 0),
                    new GradientCheck.Parameter.Bias(0, 0)), 0);
            LandscapePicture picture = awaitPicture(worker, shown -> shown instanceof LandscapePicture.Unavailable unavailable
                    && unavailable.reason() != LandscapePicture.Reason.COMPUTING);
            assertEquals(LandscapePicture.Reason.PARAMETER_GONE, assertInstanceOf(LandscapePicture.Unavailable.class, picture).reason());
        }
    }
}
