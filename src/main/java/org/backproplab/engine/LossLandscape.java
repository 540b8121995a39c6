package org.backproplab.engine;

import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.ejml.data.DMatrixRMaj;

/**
 * The mean training loss over a plane through a network's weights: the point (x, y) of the plane
 * is the network with weights w₀ + (x − x₀)·d₁ + (y − y₀)·d₂, where w₀ are the weights it was made
 * from, (x₀, y₀) their place on the plane, and d₁, d₂ the plane's directions (see {@link
 * LandscapePlane}). For two chosen parameters, x and y are simply their values.
 *
 * <p>The loss is the one the charts show: the data loss without the regularization penalty, at
 * evaluation (no dropout; batch normalisation with its running averages), all training points in one
 * batch through the same forward pass that measures it there, so a map's value equals the loss
 * measured with the weights set by hand. A map's rows are split between the caller's thread and a
 * virtual thread, each with its own copy of the network and buffers.
 *
 * <p>Owns copies only: the network given is never changed, and a landscape is used by one thread
 * at a time.
 */
public final class LossLandscape {

    /**
     * The other half of each map runs on a virtual thread, not in the common fork-join pool: the
     * trainer splits its heatmaps there, and a map's 50 ms must not hold them up.
     */
    private static final ExecutorService HALVES = Executors.newVirtualThreadPerTaskExecutor();

    private final TrainingData data;
    private final Loss loss;
    private final double[] origin;
    private final double[] along;
    private final double[] across;
    private final double originX;
    private final double originY;
    /** (d₁·d₁, d₁·d₂, d₂·d₂): what projecting onto the plane solves with. */
    private final double alongSquared;
    private final double alongAcross;
    private final double acrossSquared;
    private final Half first;
    private final Half second;

    /** The mean loss at every point of a square grid: {@code loss[i][j]} at y = {@code y[i]} and x = {@code x[j]}. */
    public record Map(double[] x, double[] y, double[][] loss) {
    }

    /** A place on the plane, or a direction in it. */
    public record Point(double x, double y) {
    }

    private LossLandscape(Network network, TrainingData data, Loss loss, double[] along, double[] across, double originX,
            double originY) {
        if (data.trainSize() == 0) {
            throw new IllegalArgumentException("a loss landscape needs training points");
        }
        this.data = data;
        this.loss = loss;
        this.origin = ParameterVector.of(network);
        this.along = along;
        this.across = across;
        this.originX = originX;
        this.originY = originY;
        this.alongSquared = dot(along, along);
        this.alongAcross = dot(along, across);
        this.acrossSquared = dot(across, across);
        this.first = new Half(network.copy());
        this.second = new Half(network.copy());
    }

    /**
     * The plane {@code plane} through {@code network}'s current weights.
     *
     * @throws IllegalArgumentException if the plane names a parameter the network lacks, or there are no training points
     */
    public static LossLandscape through(Network network, TrainingData data, Loss loss, LandscapePlane plane) {
        int size = ParameterVector.size(network);
        double[] along = new double[size];
        double[] across = new double[size];
        return switch (plane) {
            case LandscapePlane.TwoParameters two -> {
                int x = ParameterVector.index(network, two.x());
                int y = ParameterVector.index(network, two.y());
                along[x] = 1;
                across[y] = 1;
                double[] values = ParameterVector.of(network);
                yield new LossLandscape(network, data, loss, along, across, values[x], values[y]);
            }
            case LandscapePlane.RandomDirections random -> {
                SplittableRandom rng = new SplittableRandom(random.seed());
                fillFilterNormalised(network, rng, along);
                fillFilterNormalised(network, rng, across);
                yield new LossLandscape(network, data, loss, along, across, 0, 0);
            }
        };
    }

    /**
     * A Gaussian direction with each neuron's row of weights scaled to that row's length in the
     * network (the biases' entries stay 0): Li et al.'s filter normalisation for dense layers.
     */
    private static void fillFilterNormalised(Network network, SplittableRandom rng, double[] direction) {
        int at = 0;
        for (int l = 0; l < network.layerCount(); l++) {
            Layer layer = network.layer(l);
            double[] w = layer.weights().data;
            int inputs = layer.inputSize();
            for (int neuron = 0; neuron < layer.size(); neuron++) {
                int row = at + neuron * inputs;
                double drawn = 0;
                double own = 0;
                for (int i = 0; i < inputs; i++) {
                    direction[row + i] = rng.nextGaussian();
                    drawn += direction[row + i] * direction[row + i];
                    own += w[neuron * inputs + i] * w[neuron * inputs + i];
                }
                double scale = drawn == 0 ? 0 : Math.sqrt(own / drawn);
                for (int i = 0; i < inputs; i++) {
                    direction[row + i] *= scale;
                }
            }
            at += layer.size() * (inputs + 1);
        }
    }

    /** Where the weights the landscape was made from lie on the plane: the map's centre. */
    public Point origin() {
        return new Point(originX, originY);
    }

    /**
     * The mean loss on a {@code grid} × {@code grid} square around the origin, each axis from its
     * origin − {@code span} to + {@code span}.
     */
    public Map map(double span, int grid) {
        if (grid < 2) {
            throw new IllegalArgumentException("a map needs at least 2 points a side, got " + grid);
        }
        if (!(span > 0 && Double.isFinite(span))) {
            throw new IllegalArgumentException("the span must be a positive number, got " + span);
        }
        double[] x = new double[grid];
        double[] y = new double[grid];
        for (int k = 0; k < grid; k++) {
            double offset = span * (2.0 * k / (grid - 1) - 1);
            x[k] = originX + offset;
            y[k] = originY + offset;
        }
        double[][] values = new double[grid][grid];
        boolean split = grid > 2 && Runtime.getRuntime().availableProcessors() > 1;
        int middle = split ? grid / 2 : grid;
        Future<?> other = split ? HALVES.submit(() -> second.rows(x, y, middle, grid, values)) : null;
        first.rows(x, y, 0, middle, values);
        if (other != null) {
            try {
                other.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while computing a loss landscape", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("the other half of a loss landscape failed", e.getCause());
            }
        }
        return new Map(x, y, values);
    }

