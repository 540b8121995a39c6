package org.backproplab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Training's tanh is hand-made (see {@link Tanh}) so that the vectorised loop can match it bit for
 * bit: it must still be as exact as the JDK's, and the two paths must never disagree, or the same
 * seed would train differently on a machine without the Vector API.
 */
class TanhTest {

    /** Values across every range the method treats differently, and the awkward ones. */
    private static double[] samples() {
        SplittableRandom rng = new SplittableRandom(5);
        double[] z = new double[200_003];
        double[] special = {0.0, -0.0, 1e-300, -1e-300, Double.MIN_VALUE, 1e-9, 0.004, 0.1733, 0.3466, 1, -1, 18.5, 19.1, 20,
            -20, 25, 700, -800, Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN};
        System.arraycopy(special, 0, z, 0, special.length);
        for (int i = special.length; i < z.length; i++) {
            // Log-uniform magnitudes from 1e-12 to 1e2, both signs: every n of e^y's split is reached.
            z[i] = (rng.nextBoolean() ? 1 : -1) * Math.pow(10, rng.nextDouble(-12, 2));
        }
        return z;
    }

    @Test
    void agreesWithTheJdkToOnePartInAQuadrillion() {
        double worst = 0;
        for (double z : samples()) {
            double exact = Math.tanh(z);
            double ours = Tanh.of(z);
            if (Double.isNaN(exact)) {
                assertTrue(Double.isNaN(ours), "tanh(NaN)");
            } else if (exact != ours) {
                worst = Math.max(worst, Math.abs(ours - exact) / Math.abs(exact));
            }
        }
        assertTrue(worst <= 1e-15, "largest relative difference " + worst);
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(Tanh.of(-0.0)), "tanh(−0) = −0");
        assertEquals(1.0, Tanh.of(40));
        assertEquals(-1.0, Tanh.of(Double.NEGATIVE_INFINITY));
    }

    @Test
    void theVectorisedLoopGivesTheScalarValuesBitForBit() {
        double[] z = samples();
        double[] a = new double[z.length];
        Activation.TANH.apply(z, a, z.length);
        assertTrue(Activation.VECTORS, "the tests run with the Vector API, as the app does");
        for (int i = 0; i < z.length; i++) {
            assertEquals(Double.doubleToRawLongBits(Tanh.of(z[i])), Double.doubleToRawLongBits(a[i]), "tanh(" + z[i] + ")");
        }
    }

    @Test
    void aLayerOfAnyLengthGetsTheScalarValuesInPlaceOrNot() {
        // Lengths that are not whole vectors end in a block overlapping the one before it, or, in
        // place, in the scalar loop: either way every entry must be the scalar tanh of its own z.
        double[] all = samples();
        for (int n = 1; n <= 19; n++) {
            double[] z = Arrays.copyOfRange(all, 7 * n, 8 * n);
            double[] a = new double[n];
            Activation.TANH.apply(z, a, n);
            double[] inPlace = z.clone();
            Activation.TANH.apply(inPlace, inPlace, n);
            for (int i = 0; i < n; i++) {
                long expected = Double.doubleToRawLongBits(Tanh.of(z[i]));
                assertEquals(expected, Double.doubleToRawLongBits(a[i]), "length " + n + ", entry " + i);
                assertEquals(expected, Double.doubleToRawLongBits(inPlace[i]), "in place, length " + n + ", entry " + i);
            }
        }
    }
}
