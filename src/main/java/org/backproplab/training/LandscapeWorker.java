package org.backproplab.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.backproplab.data.DataPoint;
import org.backproplab.engine.Initializer;
import org.backproplab.engine.InputFeature;
import org.backproplab.engine.LandscapePlane;
import org.backproplab.engine.LayerSpec;
import org.backproplab.engine.Loss;
import org.backproplab.engine.LossLandscape;
import org.backproplab.engine.Network;
import org.backproplab.engine.ParameterText;
import org.backproplab.engine.TrainingData;
import org.backproplab.lesson.Encoding;
import org.backproplab.lesson.Lesson;

/**
 * Computes loss landscapes on a daemon thread of its own, so that neither the FX thread nor the
 * trainer ever waits for one: the view hands it the latest snapshot each frame ({@link #offer},
 * latest-wins, never blocks) and draws the latest {@link LandscapePicture} ({@link #picture}).
 *
 * <p>From each snapshot it rebuilds the network (an immutable copy of the snapshot's weights) and
 * the training data, projects the weights onto the plane to extend the path, and measures the
 * slope there. The map itself, the costly part, is recomputed only when the plane changes, the
 * user asks, the data or shape changes, the run starts again, or the weights leave the map's middle
 * half (along the plane or off it).
 */
public final class LandscapeWorker implements AutoCloseable {

    /** Grid points per side of a map: the 41, fine enough for contours and about 0.1 s on a deep net. */
    public static final int GRID = 41;
    /** Random directions are normalised to the weights' own size: ±1 reaches as far again as the weights are large. */
    private static final double RANDOM_SPAN = 1;
    /** The least reach along a parameter's axis, and how far beyond its size the map reaches. */
    private static final double LEAST_PARAMETER_SPAN = 1;
    private static final double PARAMETER_SPAN_PER_SIZE = 1.5;
    /** Enough points for a smooth path; when more come, every other one goes, so the whole run stays. */
    private static final int MOST_PATH_POINTS = 600;
    private static final long IDLE_NANOS = 50_000_000;

    /** One frame's wish: the lab now, the plane wanted, and how many recomputes the user asked for so far. */
    private record Request(TrainerSnapshot snapshot, LandscapePlane plane, long recomputes) {
    }

    /**
     * What a failure is remembered by: the same source, plane and recompute count would fail the
     * same way, so the worker waits for one of them to change rather than log it every frame.
     */
    private record Attempt(Source source, LandscapePlane plane, long recomputes) {

        static Attempt of(Request request) {
            return new Attempt(Source.of(request.snapshot()), request.plane(), request.recomputes());
        }
    }

    /**
     * What the data, the network's shape and the loss come from: when any of it changes, the map and
     * the path start afresh.
     */
    private record Source(List<DataPoint> trainPoints, int classes, List<InputFeature> features, List<LayerSpec> layers,
            Loss loss) {

        static Source of(TrainerSnapshot snapshot) {
            Lesson settings = snapshot.settings();
            return new Source(snapshot.lab().trainPoints(), snapshot.lab().classes(), settings.features(), settings.layers(),
                    settings.hyperparameters().loss());
        }
    }

    private final AtomicReference<Request> inbox = new AtomicReference<>();
    private final AtomicReference<LandscapePicture> outbox =
            new AtomicReference<>(new LandscapePicture.Unavailable(LandscapePicture.Reason.COMPUTING));
    private final FaultLog faults;
    private final Thread thread;
    private volatile boolean closed;

    // Owned by the worker's thread.
    private Source source;
    private TrainingData data;
    private LossLandscape landscape;
    private LossLandscape.Map map;
    private double span;
    private LandscapePlane plane;
    private long recomputes;
    /** The epoch of the last snapshot drawn: one earlier means Reset or an undo started the run again. */
    private long epoch;
    /** The weights snapshot after snapshot, kept to project them again onto a remade map's plane. */
    private final List<Network> path = new ArrayList<>();
    /** Their places on the current plane, projected once each (not every frame). */
    private final List<LossLandscape.Point> projected = new ArrayList<>();
    /** The request that last failed, not tried again until something about it changes. */
    private Attempt failed;

    public LandscapeWorker(FaultLog faults) {
        this.faults = faults;
        thread = Thread.ofPlatform().name("landscape").daemon().start(this::run);
    }

    /**
     * Asks for the picture of {@code snapshot} on {@code plane}; {@code recomputes} counts the
     * user's requests for a fresh map, so one is never lost when a later request replaces it.
     */
    public void offer(TrainerSnapshot snapshot, LandscapePlane plane, long recomputes) {
        inbox.set(new Request(Objects.requireNonNull(snapshot), Objects.requireNonNull(plane), recomputes));
        LockSupport.unpark(thread);
    }