    /** The mean loss at one point of the plane. */
    public double lossAt(double x, double y) {
        return first.lossAt(x, y);
    }

    /** A copy of the network with the weights of point (x, y) of the plane: what the map's value there is the loss of. */
    Network networkAt(double x, double y) {
        first.lossAt(x, y);
        return first.network.copy();
    }

    /**
     * Where {@code network}'s weights lie on the plane: for two parameters, their values; for random
     * directions, the least-squares solution of w − w₀ ≈ (x − x₀)·d₁ + (y − y₀)·d₂ (the directions are
     * not orthogonal, so plain dot products would not do). Weights off the plane land at their
     * nearest point on it.
     */
    public Point project(Network network) {
        double[] w = ParameterVector.of(network);
        double alongDot = 0;
        double acrossDot = 0;
        for (int k = 0; k < w.length; k++) {
            double moved = w[k] - origin[k];
            alongDot += along[k] * moved;
            acrossDot += across[k] * moved;
        }
        double determinant = alongSquared * acrossSquared - alongAcross * alongAcross;
        if (determinant <= 1e-12 * alongSquared * acrossSquared) {
            // Parallel or zero directions (a network of zero weights has no filter-normalised ones).
            return new Point(originX + (alongSquared == 0 ? 0 : alongDot / alongSquared), originY);
        }
        return new Point(originX + (acrossSquared * alongDot - alongAcross * acrossDot) / determinant,
                originY + (alongSquared * acrossDot - alongAcross * alongDot) / determinant);
    }

    /**
     * How far {@code network}'s weights lie off the plane: ‖w − (w₀ + (x − x₀)·d₁ + (y − y₀)·d₂)‖
     * at their {@link #project projection} (x, y). Training moves nearly every weight, and two random
     * directions among thousands are nearly orthogonal to that motion: the projection alone barely
     * moves while the weights leave the map behind.
     */
    public double offPlane(Network network) {
        double[] w = ParameterVector.of(network);
        Point place = project(network);
        double dx = place.x() - originX;
        double dy = place.y() - originY;
        double squared = 0;
        for (int k = 0; k < w.length; k++) {
            double away = w[k] - (origin[k] + dx * along[k] + dy * across[k]);
            squared += away * away;
        }
        return Math.sqrt(squared);
    }

    /**
     * How far in weight space a map of {@code span} reaches from its centre along the shorter of its
     * two directions: span·min(‖d₁‖, ‖d₂‖), the distance from the centre to the nearer edge's middle.
     * For two parameters (unit directions) it is the span itself.
     */
    public double reach(double span) {
        return span * Math.sqrt(Math.min(alongSquared, acrossSquared));
    }

    /** Whether the plane is made of finite numbers: directions drawn at overflowing weights are not. */
    public boolean isFinite() {
        return Double.isFinite(alongSquared) && Double.isFinite(acrossSquared) && Double.isFinite(originX)
                && Double.isFinite(originY);
    }

    /**
     * How fast the loss rises along each axis at {@code network}'s weights: (∂L/∂x, ∂L/∂y), the
     * derivatives along d₁ and d₂ by central differences of the same loss the map shows. For two
     * parameters these are their partial derivatives; the downhill arrow is the negative of this.
     */
    public Point slope(Network network) {
        double[] w = ParameterVector.of(network);
        double step = 1e-5;
        return new Point(first.difference(w, along, step), first.difference(w, across, step));
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int k = 0; k < a.length; k++) {
            sum += a[k] * b[k];
        }
        return sum;
    }

    /** One thread's share of a map: its own network copy, forward buffers and weight vector. */
    private final class Half {
        private final Network network;
        private final ForwardPass forward = new ForwardPass();
        private final double[] weights = new double[origin.length];

        Half(Network network) {
            this.network = network;
        }

        void rows(double[] x, double[] y, int from, int to, double[][] values) {
            for (int i = from; i < to; i++) {
                for (int j = 0; j < x.length; j++) {
                    values[i][j] = lossAt(x[j], y[i]);
                }
            }
        }

        double lossAt(double x, double y) {
            double dx = x - originX;
            double dy = y - originY;
            for (int k = 0; k < weights.length; k++) {
                weights[k] = origin[k] + dx * along[k] + dy * across[k];
            }
            return meanLoss();
        }

        /** (L(w + h·d) − L(w − h·d)) / 2h. */
        double difference(double[] w, double[] direction, double step) {
            for (int k = 0; k < weights.length; k++) {
                weights[k] = w[k] + step * direction[k];
            }
            double up = meanLoss();
            for (int k = 0; k < weights.length; k++) {
                weights[k] = w[k] - step * direction[k];
            }
            return (up - meanLoss()) / (2 * step);
        }

        private double meanLoss() {
            ParameterVector.write(weights, network);
            DMatrixRMaj outputs = forward.run(network, data.trainInputs());
            return loss.meanLoss(forward.z(network.layerCount() - 1), outputs, data.trainTargets());
        }
    }
}
