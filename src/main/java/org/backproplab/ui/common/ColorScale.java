package org.backproplab.ui.common;

import javafx.scene.paint.Color;
import org.backproplab.engine.Activation;

/**
 * A diverging colour map: values from {@code low} through the middle to {@code high} go from the
 * low colour through the neutral colour to the high colour; values outside are clamped. Colours are
 * looked up in a precomputed table, so painting a heatmap is one array read per pixel.
 */
public final class ColorScale {

    private static final int STEPS = 256;

    private final double low;
    private final double high;
    private final int[] table = new int[STEPS];
    private final int missing;

    private ColorScale(double low, double high, Color lowColor, Color middle, Color highColor, Color missing) {
        if (!(low < high)) {
            throw new IllegalArgumentException("a colour scale needs low < high, got " + low + " and " + high);
        }
        this.low = low;
        this.high = high;
        this.missing = argb(missing);
        for (int i = 0; i < STEPS; i++) {
            double t = (double) i / (STEPS - 1);
            table[i] = t < 0.5 ? mix(lowColor, middle, 2 * t) : mix(middle, highColor, 2 * t - 1);
        }
    }

    /**
     * {@code argb(from.interpolate(to, t))} without making a Color: views build several scales a
     * frame while training, and 256 Colors each was most of the FX thread's garbage. The same float
     * arithmetic as {@link Color#interpolate}, so the same pixels.
     */
    private static int mix(Color from, Color to, double t) {
        if (t <= 0) {
            return argb(from);
        }
        if (t >= 1) {
            return argb(to);
        }
        float ft = (float) t;
        return channel(from.getOpacity(), to.getOpacity(), ft) << 24 | channel(from.getRed(), to.getRed(), ft) << 16
                | channel(from.getGreen(), to.getGreen(), ft) << 8 | channel(from.getBlue(), to.getBlue(), ft);
    }

    private static int channel(double from, double to, float t) {
        float start = (float) from;
        return (int) Math.round((double) (start + ((float) to - start) * t) * 255);
    }

    private ColorScale(double low, double high, int[] table, int missing) {
        this.low = low;
        this.high = high;
        System.arraycopy(table, 0, this.table, 0, STEPS);
        this.missing = missing;
    }

    public static ColorScale diverging(double low, double high, Palette palette) {
        return new ColorScale(low, high, palette.negative(), palette.neutral(), palette.positive(), palette.missing());
    }

    /**
     * The scale for what a layer with this activation outputs: its whole range where it has one
     * (sigmoid 0…1, tanh −1…1). Unbounded activations (ReLU, linear) are shown over −1…1 and
     * saturate beyond, as in TensorFlow Playground.
     */
    public static ColorScale forActivation(Activation activation, Palette palette) {
        return switch (activation) {
            case SIGMOID, SOFTMAX -> diverging(0, 1, palette);
            case TANH, RELU, LEAKY_RELU, LINEAR -> diverging(-1, 1, palette);
        };
    }

    /** A scale centred on 0 reaching the given magnitude both ways (for inputs such as x₁ or x₁²). */
    public static ColorScale symmetric(double maxAbs, Palette palette) {
        double reach = maxAbs > 0 && Double.isFinite(maxAbs) ? maxAbs : 1;
        return diverging(-reach, reach, palette);
    }

    /** The same scale with its ends pulled towards the middle colour, for backgrounds under points. */
    public ColorScale tinted(double strength, Palette palette) {
        Color middle = palette.neutral();
        return new ColorScale(low, high, middle.interpolate(palette.negative(), strength), middle,
                middle.interpolate(palette.positive(), strength), palette.missing());
    }

    /**
     * The same scale cut in two at its middle: every value takes the colour of the end it is
     * nearer, as a yes/no decision does. Shows exactly where the network's answer flips.
     */
    public ColorScale discrete() {
        int[] cut = new int[STEPS];
        for (int i = 0; i < STEPS; i++) {
            cut[i] = i < STEPS / 2 ? table[0] : table[STEPS - 1];
        }
        return new ColorScale(low, high, cut, missing);
    }

    public int argb(double value) {
        if (Double.isNaN(value)) {
            return missing;
        }
        double t = Math.clamp((value - low) / (high - low), 0.0, 1.0);
        return table[(int) Math.round(t * (STEPS - 1))];
    }

    public Color color(double value) {
        int argb = argb(value);
        return Color.rgb((argb >> 16) & 0xff, (argb >> 8) & 0xff, argb & 0xff, ((argb >>> 24) & 0xff) / 255.0);
    }

    static int argb(Color color) {
        return ((int) Math.round(color.getOpacity() * 255) << 24)
                | ((int) Math.round(color.getRed() * 255) << 16)
                | ((int) Math.round(color.getGreen() * 255) << 8)
                | (int) Math.round(color.getBlue() * 255);
    }
}
