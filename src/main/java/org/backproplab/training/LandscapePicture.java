package org.backproplab.training;

import java.util.List;
import org.backproplab.engine.LandscapePlane;
import org.backproplab.engine.LossLandscape;

/**
 * What the Landscape view draws, as the {@link LandscapeWorker} last made it: immutable, handed
 * from the worker's thread to the FX thread.
 */
public sealed interface LandscapePicture {

    /**
     * A map and where training is on it.
     *
     * @param plane    the plane the map lies in
     * @param map      the mean training loss over the grid, centred where the weights were when it was made
     * @param span     how far the map reaches from its centre along each axis
     * @param path     the weights' places on the plane snapshot after snapshot, oldest first, ending at {@code current}
     * @param current  where the weights are now
     * @param downhill −(∂L/∂x, ∂L/∂y) at the weights now: the way plain gradient descent would step
     */
    record Ready(LandscapePlane plane, LossLandscape.Map map, double span, List<LossLandscape.Point> path,
            LossLandscape.Point current, LossLandscape.Point downhill) implements LandscapePicture {

        public Ready {
            path = List.copyOf(path);
        }

        /** The middle of the map: where the weights were when it was made. */
        public LossLandscape.Point centre() {
            return new LossLandscape.Point(map.x()[map.x().length / 2], map.y()[map.y().length / 2]);
        }
    }

    /** Why there is no map to show. */
    record Unavailable(Reason reason) implements LandscapePicture {
    }

    enum Reason {
        /** The first map is being computed. */
        COMPUTING,
        /** No training points: there is no training loss. */
        NO_TRAINING_POINTS,
        /** A chosen parameter is gone (the network changed shape): pick again. */
        PARAMETER_GONE,
        /** The weights are no longer finite numbers (training diverged): there is no loss to map until Reset. */
        WEIGHTS_DIVERGED,
        /** Computing failed; the fault log has why. */
        FAILED
    }
}
