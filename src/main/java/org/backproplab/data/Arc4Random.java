package org.backproplab.data;

import java.util.random.RandomGenerator;

/**
 * The random stream of David Bau's {@code seedrandom} (version 2), which TensorFlow Playground
 * installs as {@code Math.random}: an ARC4 cipher keyed by the seed <em>string</em>, its first 256
 * outputs thrown away, and each double built from 7 or more of its bytes. Reproduced call for call
 * so that a playground link gives the same points and starting weights here as on the page.
 */
public final class Arc4Random implements RandomGenerator {

    private static final int WIDTH = 256;
    private static final int MASK = WIDTH - 1;
    /** Six bytes start each double: a numerator below 2⁴⁸. */
    private static final int CHUNKS = 6;
    private static final long SIGNIFICANCE = 1L << 52;
    private static final long OVERFLOW = 1L << 53;

    private final int[] s = new int[WIDTH];
    private int i;
    private int j;

    /** The stream {@code Math.seedrandom(seed)} starts, for the seed exactly as the link spells it. */
    public Arc4Random(String seed) {
        int[] key = mixKey(seed);
        for (int n = 0; n < WIDTH; n++) {
            s[n] = n;
        }
        for (int n = 0, k = 0; n < WIDTH; n++) {
            int t = s[n];
            k = MASK & (k + key[n % key.length] + t);
            s[n] = s[k];
            s[k] = t;
        }
        // RC4-drop[256], as seedrandom does to hide the key.
        bytes(WIDTH);
    }

    /**
     * seedrandom's mixkey: folds the string's UTF-16 code units into at most 256 key bytes. The
     * empty string gives the key [0], as ARC4 there treats an empty key.
     */
    private static int[] mixKey(String seed) {
        int[] key = new int[Math.min(seed.length(), WIDTH)];
        int smear = 0;
        for (int n = 0; n < seed.length(); n++) {
            int slot = MASK & n;
            // A slot not yet written is undefined in JavaScript, and undefined * 19 XORs as 0.
            smear ^= key[slot] * 19;
            key[slot] = MASK & (smear + seed.charAt(n));
        }
        return key.length == 0 ? new int[] {0} : key;
    }

    /** The next {@code count} cipher bytes as one number, most significant first (seedrandom's g). */
    private long bytes(int count) {
        long r = 0;
        for (int n = 0; n < count; n++) {
            i = MASK & (i + 1);
            int t = s[i];
            j = MASK & (j + t);
            s[i] = s[j];
            s[j] = t;
            r = r * WIDTH + s[MASK & (s[i] + t)];
        }
        return r;
    }

    /**
     * A double in [0, 1) with every bit of its 52-bit mantissa random: bytes are appended until the
     * numerator has 53 bits, then it is shifted back to exactly 53. Integer arithmetic here is exact
     * where seedrandom's doubles are, so the result is the same to the last bit.
     */
    @Override
    public double nextDouble() {
        long n = bytes(CHUNKS);
        double d = Math.pow(WIDTH, CHUNKS);
        long x = 0;
        while (n < SIGNIFICANCE) {
            n = (n + x) * WIDTH;
            d *= WIDTH;
            x = bytes(1);
        }
        while (n >= OVERFLOW) {
            n /= 2;
            d /= 2;
            x >>>= 1;
        }
        return (n + x) / d;
    }

    /** Not seedrandom's (it has only doubles): 64 bits from two of its doubles, so the stream stays one stream. */
    @Override
    public long nextLong() {
        return (long) (nextDouble() * 0x1p53) << 11 ^ (long) (nextDouble() * 0x1p11);
    }
}
