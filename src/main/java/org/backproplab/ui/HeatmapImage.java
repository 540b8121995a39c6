package org.backproplab.ui;

import java.util.List;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.backproplab.trace.Matrix;

/** Turns heatmaps into images, one pixel per grid cell; the views scale them up smoothly. */
final class HeatmapImage {

    private HeatmapImage() {
    }

    /** One map through one colour scale; row 0 of the map becomes the top row of the image. */
    static WritableImage of(Matrix map, ColorScale scale) {
        int[] pixels = new int[map.rows() * map.cols()];
        for (int row = 0; row < map.rows(); row++) {
            for (int col = 0; col < map.cols(); col++) {
                pixels[row * map.cols() + col] = scale.argb(map.get(row, col));
            }
        }
        return image(map.cols(), map.rows(), pixels);
    }

    /**
     * Several outputs, one per class: each cell takes the colour of the class whose output is
     * largest there, fading to the neutral colour as that output falls towards a tie.
     */
    static WritableImage ofWinners(List<Matrix> outputs, Palette palette) {
        Matrix first = outputs.getFirst();
        int[] pixels = new int[first.rows() * first.cols()];
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
                double strength = Math.clamp((best - tie) / (1 - tie), 0.0, 1.0) * palette.boundaryTint();
                Color color = palette.neutral().interpolate(palette.classColor(winner), strength);
                pixels[row * first.cols() + col] = finite ? ColorScale.argb(color) : missing;
            }
        }
        return image(first.cols(), first.rows(), pixels);
    }

    private static WritableImage image(int width, int height, int[] pixels) {
        WritableImage image = new WritableImage(width, height);
        image.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), pixels, 0, width);
        return image;
    }
}
