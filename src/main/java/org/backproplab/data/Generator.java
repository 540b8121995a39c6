package org.backproplab.data;

import java.util.ArrayList;

import java.util.List;

import java.util.Optional;
import java.util.function.DoubleBinaryOperator;
import org.backproplab.engine.LessonName;
import java.util.random.RandomGenerator;

/**
 * The data sets a lesson can name. The first six reproduce TensorFlow Playground's generators
 * exactly (its −1/+1 labels become classes 0/1), so lesson plans written for it carry over.
 * {@code noise} is Playground's slider / 100, in [0, 0.5].
 */
public enum Generator implements LessonName {
    /** Inner disc (class 1) inside an outer ring (class 0). */
    CIRCLE("circle", 2, 500, Domain.PLAYGROUND) {
        @Override
        List<DataPoint> points(int n, double noise, RandomGenerator rng) {
            List<DataPoint> points = new ArrayList<>();
            double radius = 5;
            for (int ring = 0; ring < 2; ring++) {
                double rMin = ring == 0 ? 0 : radius * 0.7;
                double rMax = ring == 0 ? radius * 0.5 : radius;
                for (int i = 0, count = share(n, 2, ring); i < count; i++) {
                    double r = uniform(rng, rMin, rMax);
                    double angle = uniform(rng, 0, 2 * Math.PI);
                    double x = r * Math.sin(angle);
                    double y = r * Math.cos(angle);
                    double noiseX = uniform(rng, -radius, radius) * noise;
                    double noiseY = uniform(rng, -radius, radius) * noise;
                    boolean inside = Math.hypot(x + noiseX, y + noiseY) < radius * 0.5;
                    points.add(new DataPoint(x, y, inside ? 1 : 0));
                }
            }
            return points;
        }
    },
    /** Quadrants: class 1 where x₁·x₂ ≥ 0. */
    XOR("xor", 2, 500, Domain.PLAYGROUND) {
        @Override
        List<DataPoint> points(int n, double noise, RandomGenerator rng) {
            List<DataPoint> points = new ArrayList<>();
            double padding = 0.3;
            for (int i = 0; i < n; i++) {
                double x = uniform(rng, -5, 5);
                x += x > 0 ? padding : -padding;
                double y = uniform(rng, -5, 5);
                y += y > 0 ? padding : -padding;
                double noiseX = uniform(rng, -5, 5) * noise;
                double noiseY = uniform(rng, -5, 5) * noise;
                points.add(new DataPoint(x, y, (x + noiseX) * (y + noiseY) >= 0 ? 1 : 0));
            }
            return points;
        }
    },
    /** Two Gaussian blobs, class 1 around (2, 2) and class 0 around (−2, −2). */
    GAUSS("gauss", 2, 500, Domain.PLAYGROUND) {
        @Override
        List<DataPoint> points(int n, double noise, RandomGenerator rng) {
            List<DataPoint> points = new ArrayList<>();
            double variance = 0.5 + (4 - 0.5) * (noise / 0.5);
            double sd = Math.sqrt(variance);
            for (int blob = 0; blob < 2; blob++) {
                double centre = blob == 0 ? 2 : -2;
                for (int i = 0, count = share(n, 2, blob); i < count; i++) {
                    double x = centre + rng.nextGaussian() * sd;
                    double y = centre + rng.nextGaussian() * sd;
                    points.add(new DataPoint(x, y, blob == 0 ? 1 : 0));
                }
            }
            return points;
        }
    },
    /** Two interleaved spiral arms, 1.75 turns each. */
    SPIRAL("spiral", 2, 500, Domain.PLAYGROUND) {
        @Override
        List<DataPoint> points(int n, double noise, RandomGenerator rng) {
            List<DataPoint> points = new ArrayList<>();
            for (int arm = 0; arm < 2; arm++) {
                int m = share(n, 2, arm);
                double deltaT = arm == 0 ? 0 : Math.PI;
                for (int i = 0; i < m; i++) {
                    double r = 5.0 * i / m;
                    double t = 1.75 * i / m * 2 * Math.PI + deltaT;
                    double x = r * Math.sin(t) + uniform(rng, -1, 1) * noise;
                    double y = r * Math.cos(t) + uniform(rng, -1, 1) * noise;
                    points.add(new DataPoint(x, y, arm == 0 ? 1 : 0));
                }
            }
            return points;
        }
    },
    /** Regression on a tilted plane: label (x₁ + x₂) scaled from [−10, 10] to [−1, 1]. */
    REGRESSION_PLANE("regression-plane", 0, 1200, Domain.PLAYGROUND) {
        @Override
        List<DataPoint> points(int n, double noise, RandomGenerator rng) {
            return regressionPoints(n, noise, rng, (x, y) -> (x + y) / 10);
        }
    },
    /** Regression on six bumps of alternating sign; each point takes the strongest bump's value. */
    REGRESSION_GAUSS("regression-gauss", 0, 1200, Domain.PLAYGROUND) {
        private static final double[][] BUMPS = {
            {-4, 2.5, 1}, {0, 2.5, -1}, {4, 2.5, 1}, {-4, -2.5, -1}, {0, -2.5, 1}, {4, -2.5, -1}};

        @Override
        List<DataPoint> points(int n, double noise, RandomGenerator rng) {
            return regressionPoints(n, noise, rng, (x, y) -> bumpLabel(x, y));
        }

        private static double bumpLabel(double x, double y) {
            double label = 0;
            for (double[] bump : BUMPS) {
                // Playground's scale: distance 0 → 1, distance ≥ 2 → 0, linear between.
                double height = Math.clamp(1 - Math.hypot(x - bump[0], y - bump[1]) / 2, 0, 1);
                double value = bump[2] * height;
                if (Math.abs(value) > Math.abs(label)) {
                    label = value;
                }
            }
            return label;
        }
    },
    /** scikit-learn's make_moons: two interleaving half circles, Gaussian noise of standard deviation {@code noise}. */
    MOONS("moons", 2, 500, new Domain(-1.5, 2.5)) {
        @Override
        List<DataPoint> points(int n, double noise, RandomGenerator rng) {
            List<DataPoint> points = new ArrayList<>();
            int outer = n / 2;
            int inner = n - outer;
            for (int i = 0; i < outer; i++) {
                double t = outer == 1 ? 0 : Math.PI * i / (outer - 1);
                points.add(new DataPoint(Math.cos(t) + rng.nextGaussian() * noise,
                        Math.sin(t) + rng.nextGaussian() * noise, 0));
            }
            for (int i = 0; i < inner; i++) {
                double t = inner == 1 ? 0 : Math.PI * i / (inner - 1);
                points.add(new DataPoint(1 - Math.cos(t) + rng.nextGaussian() * noise,
                        1 - Math.sin(t) - 0.5 + rng.nextGaussian() * noise, 1));
            }
            return points;
        }
    },
    /** Three spiral arms (as in CS231n's softmax example), scaled to radius 5; angle noise of sd 2·noise. */
    SPIRAL3("spiral3", 3, 600, Domain.PLAYGROUND) {
        @Override
        List<DataPoint> points(int n, double noise, RandomGenerator rng) {
            List<DataPoint> points = new ArrayList<>();
            for (int c = 0; c < 3; c++) {
                int perClass = share(n, 3, c);
                for (int i = 0; i < perClass; i++) {
                    double fraction = perClass == 1 ? 0 : (double) i / (perClass - 1);
                    double r = 5 * fraction;
                    double t = 4 * c + 4 * fraction + rng.nextGaussian() * 2 * noise;
                    points.add(new DataPoint(r * Math.sin(t), r * Math.cos(t), c));
                }
            }
            return points;
        }
    };

