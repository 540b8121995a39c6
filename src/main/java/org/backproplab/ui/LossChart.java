package org.backproplab.ui;

import java.util.List;
import java.util.function.ToDoubleFunction;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.backproplab.engine.Metrics;
import org.backproplab.training.HistoryPoint;

/**
 * Training and test loss (or accuracy) over the epochs: training solid, test dashed. Resting the
 * pointer on the chart marks the nearest recorded epoch and writes its exact values. Drawn on a
 * canvas rather than with a chart control, so a thousand points redraw every frame for nothing.
 */
final class LossChart extends CanvasView {

    /** What the chart plots. */
    enum Metric {
        LOSS, ACCURACY
    }

    private static final String FONT = "System";
    /** The least room at the left for the tick labels; wider labels (huge losses) get more. */
    private static final double LEFT = 58;
    private static final double RIGHT = 14;
    private static final double TOP = 10;
    private static final double BOTTOM = 24;

    private final Palette palette;
    private final Messages messages;
    private final NumberText numbers;
    private List<HistoryPoint> history = List.of();
    private boolean withTest;
    private Metric metric = Metric.LOSS;
    /** Pointer x in the chart, or NaN when the pointer is elsewhere. */
    private double pointerX = Double.NaN;
    private HistoryPoint marked;

    LossChart(Palette palette, Messages messages) {
        this.palette = palette;
        this.messages = messages;
        this.numbers = new NumberText(messages.locale());
        addEventHandler(MouseEvent.MOUSE_MOVED, event -> {
            pointerX = event.getX();
            redraw();
        });
        addEventHandler(MouseEvent.MOUSE_EXITED, event -> {
            pointerX = Double.NaN;
            redraw();
        });
        getStyleClass().add("loss-chart");
    }

    void show(List<HistoryPoint> points, boolean testPoints) {
        // Most snapshots bring no new point (one is kept per epoch, fewer on long runs): skip the redraw.
        boolean same = testPoints == withTest && points.size() == history.size()
                && (points.isEmpty() || points.getLast().equals(history.getLast()) && points.getFirst().equals(history.getFirst()));
        history = points;
        withTest = testPoints;
        if (!same) {
            redraw();
        }
    }

    void setMetric(Metric shown) {
        metric = shown;
        redraw();
    }

    Metric metric() {
        return metric;
    }

    /** The epoch the pointer marks, if any: what the readout shows. */
    HistoryPoint marked() {
        return marked;
    }

    @Override
    protected double computePrefHeight(double width) {
        return scaled(140);
    }

    @Override
    protected double computeMinHeight(double width) {
        return scaled(70);
    }

    private Font tickFont() {
        return Font.font(FONT, scaled(12));
    }

    @Override
    void draw(GraphicsContext gc, double width, double height) {
        gc.setFill(palette.surface());
        gc.fillRect(0, 0, width, height);
        marked = null;
        double plotWidth = width - scaled(LEFT + RIGHT);
        double plotHeight = height - scaled(TOP + BOTTOM);
        if (plotWidth < 20 || plotHeight < 20) {
            return;
        }
        if (history.isEmpty()) {
            gc.setFill(palette.mutedText());
            gc.setFont(Font.font(FONT, scaled(14)));
            gc.setTextAlign(TextAlignment.CENTER);
            gc.setTextBaseline(VPos.CENTER);
            gc.fillText(messages.get("chart.empty"), width / 2, height / 2);
            return;
        }
        long firstEpoch = history.getFirst().epoch();
        long lastEpoch = Math.max(history.getLast().epoch(), firstEpoch + 1);
        double top = metric == Metric.ACCURACY ? 1 : largestLoss() * 1.08;
        double left = Math.max(scaled(LEFT), widestTickLabel(top > 0 ? top : 1) + scaled(12));
        plotWidth = width - left - scaled(RIGHT);
        if (plotWidth < 20) {
            return;
        }
        Axis x = new Axis(firstEpoch, lastEpoch, left, left + plotWidth);
        Axis y = new Axis(0, top > 0 ? top : 1, scaled(TOP) + plotHeight, scaled(TOP));

        drawGridAndTicks(gc, x, y);
        drawCurve(gc, x, y, point -> value(point.train()), palette.trainingCurve(), false);
        if (withTest) {
            drawCurve(gc, x, y, point -> value(point.test()), palette.testCurve(), true);
        }
        double axis = scaled(1.2) * palette.strokeWeight();
        CrispLines.vertical(gc, palette.outline(), left, y.to(), y.from(), axis);
        CrispLines.horizontal(gc, palette.outline(), left, left + plotWidth, y.from(), axis);
        if (!Double.isNaN(pointerX) && pointerX >= left - 4 && pointerX <= left + plotWidth + 4) {
            marked = nearest(x.value(pointerX));
            drawMark(gc, x, y, marked, width);
        }
    }

    private double value(Metrics metrics) {
        return metric == Metric.LOSS ? metrics.loss() : metrics.accuracy();
    }

    private double largestLoss() {
        double largest = 0;
        for (HistoryPoint point : history) {
            largest = Math.max(largest, finiteOrZero(point.train().loss()));
            if (withTest) {
                largest = Math.max(largest, finiteOrZero(point.test().loss()));
            }
        }
        return largest;
    }

    private static double finiteOrZero(double value) {
        return Double.isFinite(value) ? value : 0;
    }

    private String yTickLabel(double tick, AxisTicks ticks) {
        return metric == Metric.ACCURACY ? numbers.percent(tick) : numbers.tick(tick, ticks.step());
    }

