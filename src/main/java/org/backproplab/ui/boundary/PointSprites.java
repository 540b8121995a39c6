package org.backproplab.ui.boundary;

import java.util.HashMap;
import java.util.Map;
import javafx.scene.paint.Color;

/**
 * Data points as small prepared pictures, stamped into the {@link PointLayer}: thousands of
 * antialiased circles drawn one by one cost far more than the same few circles copied. Each sprite
 * is made once per colour and size, antialiased by supersampling.
 */
final class PointSprites {

    /** Line width of the dark outline round a filled point. */
    static final double OUTLINE = 1.2;
    private static final int SUPERSAMPLING = 4;
    /** Regression colours come from a 256-step scale: a bound that the cache never needs to exceed by much. */
    private static final int MAX_SPRITES = 600;

    private record Key(Color color, Color outline, double radius, boolean filled) {
    }

    /** A square picture, {@code side} pixels each way, as non-premultiplied ARGB, row by row. */
    record Sprite(int side, int[] argb) {
    }

    private final Map<Key, Sprite> sprites = new HashMap<>();

    /** A filled point: the colour inside, a thin outline round it. */
    Sprite filled(double radius, Color color, Color outline) {
        return sprite(new Key(color, outline, radius, true));
    }

    /** A hollow point: a thick ring of the colour between two thin outlines. */
    Sprite hollow(double radius, Color color, Color outline) {
        return sprite(new Key(color, outline, radius, false));
    }

    /** Width of the coloured ring of a hollow point of this radius. */
    static double ring(double radius) {
        return Math.max(2.2, radius * 0.45);
    }

    private Sprite sprite(Key key) {
        if (sprites.size() > MAX_SPRITES) {
            sprites.clear();
        }
        return sprites.computeIfAbsent(key, PointSprites::paint);
    }

    private static Sprite paint(Key key) {
        double reach = key.radius() + (key.filled() ? OUTLINE : ring(key.radius()) / 2 + 1) + 1;
        int side = 2 * (int) Math.ceil(reach);
        double centre = side / 2.0;
        int[] pixels = new int[side * side];
        int samples = SUPERSAMPLING * SUPERSAMPLING;
        for (int row = 0; row < side; row++) {
            for (int col = 0; col < side; col++) {
                double red = 0;
                double green = 0;
                double blue = 0;
                double alpha = 0;
                for (int sy = 0; sy < SUPERSAMPLING; sy++) {
                    for (int sx = 0; sx < SUPERSAMPLING; sx++) {
                        double dx = col + (sx + 0.5) / SUPERSAMPLING - centre;
                        double dy = row + (sy + 0.5) / SUPERSAMPLING - centre;
                        Color color = colourAt(key, Math.hypot(dx, dy));
                        if (color != null) {
                            red += color.getRed();
                            green += color.getGreen();
                            blue += color.getBlue();
                            alpha += 1;
                        }
                    }
                }
                if (alpha > 0) {
                    pixels[row * side + col] = ((int) Math.round(alpha / samples * 255) << 24)
                            | ((int) Math.round(red / alpha * 255) << 16)
                            | ((int) Math.round(green / alpha * 255) << 8)
                            | (int) Math.round(blue / alpha * 255);
                }
            }
        }
        return new Sprite(side, pixels);
    }

    /** What covers a spot at distance {@code d} from the centre, or null for nothing. */
    private static Color colourAt(Key key, double d) {
        double r = key.radius();
        if (key.filled()) {
            if (Math.abs(d - r) <= OUTLINE / 2) {
                return key.outline();
            }
            return d < r ? key.color() : null;
        }
        double ring = ring(r);
        if (Math.abs(d - r) <= ring / 2) {
            return key.color();
        }
        return Math.abs(d - r) <= ring / 2 + 1 ? key.outline() : null;
    }
}