    /** The top of Playground's noise slider (50), as a fraction. */
    public static final double MAX_NOISE = 0.5;

    private final String id;
    private final int classes;
    private final int defaultPoints;
    private final Domain domain;

    Generator(String id, int classes, int defaultPoints, Domain domain) {
        this.id = id;
        this.classes = classes;
        this.defaultPoints = defaultPoints;
        this.domain = domain;
    }

    @Override
    public String id() {
        return id;
    }

    public static Optional<Generator> fromId(String id) {
        return LessonName.find(values(), id);
    }

    /** 0 for regression, else the number of classes. */
    public int classes() {
        return classes;
    }

    public int defaultPoints() {
        return defaultPoints;
    }

    /** The part of the plane the points lie in, for views and heatmaps. */
    public Domain domain() {
        return domain;
    }

    /** Generates {@code n} points with noise in [0, 0.5], drawing only from {@code rng}. */
    public Dataset generate(int n, double noise, RandomGenerator rng) {
        if (n < 0) {
            throw new IllegalArgumentException("point count must not be negative, got " + n);
        }
        // Outside [0, 0.5] the formulas break down (e.g. a negative Gaussian variance gives NaN points).
        if (!(noise >= 0 && noise <= MAX_NOISE)) {
            throw new IllegalArgumentException("noise must be between 0 and " + MAX_NOISE + ", got " + noise);
        }
        return new Dataset(points(n, noise, rng), classes);
    }

    abstract List<DataPoint> points(int n, double noise, RandomGenerator rng);

    /**
     * How many of {@code n} points group {@code group} of {@code groups} gets: an equal share, the
     * first groups taking one more each when n does not divide, so that exactly n points come out.
     */
    private static int share(int n, int groups, int group) {
        return n / groups + (group < n % groups ? 1 : 0);
    }

    /**
     * Playground's regression sampling: points uniform over [−6, 6]², each labelled by the surface
     * at a point shifted by U(−6, 6)·noise in x and y.
     */
    static List<DataPoint> regressionPoints(int n, double noise, RandomGenerator rng, DoubleBinaryOperator surface) {
        List<DataPoint> points = new ArrayList<>();
        double radius = 6;
        for (int i = 0; i < n; i++) {
            double x = uniform(rng, -radius, radius);
            double y = uniform(rng, -radius, radius);
            double noiseX = uniform(rng, -radius, radius) * noise;
            double noiseY = uniform(rng, -radius, radius) * noise;
            points.add(new DataPoint(x, y, surface.applyAsDouble(x + noiseX, y + noiseY)));
        }
        return points;
    }

    private static double uniform(RandomGenerator rng, double min, double max) {
        return min + rng.nextDouble() * (max - min);
    }
}
