package org.backproplab.ui.common;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Paint;

/**
 * Level and upright lines, and rectangle outlines, drawn as filled rectangles. They look the same
 * as stroked ones, but under software rendering (a projector laptop, a virtual display) a stroke
 * goes through the general shape rasterizer, which for an outline works through every pixel inside
 * it, while a filled rectangle is a fast path. The views draw them every frame. Each call sets the
 * fill to {@code paint}.
 */
public final class CrispLines {

    private CrispLines() {
    }

    /** A level line from x1 to x2 centred on y. */
    public static void horizontal(GraphicsContext gc, Paint paint, double x1, double x2, double y, double width) {
        gc.setFill(paint);
        gc.fillRect(Math.min(x1, x2), y - width / 2, Math.abs(x2 - x1), width);
    }

    /** An upright line from y1 to y2 centred on x. */
    public static void vertical(GraphicsContext gc, Paint paint, double x, double y1, double y2, double width) {
        gc.setFill(paint);
        gc.fillRect(x - width / 2, Math.min(y1, y2), width, Math.abs(y2 - y1));
    }

    /** The outline {@code strokeRect(x, y, w, h)} would draw with this line width: centred on the rectangle's edge. */
    public static void outline(GraphicsContext gc, Paint paint, double x, double y, double w, double h, double width) {
        double half = width / 2;
        gc.setFill(paint);
        gc.fillRect(x - half, y - half, w + width, width);
        gc.fillRect(x - half, y + h - half, w + width, width);
        gc.fillRect(x - half, y + half, width, h - width);
        gc.fillRect(x + w - half, y + half, width, h - width);
    }
}