    private double widestTickLabel(double top) {
        AxisTicks ticks = AxisTicks.of(0, top, 4);
        double widest = 0;
        for (double tick : ticks.values()) {
            widest = Math.max(widest, TextWidth.of(yTickLabel(tick, ticks), tickFont()));
        }
        return widest;
    }

    private void drawGridAndTicks(GraphicsContext gc, Axis x, Axis y) {
        gc.setFont(tickFont());
        double grid = Math.round(Math.max(1, drawingScale() * palette.strokeWeight()));
        AxisTicks yTicks = AxisTicks.of(y.min(), y.max(), 4);
        gc.setTextAlign(TextAlignment.RIGHT);
        gc.setTextBaseline(VPos.CENTER);
        for (double tick : yTicks.values()) {
            double py = Math.floor(y.pixel(tick)) + 0.5;
            CrispLines.horizontal(gc, palette.grid(), x.from(), x.to(), py, grid);
            gc.setFill(palette.mutedText());
            gc.fillText(yTickLabel(tick, yTicks), x.from() - scaled(6), py);
        }
        AxisTicks xTicks = AxisTicks.of(x.min(), x.max(), 5);
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.TOP);
        for (double tick : xTicks.values()) {
            if (tick != Math.rint(tick)) {
                continue;
            }
            double px = Math.floor(x.pixel(tick)) + 0.5;
            CrispLines.vertical(gc, palette.grid(), px, y.to(), y.from(), grid);
            gc.setFill(palette.mutedText());
            gc.fillText(numbers.fixed(tick, 0), px, y.from() + scaled(4));
        }
    }

    private void drawCurve(GraphicsContext gc, Axis x, Axis y, ToDoubleFunction<HistoryPoint> value, Color color, boolean dashed) {
        gc.setStroke(color);
        gc.setLineWidth(scaled(2.5));
        gc.setLineCap(StrokeLineCap.ROUND);
        gc.setLineJoin(StrokeLineJoin.ROUND);
        if (dashed) {
            gc.setLineDashes(scaled(8), scaled(6));
        } else {
            gc.setLineDashes();
        }
        gc.beginPath();
        boolean drawing = false;
        double lastX = Double.NEGATIVE_INFINITY;
        for (HistoryPoint point : history) {
            double v = value.applyAsDouble(point);
            if (!Double.isFinite(v)) {
                drawing = false;
                continue;
            }
            double px = x.pixel(point.epoch());
            double py = y.pixel(Math.min(v, y.max()));
            if (drawing) {
                // A long run has more points than the chart has pixels: one vertex per pixel column is enough.
                if (px - lastX >= 1) {
                    gc.lineTo(px, py);
                    lastX = px;
                }
            } else {
                gc.moveTo(px, py);
                lastX = px;
                drawing = true;
            }
        }
        gc.stroke();
        gc.setLineDashes();
    }

    private HistoryPoint nearest(double epoch) {
        HistoryPoint best = history.getFirst();
        for (HistoryPoint point : history) {
            if (Math.abs(point.epoch() - epoch) < Math.abs(best.epoch() - epoch)) {
                best = point;
            }
        }
        return best;
    }

    /** A vertical line through the marked epoch, dots on the curves, and its values in a box. */
    private void drawMark(GraphicsContext gc, Axis x, Axis y, HistoryPoint point, double width) {
        double px = Math.floor(x.pixel(point.epoch())) + 0.5;
        CrispLines.vertical(gc, palette.highlight(), px, y.to(), y.from(), scaled(2));
        dot(gc, px, y, value(point.train()), palette.trainingCurve());
        if (withTest) {
            dot(gc, px, y, value(point.test()), palette.testCurve());
        }
        String text = messages.format(withTest ? "chart.readout" : "chart.readout.trainingOnly",
                numbers.fixed(point.epoch(), 0), format(value(point.train())), format(value(point.test())));
        Font font = Font.font(FONT, scaled(13));
        double boxWidth = TextWidth.of(text, font) + scaled(14);
        double boxHeight = scaled(22);
        double right = width - scaled(RIGHT);
        double boxX = Math.min(Math.max(px + scaled(8), x.from() + 4), right - boxWidth);
        if (px + scaled(8) + boxWidth > right) {
            boxX = Math.max(x.from() + 4, px - scaled(8) - boxWidth);
        }
        gc.setFill(palette.labelFill());
        gc.fillRoundRect(boxX, y.to() + 2, boxWidth, boxHeight, 6, 6);
        gc.setStroke(palette.outline());
        gc.setLineWidth(scaled(1));
        gc.strokeRoundRect(boxX, y.to() + 2, boxWidth, boxHeight, 6, 6);
        gc.setFill(palette.text());
        gc.setFont(font);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setTextBaseline(VPos.CENTER);
        gc.fillText(text, boxX + scaled(7), y.to() + 2 + boxHeight / 2);
    }

    private void dot(GraphicsContext gc, double px, Axis y, double value, Color color) {
        if (!Double.isFinite(value)) {
            return;
        }
        double py = y.pixel(Math.min(value, y.max()));
        gc.setFill(color);
        double r = scaled(4.5);
        gc.fillOval(px - r, py - r, 2 * r, 2 * r);
        gc.setStroke(palette.surface());
        gc.setLineWidth(scaled(1.5));
        gc.strokeOval(px - r, py - r, 2 * r, 2 * r);
    }

    private String format(double value) {
        return metric == Metric.ACCURACY ? numbers.percent(value) : numbers.compact(value);
    }

    /** A linear map from values in [min, max] to pixels in [from, to] (to may be less than from). */
    private record Axis(double min, double max, double from, double to) {
        double pixel(double value) {
            return from + (value - min) / (max - min) * (to - from);
        }

        double value(double pixel) {
            return min + (pixel - from) / (to - from) * (max - min);
        }
    }
}
