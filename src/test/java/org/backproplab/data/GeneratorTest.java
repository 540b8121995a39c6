package org.backproplab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each generator against its definition (TensorFlow Playground's for the first six, scikit-learn's
 * make_moons, CS231n's three-arm spiral), so lessons written for those tools show the same data.
 */
class GeneratorTest {

    /** Divisible by 2 and 3, so every class gets an equal share. */
    private static final int MANY = 3000;

    private static List<DataPoint> points(Generator generator, int n, double noise) {
        return generator.generate(n, noise, new SplittableRandom(2024)).points();
    }

    private static long count(List<DataPoint> points, Predicate<DataPoint> which) {
        return points.stream().filter(which).count();
    }

    // ---- every generator ----

    @ParameterizedTest
    @EnumSource(Generator.class)
    void makesExactlyTheRequestedNumberOfPoints(Generator generator) {
        for (int n : new int[] {0, 1, 2, 7, 100, 255, 301}) {
            Dataset dataset = generator.generate(n, 0.1, new SplittableRandom(n));
            assertEquals(n, dataset.size(), generator.id() + " with n = " + n);
            assertEquals(generator.classes(), dataset.classes());
        }
    }

    @ParameterizedTest
    @EnumSource(Generator.class)
    void classificationClassesAreBalancedAndInRange(Generator generator) {
        if (generator.classes() == 0) {
            return;
        }
        // XOR's class comes from its quadrant, so only it is balanced just on average.
        double slack = generator == Generator.XOR ? 0.03 * MANY : 0;
        List<DataPoint> points = points(generator, MANY, 0);
        assertEquals(0, count(points, p -> p.label() != p.classIndex() || p.classIndex() < 0 || p.classIndex() >= generator.classes()),
                "labels must be class indices");
        for (int c = 0; c < generator.classes(); c++) {
            int cls = c;
            assertEquals((double) MANY / generator.classes(), count(points, p -> p.label() == cls), slack,
                    generator.id() + " class " + c);
        }
    }

    @ParameterizedTest
    @EnumSource(Generator.class)
    void sameSeedGivesTheSamePointsAndAnotherSeedOthers(Generator generator) {
        Dataset first = generator.generate(200, 0.2, new SplittableRandom(5));
        Dataset again = generator.generate(200, 0.2, new SplittableRandom(5));
        Dataset other = generator.generate(200, 0.2, new SplittableRandom(6));

        assertEquals(first, again);
        assertNotEquals(first.points(), other.points());
    }

    @ParameterizedTest
    @EnumSource(Generator.class)
    void isFoundByItsLessonName(Generator generator) {
        assertEquals(generator, Generator.fromId(generator.id()).orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.1, 0.51, Double.NaN, Double.POSITIVE_INFINITY})
    void refusesNoiseOutsideTheSliderRange(double noise) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Generator.GAUSS.generate(10, noise, new SplittableRandom(1)));
        assertTrue(e.getMessage().contains("noise"), e.getMessage());
    }

    @Test
    void refusesANegativePointCount() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Generator.CIRCLE.generate(-1, 0, new SplittableRandom(1)));
        assertTrue(e.getMessage().contains("point count"), e.getMessage());
    }

    // ---- circle ----

    @Test
    void circleHasAnInnerDiscAndAnOuterRing() {
        List<DataPoint> points = points(Generator.CIRCLE, MANY, 0.3);
        for (DataPoint p : points.subList(0, MANY / 2)) {
            assertTrue(radius(p) <= 2.5, "inner point at radius " + radius(p));
        }
        for (DataPoint p : points.subList(MANY / 2, MANY)) {
            assertTrue(radius(p) >= 3.5 && radius(p) <= 5, "outer point at radius " + radius(p));
        }
    }

    @Test
    void circleWithoutNoiseLabelsByRadius() {
        for (DataPoint p : points(Generator.CIRCLE, MANY, 0)) {
            assertEquals(radius(p) < 2.5 ? 1 : 0, p.classIndex(), "point at radius " + radius(p));
        }
    }

    @Test
    void circleNoiseFlipsSomeLabelsNearTheGap() {
        List<DataPoint> points = points(Generator.CIRCLE, MANY, 0.5);
        long flipped = count(points, p -> p.classIndex() != (radius(p) < 2.5 ? 1 : 0));
        assertTrue(flipped > 0 && flipped < MANY / 2, flipped + " labels flipped");
    }

    // ---- xor ----

    @Test
    void xorPointsStayAwayFromTheAxes() {
        for (DataPoint p : points(Generator.XOR, MANY, 0.5)) {
            assertTrue(Math.abs(p.x1()) >= 0.3 && Math.abs(p.x1()) <= 5.3, "x1 = " + p.x1());
            assertTrue(Math.abs(p.x2()) >= 0.3 && Math.abs(p.x2()) <= 5.3, "x2 = " + p.x2());
        }
    }

    @Test
    void xorWithoutNoiseLabelsByQuadrant() {
        for (DataPoint p : points(Generator.XOR, MANY, 0)) {
            assertEquals(p.x1() * p.x2() >= 0 ? 1 : 0, p.classIndex(), p.toString());
        }
    }

    @Test
    void xorNoiseFlipsSomeLabels() {
        long flipped = count(points(Generator.XOR, MANY, 0.5), p -> p.classIndex() != (p.x1() * p.x2() >= 0 ? 1 : 0));
        assertTrue(flipped > 0 && flipped < MANY / 2, flipped + " labels flipped");
    }

    // ---- gauss ----

    @Test
    void gaussBlobsSitAroundTheirCentres() {
        List<DataPoint> points = points(Generator.GAUSS, MANY, 0.2);
        for (int cls = 0; cls < 2; cls++) {
            int c = cls;
            List<DataPoint> blob = points.stream().filter(p -> p.classIndex() == c).toList();
            double centre = cls == 1 ? 2 : -2;
            assertEquals(centre, blob.stream().mapToDouble(DataPoint::x1).average().orElseThrow(), 0.1, "class " + cls + " x1 mean");
            assertEquals(centre, blob.stream().mapToDouble(DataPoint::x2).average().orElseThrow(), 0.1, "class " + cls + " x2 mean");
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 0.25, 0.5})
    void gaussVarianceGrowsLinearlyWithNoise(double noise) {
        double expected = 0.5 + 3.5 * noise / 0.5;
        List<DataPoint> blob = points(Generator.GAUSS, MANY, noise).stream().filter(p -> p.classIndex() == 1).toList();
        double mean = blob.stream().mapToDouble(DataPoint::x1).average().orElseThrow();
        double variance = blob.stream().mapToDouble(p -> (p.x1() - mean) * (p.x1() - mean)).sum() / (blob.size() - 1);
        assertEquals(expected, variance, 0.1 * expected, "variance at noise " + noise);
    }

    // ---- spiral ----

    @Test
    void spiralWithoutNoiseLiesExactlyOnItsArms() {
        List<DataPoint> points = points(Generator.SPIRAL, MANY, 0);
        int m = MANY / 2;
        for (int k = 0; k < MANY; k++) {
            DataPoint p = points.get(k);
            int arm = k / m;
            int i = k % m;
            double r = 5.0 * i / m;
            double t = 1.75 * i / m * 2 * Math.PI + (arm == 0 ? 0 : Math.PI);
            assertEquals(r * Math.sin(t), p.x1(), 1e-12);
            assertEquals(r * Math.cos(t), p.x2(), 1e-12);
            assertEquals(arm == 0 ? 1 : 0, p.classIndex());
            assertTrue(radius(p) <= 5);
        }
    }

    @Test
    void spiralNoiseMovesEachCoordinateByAtMostTheNoise() {
        List<DataPoint> clean = points(Generator.SPIRAL, 400, 0);
        List<DataPoint> noisy = points(Generator.SPIRAL, 400, 0.3);
        double largest = 0;
        for (int k = 0; k < clean.size(); k++) {
            largest = Math.max(largest, Math.abs(noisy.get(k).x1() - clean.get(k).x1()));
            largest = Math.max(largest, Math.abs(noisy.get(k).x2() - clean.get(k).x2()));
        }
        assertTrue(largest > 0.2 && largest <= 0.3, "largest shift " + largest);
    }

    // ---- regression ----

    @Test
    void regressionPlaneLabelIsTheScaledSumOfTheCoordinates() {
        for (DataPoint p : points(Generator.REGRESSION_PLANE, MANY, 0)) {
            assertTrue(Math.abs(p.x1()) <= 6 && Math.abs(p.x2()) <= 6, p.toString());
            // Playground maps x1 + x2 from [−10, 10] to [−1, 1] without clamping; the corners reach ±1.2.
            assertEquals((p.x1() + p.x2()) / 10, p.label(), 1e-15);
        }
    }

    @Test
    void regressionGaussTakesTheStrongestBump() {
        double[][] bumps = {{-4, 2.5, 1}, {0, 2.5, -1}, {4, 2.5, 1}, {-4, -2.5, -1}, {0, -2.5, 1}, {4, -2.5, -1}};
        for (DataPoint p : points(Generator.REGRESSION_GAUSS, MANY, 0)) {
            assertTrue(Math.abs(p.label()) <= 1, p.toString());
            // Bumps are at least 4 apart and reach 2 far, so a point feels at most one of them.
            double expected = 0;
            for (double[] bump : bumps) {
                double d = Math.hypot(p.x1() - bump[0], p.x2() - bump[1]);
                if (d < 2) {
                    expected = bump[2] * (1 - d / 2);
                }
            }
            assertEquals(expected, p.label(), 1e-12, p.toString());
        }
    }

    @Test
    void regressionGaussLabelsStayWithinOneUnderNoise() {
        for (DataPoint p : points(Generator.REGRESSION_GAUSS, MANY, 0.5)) {
            assertTrue(Math.abs(p.label()) <= 1, p.toString());
        }
    }

    // ---- moons and spiral3 ----

    @Test
    void moonsWithoutNoiseLieOnTwoHalfCircles() {
        for (DataPoint p : points(Generator.MOONS, MANY, 0)) {
            if (p.classIndex() == 0) {
                assertEquals(1, Math.hypot(p.x1(), p.x2()), 1e-12);
                assertTrue(p.x2() >= -1e-12);
            } else {
                assertEquals(1, Math.hypot(p.x1() - 1, p.x2() - 0.5), 1e-12);
                assertTrue(p.x2() <= 0.5 + 1e-12);
            }
        }
    }

    @Test
    void spiralThreeHasThreeArmsWithinRadiusFive() {
        List<DataPoint> points = points(Generator.SPIRAL3, 600, 0.5);
        for (DataPoint p : points) {
            assertTrue(radius(p) <= 5 + 1e-12, p.toString());
        }
        // Each arm runs from the centre to the rim.
        for (int c = 0; c < 3; c++) {
            int cls = c;
            List<DataPoint> arm = points.stream().filter(p -> p.classIndex() == cls).toList();
            assertEquals(0, radius(arm.getFirst()), 1e-12);
            assertEquals(5, radius(arm.getLast()), 1e-12);
        }
    }

    private static double radius(DataPoint p) {
        return Math.hypot(p.x1(), p.x2());
    }
}
