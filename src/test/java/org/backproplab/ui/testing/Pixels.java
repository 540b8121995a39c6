package org.backproplab.ui.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.testfx.util.WaitForAsyncUtils;

/** What a node looks like on screen, read pixel by pixel. */
public final class Pixels {

    /** How far apart two colours may be and still count as the same (smoothing, antialiasing). */
    static final double TOLERANCE = 0.08;

    private final WritableImage image;

    private Pixels(WritableImage image) {
        this.image = image;
    }

    /** Renders the node as it is now (after pending layout and drawing). */
    public static Pixels of(Node node) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        return new Pixels(WaitForAsyncUtils.asyncFx(() -> node.snapshot(null, null)).get());
    }

    public Color at(Point2D point) {
        return at(point.getX(), point.getY());
    }

    public Color at(double x, double y) {
        return image.getPixelReader().getColor((int) Math.floor(x), (int) Math.floor(y));
    }

    public static double distance(Color a, Color b) {
        return Math.max(Math.abs(a.getRed() - b.getRed()),
                Math.max(Math.abs(a.getGreen() - b.getGreen()), Math.abs(a.getBlue() - b.getBlue())));
    }

    public static boolean close(Color a, Color b) {
        return distance(a, b) <= TOLERANCE;
    }

    public static void assertColor(Color expected, Color actual, String what) {
        assertTrue(close(expected, actual), what + ": expected " + expected + " but the pixel is " + actual);
    }
}