    /** The newest picture; never blocks. */
    public LandscapePicture picture() {
        return outbox.get();
    }

    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(thread);
    }

    private void run() {
        while (!closed) {
            Request request = inbox.getAndSet(null);
            if (request == null) {
                LockSupport.parkNanos(this, IDLE_NANOS);
                continue;
            }
            Attempt attempt = Attempt.of(request);
            if (attempt.equals(failed)) {
                continue;
            }
            try {
                outbox.set(picture(request));
                failed = null;
            } catch (RuntimeException | Error failure) {
                // A bug here must not end the thread, nor reach the trainer: the view says so, the log says why, once.
                faults.record(failure);
                failed = attempt;
                landscape = null;
                outbox.set(new LandscapePicture.Unavailable(LandscapePicture.Reason.FAILED));
            }
        }
    }

    private LandscapePicture picture(Request request) {
        TrainerSnapshot snapshot = request.snapshot();
        Lesson settings = snapshot.settings();
        if (snapshot.lab().trainPoints().isEmpty()) {
            return forget(LandscapePicture.Reason.NO_TRAINING_POINTS);
        }
        Network network = network(snapshot.lab().network(), settings);
        if (!network.isFinite()) {
            return forget(LandscapePicture.Reason.WEIGHTS_DIVERGED);
        }
        if (request.plane() instanceof LandscapePlane.TwoParameters two && !has(network, two)) {
            return forget(LandscapePicture.Reason.PARAMETER_GONE);
        }
        Source now = Source.of(snapshot);
        // Reset or an undo takes the weights back to an earlier epoch: the path there is another run's.
        boolean restarted = snapshot.epoch() < epoch;
        boolean changed = !now.equals(source) || !request.plane().equals(plane) || restarted;
        if (changed) {
            data = data(now, network);
            path.clear();
            projected.clear();
        }
        boolean asked = request.recomputes() != recomputes;
        source = now;
        plane = request.plane();
        recomputes = request.recomputes();
        epoch = snapshot.epoch();
        if (changed || asked || landscape == null || leftMiddleHalf(network)) {
            remap(network);
            if (!landscape.isFinite()) {
                // Directions drawn at weights so large their squares overflow: no map is drawable there.
                return forget(LandscapePicture.Reason.WEIGHTS_DIVERGED);
            }
        }
        // A step of training, or an edit while paused: either moves the weights, and the path follows.
        LossLandscape.Point current = landscape.project(network);
        if (projected.isEmpty() || !current.equals(projected.getLast())) {
            extendPath(network, current);
        }
        LossLandscape.Point slope = landscape.slope(network);
        return new LandscapePicture.Ready(plane, map, span, projected, current,
                new LossLandscape.Point(-slope.x(), -slope.y()));
    }

    private LandscapePicture forget(LandscapePicture.Reason reason) {
        landscape = null;
        source = null;
        epoch = 0;
        path.clear();
        projected.clear();
        return new LandscapePicture.Unavailable(reason);
    }

    /** A map centred on the weights now, reaching far enough to show the valley they sit in. */
    private void remap(Network network) {
        landscape = LossLandscape.through(network, data, source.loss(), plane);
        LossLandscape.Point origin = landscape.origin();
        span = plane instanceof LandscapePlane.RandomDirections ? RANDOM_SPAN
                : Math.max(LEAST_PARAMETER_SPAN, PARAMETER_SPAN_PER_SIZE * Math.max(Math.abs(origin.x()), Math.abs(origin.y())));
        map = landscape.map(span, GRID);
        projected.clear();
        path.forEach(weights -> projected.add(landscape.project(weights)));
    }

    /**
     * Whether the weights have left the middle half of the map: along an axis more than half the
     * span from the centre, or off the plane more than half the map's {@link LossLandscape#reach
     * reach} (how far it extends in weight space, span·min(‖d₁‖, ‖d₂‖)). NaN counts as outside.
     */
    private boolean leftMiddleHalf(Network network) {
        LossLandscape.Point point = landscape.project(network);
        LossLandscape.Point origin = landscape.origin();
        return !(Math.abs(point.x() - origin.x()) <= span / 2 && Math.abs(point.y() - origin.y()) <= span / 2
                && landscape.offPlane(network) <= landscape.reach(span) / 2);
    }

    /** Whether the network still has both picked parameters (a change of shape can take one away). */
    private static boolean has(Network network, LandscapePlane.TwoParameters plane) {
        try {
            ParameterText.check(plane.x(), network);
            ParameterText.check(plane.y(), network);
            return true;
        } catch (IllegalArgumentException gone) {
            return false;
        }
    }

    private void extendPath(Network network, LossLandscape.Point place) {
        path.add(network);
        projected.add(place);
        if (path.size() > MOST_PATH_POINTS) {
            for (int k = path.size() - 2; k > 0; k -= 2) {
                path.remove(k);
                projected.remove(k);
            }
        }
    }

    /** The snapshot's weights (and normalisations) in a network of the lesson's shape, which the snapshot's weights have. */
    private static Network network(NetworkSnapshot weights, Lesson settings) {
        // Every value is overwritten below; the initializer and its seed only fill the shape.
        Network network = Network.create(weights.inputCount(), settings.layers(), Initializer.XAVIER, new SplittableRandom(0));
        for (int l = 0; l < weights.layerCount(); l++) {
            LayerSnapshot layer = weights.layer(l);
            for (int n = 0; n < layer.size(); n++) {
                for (int i = 0; i < layer.inputSize(); i++) {
                    network.layer(l).setWeight(n, i, layer.weight(n, i));
                }
                network.layer(l).setBias(n, layer.bias(n));
            }
            int at = l;
            layer.batchNorm().ifPresent(norm -> norm.applyTo(network.layer(at).batchNorm().orElseThrow()));
        }
        return network;
    }

    /** The training points encoded as the trainer encodes them. */
    private static TrainingData data(Source source, Network network) {
        Encoding encoding = new Encoding(source.features(), network.outputSize(), source.classes(),
                network.outputLayer().activation());
        return new TrainingData(encoding.inputs(source.trainPoints()), encoding.targets(source.trainPoints()),
                encoding.inputs(List.of()), encoding.targets(List.of()), encoding.task());
    }
}
