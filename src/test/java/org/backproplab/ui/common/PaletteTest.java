package org.backproplab.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

/** The high-contrast palette is what a washed-out projector needs: darker, heavier, and nothing grey for words. */
class PaletteTest {

    private static final Palette STANDARD = Palette.STANDARD;
    private static final Palette HIGH = Palette.HIGH_CONTRAST;

    @Test
    void wordsAndBordersAreBlackOnWhite() {
        assertEquals(Color.WHITE, HIGH.surface());
        assertEquals(Color.BLACK, HIGH.text());
        assertEquals(Color.BLACK, HIGH.mutedText(), "no grey labels");
        assertEquals(Color.BLACK, HIGH.outline());
        assertTrue(HIGH.grid().getOpacity() > STANDARD.grid().getOpacity(), "a grid that survives the projector");
        assertTrue(HIGH.strokeWeight() > STANDARD.strokeWeight(), "heavier lines");
    }

    @Test
    void everyColourThatCarriesMeaningStandsOutFromTheBackgroundMoreThanInTheStandardPalette() {
        for (Meaning meaning : Meaning.values()) {
            double high = contrast(meaning.of(HIGH), HIGH.surface());
            assertTrue(high >= 3, meaning + " reads against white at 3:1 or more, got " + high);
            assertTrue(high >= contrast(meaning.of(STANDARD), STANDARD.surface()), meaning + " is no paler than before");
        }
    }

    @Test
    void theSignsStayApartForRedGreenColourBlindViewers() {
        // Vermilion and blue differ in the blue-yellow axis that deuteranopes and protanopes keep.
        Color negative = HIGH.negative();
        Color positive = HIGH.positive();
        assertTrue(positive.getBlue() - negative.getBlue() > 0.5, "blue against not blue");
        assertTrue(Math.abs(luminance(negative) - luminance(positive)) > 0.1, "and a different lightness");
    }

    private enum Meaning {
        NEGATIVE, POSITIVE, FORWARD, BACKWARD, UPDATE, TEST_CURVE;

        Color of(Palette palette) {
            return switch (this) {
                case NEGATIVE -> palette.negative();
                case POSITIVE -> palette.positive();
                case FORWARD -> palette.forward();
                case BACKWARD -> palette.backward();
                case UPDATE -> palette.update();
                case TEST_CURVE -> palette.testCurve();
            };
        }
    }

    /** WCAG's contrast ratio, 1 (none) to 21 (black on white). */
    private static double contrast(Color a, Color b) {
        double lighter = Math.max(luminance(a), luminance(b));
        double darker = Math.min(luminance(a), luminance(b));
        return (lighter + 0.05) / (darker + 0.05);
    }

    private static double luminance(Color color) {
        return 0.2126 * linear(color.getRed()) + 0.7152 * linear(color.getGreen()) + 0.0722 * linear(color.getBlue());
    }

    private static double linear(double channel) {
        return channel <= 0.04045 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
    }
}
