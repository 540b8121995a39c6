package org.backproplab.ui.boundary;

import java.util.List;
import java.util.function.Function;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.backproplab.data.DataPoint;
import org.backproplab.data.Domain;
import org.backproplab.ui.common.PlotFrame;

/**
 * The data points drawn once into a picture that each frame then copies whole. While training runs
 * the map under the points changes every frame and the points do not; with 100,000 of them,
 * stamping every point's sprite every frame cost the window more than all the rest of its work.
 * The picture is drawn again only when what it shows changes ({@link Look}).
 *
 * <p>Sprites are laid on each other here as the canvas would lay them ("over", in drawing order)
 * and at the same whole pixels, so the points look as they did when drawn one by one.
 */
final class PointLayer {

    /**
     * Everything the picture depends on. The point lists are the snapshot's own, which stay the same
     * objects while the data do, so comparing two looks is quick while training runs.
     *
     * @param colouring whatever decides a point's colour besides the point (the palette, the output's scale)
     */
    record Look(List<DataPoint> filled, List<DataPoint> hollow, Domain domain, double left, double top, double side,
            double radius, int width, int height, Color outline, Object colouring) {
    }

    private final PointSprites sprites = new PointSprites();
    private Look drawn;
    private WritableImage picture;
    private int pictureX;
    private int pictureY;

    /** Draws the points as {@code look} has them, remaking the picture first if the look changed. */
    void draw(GraphicsContext gc, Look look, PlotFrame frame, Function<DataPoint, Color> colour) {
        if (!look.equals(drawn)) {
            paint(look, frame, colour);
            drawn = look;
        }
        if (picture != null) {
            // Copied pixel for pixel: whole-pixel place, no scaling, nothing to smooth.
            gc.setImageSmoothing(false);
            gc.drawImage(picture, pictureX, pictureY);
        }
    }

    private void paint(Look look, PlotFrame frame, Function<DataPoint, Color> colour) {
        Sheet sheet = new Sheet(look.width(), look.height());
        for (DataPoint point : look.filled()) {
            sheet.stamp(sprites.filled(look.radius(), colour.apply(point), look.outline()),
                    frame.x(point.x1()), frame.y(point.x2()));
        }
        for (DataPoint point : look.hollow()) {
            sheet.stamp(sprites.hollow(look.radius(), colour.apply(point), look.outline()),
                    frame.x(point.x1()), frame.y(point.x2()));
        }
        picture = sheet.picture();
        pictureX = sheet.left;
        pictureY = sheet.top;
    }

    /** The drawing's pixels as non-premultiplied ARGB, and the box that points touched. */
    private static final class Sheet {
        private final int width;
        private final int height;
        private final int[] argb;
        private int left = Integer.MAX_VALUE;
        private int top = Integer.MAX_VALUE;
        private int right = Integer.MIN_VALUE;
        private int bottom = Integer.MIN_VALUE;

        Sheet(int width, int height) {
            this.width = width;
            this.height = height;
            this.argb = new int[Math.max(width, 0) * Math.max(height, 0)];
        }

        /** Lays a sprite over what is there, centred on (x, y) rounded to whole pixels as the canvas would. */
        void stamp(PointSprites.Sprite sprite, double x, double y) {
            int side = sprite.side();
            int x0 = (int) Math.round(x - side / 2.0);
            int y0 = (int) Math.round(y - side / 2.0);
            int fromRow = Math.max(0, -y0);
            int toRow = Math.min(side, height - y0);
            int fromCol = Math.max(0, -x0);
            int toCol = Math.min(side, width - x0);
            if (fromRow >= toRow || fromCol >= toCol) {
                return;
            }
            for (int row = fromRow; row < toRow; row++) {
                int at = (y0 + row) * width + x0;
                for (int col = fromCol; col < toCol; col++) {
                    argb[at + col] = over(sprite.argb()[row * side + col], argb[at + col]);
                }
            }
            left = Math.min(left, x0 + fromCol);
            top = Math.min(top, y0 + fromRow);
            right = Math.max(right, x0 + toCol);
            bottom = Math.max(bottom, y0 + toRow);
        }

        /** The part that points touched (copying a mostly empty picture each frame would waste time), or null. */
        WritableImage picture() {
            if (left >= right) {
                return null;
            }
            WritableImage picture = new WritableImage(right - left, bottom - top);
            picture.getPixelWriter().setPixels(0, 0, right - left, bottom - top, PixelFormat.getIntArgbInstance(),
                    argb, top * width + left, width);
            return picture;
        }

        /** Porter and Duff's "over" on non-premultiplied ARGB. */
        private static int over(int source, int destination) {
            int sourceAlpha = source >>> 24;
            if (sourceAlpha == 255 || destination == 0) {
                return source;
            }
            if (sourceAlpha == 0) {
                return destination;
            }
            double a = sourceAlpha / 255.0;
            double b = (destination >>> 24) / 255.0 * (1 - a);
            double alpha = a + b;
            return (int) Math.round(alpha * 255) << 24
                    | channel(source >> 16, destination >> 16, a, b, alpha) << 16
                    | channel(source >> 8, destination >> 8, a, b, alpha) << 8
                    | channel(source, destination, a, b, alpha);
        }

        private static int channel(int source, int destination, double a, double b, double alpha) {
            return (int) Math.round(((source & 0xff) * a + (destination & 0xff) * b) / alpha);
        }
    }
}
