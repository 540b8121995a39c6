package org.backproplab.ui.common;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;

/**
 * A drawing that fills whatever space the layout gives it: the canvas follows the region's size
 * and is redrawn when that size changes or when {@link #redraw()} is called with new data.
 */
public abstract class CanvasView extends Region {

    private final Canvas canvas = new Canvas();
    private double drawingScale = 1;

    // Subclassed from the feature packages now, so javac checks for a this-escape; none of them
    // overrides getChildren().
    @SuppressWarnings("this-escape")
    protected CanvasView() {
        getChildren().add(canvas);
    }

    @Override
    protected void layoutChildren() {
        double width = snapSizeX(getWidth());
        double height = snapSizeY(getHeight());
        if (canvas.getWidth() != width || canvas.getHeight() != height) {
            canvas.setWidth(width);
            canvas.setHeight(height);
            redraw();
        }
    }

    /** Draws the current data at the current size. */
    protected final void redraw() {
        GraphicsContext gc = canvas.getGraphicsContext2D();
        gc.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (canvas.getWidth() > 0 && canvas.getHeight() > 0) {
            draw(gc, canvas.getWidth(), canvas.getHeight());
        }
    }

    protected abstract void draw(GraphicsContext gc, double width, double height);

    /**
     * Draws lines, points and labels {@code scale} times their normal size (1 to 2): a presenter's
     * choice, so the back of the room reads what the front row does.
     */
    public void setDrawingScale(double scale) {
        if (scale != drawingScale) {
            drawingScale = scale;
            requestLayout();
            redraw();
        }
    }

    public double drawingScale() {
        return drawingScale;
    }

    /** A length given at normal size (a line width, a font size, a margin), at the chosen scale. */
    public double scaled(double length) {
        return length * drawingScale;
    }

    // A canvas has no natural size: it takes what the layout offers, down to a readable minimum.
    @Override
    protected double computePrefWidth(double height) {
        return 400;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 300;
    }
}
