package org.backproplab.ui.common;

import java.util.List;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.backproplab.trace.Matrix;

/**
 * Turns heatmaps into images, one pixel per grid cell; the views scale them up smoothly. Each
 * instance is one place on screen (a node, the boundary) and keeps two images that it paints in
 * turn: a view showing a new heatmap every frame then allocates nothing, and never paints over the
 * image the renderer may still be drawing from the frame before.
 */
public final class HeatmapImage {

    private final WritableImage[] images = new WritableImage[2];
    private int[] pixels = new int[0];
    private int turn;

    /** One map through one colour scale; row 0 of the map becomes the top row of the image. */
    public WritableImage paint(Matrix map, ColorScale scale) {
        int[] out = pixels(map.rows() * map.cols());
        for (int row = 0; row < map.rows(); row++) {
            for (int col = 0; col < map.cols(); col++) {
                out[row * map.cols() + col] = scale.argb(map.get(row, col));
            }
        }
        return write(map.cols(), map.rows());
    }

    /**
     * Several outputs, one per class: each cell takes the colour of the class whose output is
     * largest there, fading to the neutral colour as that output falls towards a tie, or (when
     * {@code discrete}) at full strength wherever it wins.
     */
    public WritableImage paintWinners(List<Matrix> outputs, Palette palette, boolean discrete) {
        Matrix first = outputs.getFirst();
        int[] out = pixels(first.rows() * first.cols());
        double tie = 1.0 / outputs.size();
        int missing = ColorScale.argb(palette.missing());
        for (int row = 0; row < first.rows(); row++) {
            for (int col = 0; col < first.cols(); col++) {
                int winner = 0;
                double best = Double.NEGATIVE_INFINITY;
                boolean finite = true;
                for (int k = 0; k < outputs.size(); k++) {
                    double value = outputs.get(k).get(row, col);
                    finite &= Double.isFinite(value);
                    if (value > best) {
                        best = value;
                        winner = k;
                    }
                }
                double confidence = discrete ? 1 : Math.clamp((best - tie) / (1 - tie), 0.0, 1.0);
                double strength = confidence * palette.boundaryTint();
                Color color = palette.neutral().interpolate(palette.classColor(winner), strength);
                out[row * first.cols() + col] = finite ? ColorScale.argb(color) : missing;
            }
        }
        return write(first.cols(), first.rows());
    }

    private int[] pixels(int count) {
        if (pixels.length != count) {
            pixels = new int[count];
        }
        return pixels;
    }

    private WritableImage write(int width, int height) {
        WritableImage image = images[turn];
        if (image == null || image.getWidth() != width || image.getHeight() != height) {
            image = new WritableImage(width, height);
            images[turn] = image;
        }
        turn = 1 - turn;
        image.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), pixels, 0, width);
        return image;
    }
}
