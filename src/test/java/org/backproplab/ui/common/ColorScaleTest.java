package org.backproplab.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

class ColorScaleTest {

    private static final Palette PALETTE = Palette.STANDARD;

    /** The table is built without Color objects; it must still give exactly the colours Color.interpolate gives. */
    @Test
    void everyStepIsTheInterpolatedColour() {
        ColorScale plain = ColorScale.diverging(-1, 1, PALETTE);
        ColorScale tinted = plain.tinted(PALETTE.boundaryTint(), PALETTE);
        Color tintedLow = PALETTE.neutral().interpolate(PALETTE.negative(), PALETTE.boundaryTint());
        Color tintedHigh = PALETTE.neutral().interpolate(PALETTE.positive(), PALETTE.boundaryTint());
        for (int i = 0; i < 256; i++) {
            double t = i / 255.0;
            double value = -1 + 2 * t;
            assertEquals(ColorScale.argb(expected(PALETTE.negative(), PALETTE.positive(), t)), plain.argb(value), "step " + i);
            assertEquals(ColorScale.argb(expected(tintedLow, tintedHigh, t)), tinted.argb(value), "tinted step " + i);
        }
    }

    private static Color expected(Color low, Color high, double t) {
        return t < 0.5 ? low.interpolate(PALETTE.neutral(), 2 * t) : PALETTE.neutral().interpolate(high, 2 * t - 1);
    }
}
