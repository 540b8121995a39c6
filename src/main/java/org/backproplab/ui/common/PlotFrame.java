package org.backproplab.ui.common;

import javafx.geometry.Point2D;
import org.backproplab.data.Domain;

/**
 * The square plot of the input plane inside a drawing: where the domain lands in pixels, leaving
 * room at the left and bottom for tick labels and the axis names. Kept apart from the drawing so
 * tests can find where each data point is.
 */
public final class PlotFrame {

    public static final double LEFT = 70;
    static final double BOTTOM = 50;
    static final double TOP = 12;
    public static final double RIGHT = 14;

    private final Domain domain;
    private final double left;
    private final double top;
    private final double side;

    private PlotFrame(Domain domain, double left, double top, double side) {
        this.domain = domain;
        this.left = left;
        this.top = top;
        this.side = side;
    }

    /** The largest square that fits, centred in the drawing. */
    public static PlotFrame of(Domain domain, double width, double height) {
        return of(domain, width, height, 1);
    }

    /** As {@link #of(Domain, double, double)} with room for tick labels drawn {@code scale} times their normal size. */
    public static PlotFrame of(Domain domain, double width, double height, double scale) {
        double leftRoom = LEFT * scale;
        double across = (LEFT + RIGHT) * scale;
        double down = (TOP + BOTTOM) * scale;
        double side = Math.max(Math.min(width - across, height - down), 0);
        double left = leftRoom + (width - across - side) / 2;
        double top = TOP * scale + (height - down - side) / 2;
        return new PlotFrame(domain, left, top, side);
    }

    public Domain domain() {
        return domain;
    }

    public double left() {
        return left;
    }

    public double top() {
        return top;
    }

    public double right() {
        return left + side;
    }

    public double bottom() {
        return top + side;
    }

    public double side() {
        return side;
    }

    /** Pixel column of x₁. */
    public double x(double x1) {
        return left + (x1 - domain.min()) / domain.width() * side;
    }

    /** Pixel row of x₂; larger x₂ is higher up. */
    public double y(double x2) {
        return top + (domain.max() - x2) / domain.width() * side;
    }

    /** The x₁ at a pixel column: the inverse of {@link #x}. */
    public double x1(double x) {
        return domain.min() + (x - left) / side * domain.width();
    }

    /** The x₂ at a pixel row: the inverse of {@link #y}. */
    public double x2(double y) {
        return domain.max() - (y - top) / side * domain.width();
    }

    public Point2D pixel(double x1, double x2) {
        return new Point2D(x(x1), y(x2));
    }
}
