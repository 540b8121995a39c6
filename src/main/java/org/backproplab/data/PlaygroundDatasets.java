package org.backproplab.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * TensorFlow Playground's six data sets drawn exactly as its {@code dataset.ts} draws them, one
 * {@code Math.random()} call for each of its calls, in the same order, so that the same seeded
 * stream gives the same points to the last bit. Its {@code Math.sin}, {@code cos} and {@code log}
 * are fdlibm's, hence {@link StrictMath} here. Labels: class 1 for its +1, class 0 for its −1;
 * regression points carry its number.
 *
 * <p>{@link Generator} draws the same shapes from the app's own stream, with its own arithmetic
 * where that differs in the last bits (hypot, Math.sin, its Gaussian); where it makes exactly the
 * playground's calls (XOR, the regression sampling) this class uses it. This class exists for
 * bit-exact imports of playground links only.
 */
public enum PlaygroundDatasets {
    CIRCLE("circle", false) {
        @Override
        List<DataPoint> draw(int samples, double noise, RandomGenerator random) {
            List<DataPoint> points = new ArrayList<>();
            double radius = 5;
            // Positive points inside the circle, then negative ones in the ring.
            for (int ring = 0; ring < 2; ring++) {
                for (int i = 0; i < samples / 2.0; i++) {
                    double r = ring == 0 ? uniform(random, 0, radius * 0.5) : uniform(random, radius * 0.7, radius);
                    double angle = uniform(random, 0, 2 * Math.PI);
                    double x = r * StrictMath.sin(angle);
                    double y = r * StrictMath.cos(angle);
                    double noiseX = uniform(random, -radius, radius) * noise;
                    double noiseY = uniform(random, -radius, radius) * noise;
                    // Noise decides the label only; the point itself is stored without it.
                    boolean inside = distance(x + noiseX, y + noiseY, 0, 0) < radius * 0.5;
                    points.add(new DataPoint(x, y, inside ? 1 : 0));
                }
            }
            return points;
        }
    },
    XOR("xor", false) {
        @Override
        List<DataPoint> draw(int samples, double noise, RandomGenerator random) {
            // The app's own XOR makes the same calls with the same arithmetic.
            return Generator.XOR.points(samples, noise, random);
        }
    },
    GAUSS("gauss", false) {
        @Override
        List<DataPoint> draw(int samples, double noise, RandomGenerator random) {
            List<DataPoint> points = new ArrayList<>();
            // d3.scale.linear().domain([0, .5]).range([0.5, 4])
            double variance = linear(noise, 0, 0.5, 0.5, 4);
            for (int blob = 0; blob < 2; blob++) {
                double centre = blob == 0 ? 2 : -2;
                for (int i = 0; i < samples / 2.0; i++) {
                    double x = normal(random, centre, variance);
                    double y = normal(random, centre, variance);
                    points.add(new DataPoint(x, y, blob == 0 ? 1 : 0));
                }
            }
            return points;
        }
    },
    SPIRAL("spiral", false) {
        @Override
        List<DataPoint> draw(int samples, double noise, RandomGenerator random) {
            List<DataPoint> points = new ArrayList<>();
            double n = samples / 2.0;
            for (int arm = 0; arm < 2; arm++) {
                double deltaT = arm == 0 ? 0 : Math.PI;
                for (int i = 0; i < n; i++) {
                    double r = i / n * 5;
                    double t = 1.75 * i / n * 2 * Math.PI + deltaT;
                    double x = r * StrictMath.sin(t) + uniform(random, -1, 1) * noise;
                    double y = r * StrictMath.cos(t) + uniform(random, -1, 1) * noise;
                    points.add(new DataPoint(x, y, arm == 0 ? 1 : 0));
                }
            }
            return points;
        }
    },
    REGRESSION_PLANE("reg-plane", true) {
        @Override
        List<DataPoint> draw(int samples, double noise, RandomGenerator random) {
            return Generator.regressionPoints(samples, noise, random, (x, y) -> linear(x + y, -10, 10, -1, 1));
        }
    },
    REGRESSION_GAUSS("reg-gauss", true) {
        private static final double[][] BUMPS = {
            {-4, 2.5, 1}, {0, 2.5, -1}, {4, 2.5, 1}, {-4, -2.5, -1}, {0, -2.5, 1}, {4, -2.5, -1}};

        @Override
        List<DataPoint> draw(int samples, double noise, RandomGenerator random) {
            return Generator.regressionPoints(samples, noise, random, (x, y) -> {
                // The bump largest in absolute value wins.
                double label = 0;
                for (double[] bump : BUMPS) {
                    double t = Math.max(0, Math.min(1, distance(x, y, bump[0], bump[1]) / 2));
                    double value = bump[2] * (1 * (1 - t) + 0 * t);
                    if (Math.abs(value) > Math.abs(label)) {
                        label = value;
                    }
                }
                return label;
            });
        }
    };

    private final String id;
    private final boolean regression;

    PlaygroundDatasets(String id, boolean regression) {
        this.id = id;
        this.regression = regression;
    }

    /** The name the playground's links use ({@code dataset=} or {@code regDataset=}). */
    public String id() {
        return id;
    }

    public boolean regression() {
        return regression;
    }

    public static Optional<PlaygroundDatasets> fromId(String id, boolean regression) {
        for (PlaygroundDatasets set : values()) {
            if (set.id.equals(id) && set.regression == regression) {
                return Optional.of(set);
            }
        }
        return Optional.empty();
    }

    /** The data set's points in the order the playground makes them, before its shuffle. */
    public Dataset generate(int samples, double noise, RandomGenerator random) {
        return new Dataset(draw(samples, noise, random), regression ? 0 : 2);
    }

    abstract List<DataPoint> draw(int samples, double noise, RandomGenerator random);

    /** dataset.ts shuffle: Fisher–Yates from the end, one draw per point (the last draw is always 0). */
    public static <T> void shuffle(List<T> list, RandomGenerator random) {
        for (int counter = list.size(); counter > 0; ) {
            int index = (int) Math.floor(random.nextDouble() * counter);
            counter--;
            list.set(counter, list.set(index, list.get(counter)));
        }
    }

    private static double uniform(RandomGenerator random, double a, double b) {
        return random.nextDouble() * (b - a) + a;
    }

    /** dataset.ts normalRandom: the polar method, one draw of the pair kept. */
    private static double normal(RandomGenerator random, double mean, double variance) {
        double v1;
        double v2;
        double s;
        do {
            v1 = 2 * random.nextDouble() - 1;
            v2 = 2 * random.nextDouble() - 1;
            s = v1 * v1 + v2 * v2;
        } while (s > 1);
        double result = Math.sqrt(-2 * StrictMath.log(s) / s) * v1;
        return mean + Math.sqrt(variance) * result;
    }

    private static double distance(double ax, double ay, double bx, double by) {
        double dx = ax - bx;
        double dy = ay - by;
        return Math.sqrt(dx * dx + dy * dy);
    }

    /** d3 (version 3) scale.linear: (v − d₀) / (d₁ − d₀) interpolated as r₀·(1 − t) + r₁·t. */
    private static double linear(double value, double d0, double d1, double r0, double r1) {
        double t = (value - d0) / (d1 - d0);
        return r0 * (1 - t) + r1 * t;
    }
}
