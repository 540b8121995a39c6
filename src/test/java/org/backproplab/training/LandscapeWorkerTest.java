package org.backproplab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.backproplab.engine.Activation;
import org.backproplab.engine.GradientCheck;
import org.backproplab.engine.LandscapePlane;
import org.backproplab.engine.Learner;
import org.backproplab.engine.LossLandscape;
import org.backproplab.fixtures.TestLessons;
import org.backproplab.lesson.Experiment;
import org.backproplab.lesson.LessonCatalog;
import org.backproplab.trace.Matrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    /** The snapshot with another network in it, as a trainer could never publish: a test's way to diverge or to break. */
    private static TrainerSnapshot withNetwork(TrainerSnapshot snapshot, NetworkSnapshot network) {
        LabSnapshot lab = snapshot.lab();
        LabSnapshot changed = new LabSnapshot(lab.title(), lab.commentary(), lab.translations(), network, lab.heatmaps(),
                lab.trainPoints(), lab.testPoints(), lab.classes(), lab.domain(), lab.epoch(), lab.trainMetrics(),
                lab.testMetrics(), lab.lastUpdate());
        return new TrainerSnapshot(snapshot.version() + 1, changed, snapshot.settings(), snapshot.playing(), snapshot.speed(),
                snapshot.steps(), snapshot.trace(), snapshot.history(), snapshot.notice(), snapshot.commandsApplied(),
                snapshot.undoRedo(), snapshot.gradientCheck());
    }

    private static LandscapePicture.Ready awaitNewReady(LandscapeWorker worker, LandscapePicture seen) throws InterruptedException {
        return (LandscapePicture.Ready) awaitPicture(worker, picture -> picture != seen && picture instanceof LandscapePicture.Ready);
    }

    private static LandscapePicture.Reason awaitUnavailable(LandscapeWorker worker, LandscapePicture seen) throws InterruptedException {
        LandscapePicture picture = awaitPicture(worker, shown -> shown != seen && !(shown instanceof LandscapePicture.Unavailable waiting
                && waiting.reason() == LandscapePicture.Reason.COMPUTING));
        return assertInstanceOf(LandscapePicture.Unavailable.class, picture).reason();
    }

    @Test
    void itsPathFollowsARunMovingAlongTheXAxisThroughTheRemadeMaps() throws Exception {
        LabSession session = new LabSession(TestLessons.xor(), 4);
        try (LandscapeWorker worker = new LandscapeWorker(new FaultLog(Optional.empty()))) {
            TrainerSnapshot start = session.snapshot(1);
            double x0 = start.lab().network().layer(0).weight(1, 0);
            double y0 = start.lab().network().layer(1).bias(0);
            worker.offer(start, TWO, 0);
            LandscapePicture.Ready shown = (LandscapePicture.Ready) awaitPicture(worker, LandscapePicture.Ready.class::isInstance);
            List<LossLandscape.Point> walked = new ArrayList<>(List.of(new LossLandscape.Point(x0, y0)));
            for (int step = 1; step <= 6; step++) {
                // 0.3 a step: by the third, the weight has left the middle half of a map reaching ±1, which is remade.
                session.apply(new TrainerCommand.SetWeight(0, 1, 0, x0 + 0.3 * step));
                worker.offer(session.snapshot(1 + step), TWO, 0);
                int length = step + 1;
                shown = (LandscapePicture.Ready) awaitPicture(worker,
                        picture -> picture instanceof LandscapePicture.Ready ready && ready.path().size() == length);
                walked.add(new LossLandscape.Point(x0 + 0.3 * step, y0));
            }
            assertEquals(walked.size(), shown.path().size());
            for (int k = 0; k < walked.size(); k++) {
                // Projected again onto each remade map: equal up to rounding.
                assertEquals(walked.get(k).x(), shown.path().get(k).x(), 1e-12);
                assertEquals(walked.get(k).y(), shown.path().get(k).y(), 1e-12);
            }
            assertEquals(shown.path().getLast(), shown.current());
            assertTrue(shown.centre().x() > x0 + 0.5, "the map was remade around where the weights went: " + shown.centre());
        }
    }

    @Test
    void aMapOfRandomDirectionsIsRemadeWhenTheWeightsLeaveItsPlane() throws Exception {
        LabSession session = new LabSession(TestLessons.xor(), 4);
        LandscapePlane random = new LandscapePlane.RandomDirections(7);
        try (LandscapeWorker worker = new LandscapeWorker(new FaultLog(Optional.empty()))) {
            TrainerSnapshot start = session.snapshot(1);
            worker.offer(start, random, 0);
            LandscapePicture.Ready first = (LandscapePicture.Ready) awaitPicture(worker, LandscapePicture.Ready.class::isInstance);

            // Biases have no share in random directions: a bias moved is off the plane by exactly as much. A
            // direction's length is the weights' (filter normalisation), so the map reaches ±‖W‖ off its centre.
            double weightsLength = 0;
            for (LayerSnapshot layer : start.lab().network().layers()) {
                weightsLength = Math.hypot(weightsLength, layer.weights().norm());
            }
            double bias = start.lab().network().layer(1).bias(0);
            session.apply(new TrainerCommand.SetBias(1, 0, bias + weightsLength));
            TrainerSnapshot moved = session.snapshot(2);
            worker.offer(moved, random, 0);
            LandscapePicture.Ready second = awaitNewReady(worker, first);

            double lossNow = Experiment.of(moved.lessonNow()).learner().trainMetrics().loss();
            int middle = LandscapeWorker.GRID / 2;
            assertEquals(lossNow, second.map().loss()[middle][middle], 1e-12, "the map is centred on the weights now");
        }
    }

    @Test
    void resetStartsThePathAfresh() throws Exception {
        LabSession session = new LabSession(TestLessons.xor(), 4);
        try (LandscapeWorker worker = new LandscapeWorker(new FaultLog(Optional.empty()))) {
            worker.offer(session.snapshot(1), TWO, 0);
            LandscapePicture shown = awaitPicture(worker, LandscapePicture.Ready.class::isInstance);
            for (int epoch = 1; epoch <= 2; epoch++) {
                session.apply(new TrainerCommand.StepEpoch());
                worker.offer(session.snapshot(1 + epoch), TWO, 0);
                int length = epoch + 1;
                shown = awaitPicture(worker, picture -> picture instanceof LandscapePicture.Ready ready && ready.path().size() == length);
            }
            session.apply(new TrainerCommand.Reset());
            worker.offer(session.snapshot(4), TWO, 0);
            LandscapePicture.Ready afterReset = awaitNewReady(worker, shown);
            assertEquals(List.of(afterReset.current()), afterReset.path(), "the path of the run before Reset is gone");
        }
    }

    @Test
    void divergedWeightsAreSaidSoAndTheMapComesBackAfterThem() throws Exception {
        LabSession session = new LabSession(TestLessons.xor(), 4);
        try (LandscapeWorker worker = new LandscapeWorker(new FaultLog(Optional.empty()))) {
            TrainerSnapshot healthy = session.snapshot(1);
            LayerSnapshot output = healthy.lab().network().outputLayer();
            NetworkSnapshot notANumber = new NetworkSnapshot(healthy.lab().network().inputLabels(),
                    List.of(healthy.lab().network().layer(0), new LayerSnapshot(output.activation(),
                            Matrix.of(new double[][] {{Double.NaN, 1, 1}}), output.biases(), Optional.empty())));
            worker.offer(withNetwork(healthy, notANumber), TWO, 0);
            assertEquals(LandscapePicture.Reason.WEIGHTS_DIVERGED, awaitUnavailable(worker, null));

            // Finite, but so large that random directions drawn at it overflow.
            session.apply(new TrainerCommand.SetWeight(0, 0, 0, 1e300));
            LandscapePicture seen = worker.picture();
            worker.offer(session.snapshot(2), new LandscapePlane.RandomDirections(3), 0);
            assertEquals(LandscapePicture.Reason.WEIGHTS_DIVERGED, awaitUnavailable(worker, seen));

            seen = worker.picture();
            worker.offer(healthy, new LandscapePlane.RandomDirections(3), 0);
            LandscapePicture.Ready back = awaitNewReady(worker, seen);
            assertTrue(Double.isFinite(back.current().x()) && Double.isFinite(back.map().loss()[0][0]));
        }
    }

    @Test
    void aFailureIsLoggedOnceNotEveryFrame(@TempDir Path home) throws Exception {
        LabSession session = new LabSession(TestLessons.xor(), 4);
        TrainerSnapshot healthy = session.snapshot(1);
        // Four hidden neurons' weights for the lesson's three: building the network from them fails.
        NetworkSnapshot misshapen = new NetworkSnapshot(healthy.lab().network().inputLabels(), List.of(
                new LayerSnapshot(Activation.TANH, Matrix.of(new double[][] {{1, 1}, {1, 1}, {1, 1}, {1, 1}}),
                        Matrix.column(0, 0, 0, 0), Optional.empty()),
                new LayerSnapshot(Activation.SIGMOID, Matrix.of(new double[][] {{1, 1, 1, 1}}), Matrix.column(0), Optional.empty())));
        TrainerSnapshot broken = withNetwork(healthy, misshapen);
        try (LandscapeWorker worker = new LandscapeWorker(new FaultLog(Optional.of(home)))) {
            worker.offer(broken, TWO, 0);
            assertEquals(LandscapePicture.Reason.FAILED, awaitUnavailable(worker, null));
            // Frame after frame the view offers the same again.
            for (int frame = 0; frame < 10; frame++) {
                worker.offer(broken, TWO, 0);
                Thread.sleep(20);
            }
            // The user asks for a fresh map: tried again, and this time with weights that fit.
            LandscapePicture failed = worker.picture();
            worker.offer(healthy, TWO, 1);
            awaitNewReady(worker, failed);
        }
        String log = Files.readString(home.resolve(FaultLog.FILE_NAME));
        assertEquals(1, log.split("in thread landscape", -1).length - 1, log);
    }

    @Test
    void aBatchNormalisingNetworkHasItsMapAtItsEvaluationLoss() throws Exception {
        LabSession session = new LabSession(LessonCatalog.load("batch-normalisation"), 4);
        // Trained a little, so that γ, β and the running averages are no longer where they start.
        session.apply(new TrainerCommand.StepEpoch());
        session.apply(new TrainerCommand.StepEpoch());
        TrainerSnapshot trained = session.snapshot(1);
        try (LandscapeWorker worker = new LandscapeWorker(new FaultLog(Optional.empty()))) {
            worker.offer(trained, new LandscapePlane.RandomDirections(1), 0);
            LandscapePicture picture = awaitPicture(worker, shown -> !(shown instanceof LandscapePicture.Unavailable waiting
                    && waiting.reason() == LandscapePicture.Reason.COMPUTING));
            LandscapePicture.Ready ready = assertInstanceOf(LandscapePicture.Ready.class, picture);
            int middle = LandscapeWorker.GRID / 2;
            // The trainer's own measure of the loss at these weights, at evaluation (running averages).
            assertEquals(trained.lab().trainMetrics().loss(), ready.map().loss()[middle][middle], 1e-9);
        }
    }
}
