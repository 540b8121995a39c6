package org.backproplab.ui.charts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.backproplab.training.HistoryPoint;
import org.backproplab.ui.common.AxisTicks;
import org.backproplab.ui.common.CanvasView;
import org.backproplab.ui.common.CrispLines;
import org.backproplab.ui.common.Messages;
import org.backproplab.ui.common.NumberText;
import org.backproplab.ui.common.Palette;
import org.backproplab.ui.common.TextWidth;

/**
 * A chart of the training history over the epochs: grid, epoch ticks, one line per {@link Curve},
 * and, while the pointer rests on it, a mark on the nearest recorded epoch with its exact values.
 * Subclasses choose the points, the y scale, the curves and the readout. Drawn on a canvas rather
 * than with a chart control, so a thousand points redraw every frame for nothing.
 */
public abstract class EpochChart extends CanvasView {

    static final String FONT = "System";
    private static final double READOUT_LINE = 17;
    /** The least room at the left for the tick labels; wider labels (huge losses) get more. */
    private static final double LEFT = 58;
    private static final double RIGHT = 14;
    private static final double TOP = 10;
    private static final double BOTTOM = 24;

    /**
     * One line of the chart.
     *
     * @param value    its height at a point, in y-axis units; NaN leaves a gap
     * @param endLabel written at the line's right end, so that lines are told apart without colour; null for none
     */
    record Curve(ToDoubleFunction<HistoryPoint> value, Color color, boolean dashed, String endLabel) {
    }

    /** The y axis: its range in axis units and its labelled ticks (a blank label draws only the grid line). */
    record YScale(double min, double max, List<Tick> ticks) {
    }

    record Tick(double value, String label) {
    }

    final Palette palette;
    final Messages messages;
    final NumberText numbers;
    private List<HistoryPoint> history = List.of();
    /** Pointer x in the chart, or NaN when the pointer is elsewhere. */
    private double pointerX = Double.NaN;
    private HistoryPoint marked;

    EpochChart(Palette palette, Messages messages) {
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
        // A hidden chart skips its redraws (see setHistory): it catches up when it is shown.
        visibleProperty().addListener((property, was, now) -> {
            if (now) {
                redraw();
            }
        });
    }

    /** The points the chart plots, out of the whole history. */
    List<HistoryPoint> plotted(List<HistoryPoint> all) {
        return all;
    }

    /** The y axis for these points, for a plot this many pixels high. */
    abstract YScale yScale(List<HistoryPoint> points, double plotHeight);

    /** The lines to draw through these points. */
    abstract List<Curve> curves(List<HistoryPoint> points, YScale y);

    /** The lines of the readout for a marked point. */
    abstract List<String> readout(HistoryPoint point);

    /** What the chart says while it has no points to plot. */
    String emptyText() {
        return messages.get("chart.empty");
    }

    /** A caveat written in a corner of the plot, or null. */
    String note(List<HistoryPoint> points, YScale y) {
        return null;
    }

    /**
     * Takes a new history; redraws only if it differs from the one on show ({@code changed} says
     * so for a change the history cannot show) and the chart is visible.
     */
    final void setHistory(List<HistoryPoint> points, boolean changed) {
        // Most snapshots bring no new point (one is kept per epoch, fewer on long runs): skip the redraw.
        boolean same = !changed && points.size() == history.size()
                && (points.isEmpty() || points.getLast().equals(history.getLast()) && points.getFirst().equals(history.getFirst()));
        history = points;
        if (!same && isVisible()) {
            redraw();
        }
    }

    final List<HistoryPoint> history() {
        return history;
    }

    /** The epoch the pointer marks, if any: what the readout shows. */
    public HistoryPoint marked() {
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

    // Fonts at the drawing's scale, so a chart scaled up for a room reads like its words around it.
    /** Grid lines: hairlines normally, heavier in a high-contrast palette or at a larger scale. */
    private double gridWidth() {
        return Math.round(Math.max(1, drawingScale() * palette.strokeWeight()));
    }

    private Font tickFont() {
        return Font.font(FONT, scaled(12));
    }

    private Font readoutFont() {
        return Font.font(FONT, scaled(13));
    }

    private Font endLabelFont() {
        return Font.font(FONT, FontWeight.BOLD, scaled(12));
    }

    private Font noteFont() {
        return Font.font(FONT, scaled(11));
    }

    /** How tall the curves' area is in a chart {@code height} tall: what is left under the tick labels' room. */
    public final double plotHeight(double height) {
        return height - scaled(TOP) - scaled(BOTTOM);
    }

    @Override
    protected final void draw(GraphicsContext gc, double width, double height) {
        gc.setFill(palette.surface());
        gc.fillRect(0, 0, width, height);
        marked = null;
        List<HistoryPoint> points = plotted(history);
        double top = scaled(TOP);
        double plotHeight = plotHeight(height);
        if (width - scaled(LEFT + RIGHT) < 20 || plotHeight < 20) {
            return;
        }
        if (points.isEmpty()) {
            gc.setFill(palette.mutedText());
            gc.setFont(Font.font(FONT, scaled(14)));
            gc.setTextAlign(TextAlignment.CENTER);
            gc.setTextBaseline(VPos.CENTER);
            gc.fillText(emptyText(), width / 2, height / 2);
            return;
        }
        YScale scale = yScale(points, plotHeight);
        List<Curve> curves = curves(points, scale);
        double left = Math.max(scaled(LEFT), widestTickLabel(scale) + scaled(12));
        double right = scaled(RIGHT) + widestEndLabel(curves);
        double plotWidth = width - left - right;
        if (plotWidth < 20) {
            return;
        }
        long firstEpoch = points.getFirst().epoch();
        long lastEpoch = Math.max(points.getLast().epoch(), firstEpoch + 1);
        Axis x = new Axis(firstEpoch, lastEpoch, left, left + plotWidth);
        Axis y = new Axis(scale.min(), scale.max(), top + plotHeight, top);

        drawGridAndTicks(gc, x, y, scale);
        for (Curve curve : curves) {
            drawCurve(gc, x, y, points, curve);
        }
        drawEndLabels(gc, x, y, points, curves);
        double axis = scaled(1.2) * palette.strokeWeight();
        CrispLines.vertical(gc, palette.outline(), left, top, top + plotHeight, axis);
        CrispLines.horizontal(gc, palette.outline(), left, left + plotWidth, top + plotHeight, axis);
        String note = note(points, scale);
        if (note != null) {
            drawNote(gc, x, y, note);
        }
        if (!Double.isNaN(pointerX) && pointerX >= left - 4 && pointerX <= left + plotWidth + 4) {
            marked = nearest(points, x.value(pointerX));
            drawMark(gc, x, y, curves, marked, width - right);
        }
    }

    private double widestTickLabel(YScale scale) {
        double widest = 0;
        for (Tick tick : scale.ticks()) {
            widest = Math.max(widest, TextWidth.of(tick.label(), tickFont()));
        }
        return widest;
    }

    private double widestEndLabel(List<Curve> curves) {
        double widest = 0;
        for (Curve curve : curves) {
            if (curve.endLabel() != null) {
                widest = Math.max(widest, TextWidth.of(curve.endLabel(), endLabelFont()) + scaled(8));
            }
        }
        return widest;
    }

    private void drawGridAndTicks(GraphicsContext gc, Axis x, Axis y, YScale scale) {
        gc.setFont(tickFont());
        gc.setTextAlign(TextAlignment.RIGHT);
        gc.setTextBaseline(VPos.CENTER);
        for (Tick tick : scale.ticks()) {
            double py = Math.floor(y.pixel(tick.value())) + 0.5;
            CrispLines.horizontal(gc, palette.grid(), x.from(), x.to(), py, gridWidth());
            gc.setFill(palette.mutedText());
            gc.fillText(tick.label(), x.from() - scaled(6), py);
        }
        AxisTicks xTicks = AxisTicks.of(x.min(), x.max(), 5);
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.TOP);
        for (double tick : xTicks.values()) {
            if (tick != Math.rint(tick)) {
                continue;
            }
            double px = Math.floor(x.pixel(tick)) + 0.5;
            CrispLines.vertical(gc, palette.grid(), px, y.to(), y.from(), gridWidth());
            gc.setFill(palette.mutedText());
            gc.fillText(numbers.fixed(tick, 0), px, y.from() + scaled(4));
        }
    }

    private void drawCurve(GraphicsContext gc, Axis x, Axis y, List<HistoryPoint> points, Curve curve) {
        gc.setStroke(curve.color());
        gc.setLineWidth(scaled(2.5));
        gc.setLineCap(StrokeLineCap.ROUND);
        gc.setLineJoin(StrokeLineJoin.ROUND);
        if (curve.dashed()) {
            gc.setLineDashes(scaled(8), scaled(6));
        } else {
            gc.setLineDashes();
        }
        gc.beginPath();
        boolean drawing = false;
        double lastX = Double.NEGATIVE_INFINITY;
        for (HistoryPoint point : points) {
            double v = curve.value().applyAsDouble(point);
            if (!Double.isFinite(v)) {
                drawing = false;
                continue;
            }
            double px = x.pixel(point.epoch());
            double py = y.pixel(y.clamp(v));
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

    /** Each labelled line's name beside its last value, nudged apart where lines end close together. */
    private void drawEndLabels(GraphicsContext gc, Axis x, Axis y, List<HistoryPoint> points, List<Curve> curves) {
        record EndLabel(String text, Color color, double y) {
        }
        List<EndLabel> labels = new ArrayList<>();
        for (Curve curve : curves) {
            if (curve.endLabel() == null) {
                continue;
            }
            for (HistoryPoint point : points.reversed()) {
                double v = curve.value().applyAsDouble(point);
                if (Double.isFinite(v)) {
                    labels.add(new EndLabel(curve.endLabel(), curve.color(), y.pixel(y.clamp(v))));
                    break;
                }
            }
        }
        labels.sort(Comparator.comparingDouble(EndLabel::y));
        double spacing = scaled(13);
        double[] at = new double[labels.size()];
        for (int i = 0; i < at.length; i++) {
            at[i] = Math.max(labels.get(i).y(), i == 0 ? y.to() + spacing / 2 : at[i - 1] + spacing);
        }
        // Pushed past the bottom: slide the pile back up.
        for (int i = at.length - 1; i >= 0; i--) {
            at[i] = Math.min(at[i], i == at.length - 1 ? y.from() : at[i + 1] - spacing);
        }
        gc.setFont(endLabelFont());
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setTextBaseline(VPos.CENTER);
        for (int i = 0; i < at.length; i++) {
            gc.setFill(labels.get(i).color());
            gc.fillText(labels.get(i).text(), x.to() + scaled(6), at[i]);
        }
    }

    /** The note in the plot's top right corner: lines start at the left, and seldom run along the top. */
    private void drawNote(GraphicsContext gc, Axis x, Axis y, String note) {
        gc.setFont(noteFont());
        double boxWidth = TextWidth.of(note, noteFont()) + scaled(10);
        double boxHeight = scaled(15);
        gc.setFill(palette.labelFill());
        gc.fillRect(x.to() - 2 - boxWidth, y.to() + 1, boxWidth, boxHeight);
        gc.setFill(palette.mutedText());
        gc.setTextAlign(TextAlignment.RIGHT);
        gc.setTextBaseline(VPos.CENTER);
        gc.fillText(note, x.to() - 2 - scaled(5), y.to() + 1 + boxHeight / 2);
    }

    private static HistoryPoint nearest(List<HistoryPoint> points, double epoch) {
        HistoryPoint best = points.getFirst();
        for (HistoryPoint point : points) {
            if (Math.abs(point.epoch() - epoch) < Math.abs(best.epoch() - epoch)) {
                best = point;
            }
        }
        return best;
    }

    /** A vertical line through the marked epoch, dots on the curves, and its values in a box. */
    private void drawMark(GraphicsContext gc, Axis x, Axis y, List<Curve> curves, HistoryPoint point, double right) {
        double px = Math.floor(x.pixel(point.epoch())) + 0.5;
        CrispLines.vertical(gc, palette.highlight(), px, y.to(), y.from(), scaled(2));
        for (Curve curve : curves) {
            dot(gc, px, y, curve.value().applyAsDouble(point), curve.color());
        }
        List<String> lines = readout(point);
        // As many columns as it takes for the box to fit the plot's height.
        int perColumn = Math.max(1, Math.min(lines.size(), (int) ((y.from() - y.to() - 10) / scaled(READOUT_LINE))));
        int columns = (lines.size() + perColumn - 1) / perColumn;
        double[] columnWidths = new double[columns];
        for (int i = 0; i < lines.size(); i++) {
            columnWidths[i / perColumn] = Math.max(columnWidths[i / perColumn], TextWidth.of(lines.get(i), readoutFont()) + scaled(14));
        }
        double boxWidth = 0;
        for (double w : columnWidths) {
            boxWidth += w;
        }
        double boxHeight = scaled(perColumn * READOUT_LINE + 5);
        double boxX = Math.min(Math.max(px + 8, x.from() + 4), right - boxWidth);
        if (px + 8 + boxWidth > right) {
            boxX = Math.max(x.from() + 4, px - 8 - boxWidth);
        }
        double boxY = y.to() + 2;
        gc.setFill(palette.labelFill());
        gc.fillRoundRect(boxX, boxY, boxWidth, boxHeight, 6, 6);
        gc.setStroke(palette.outline());
        gc.setLineWidth(1);
        gc.strokeRoundRect(boxX, boxY, boxWidth, boxHeight, 6, 6);
        gc.setFill(palette.text());
        gc.setFont(readoutFont());
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setTextBaseline(VPos.CENTER);
        double columnX = boxX;
        for (int c = 0; c < columns; c++) {
            for (int i = c * perColumn; i < Math.min(lines.size(), (c + 1) * perColumn); i++) {
                gc.fillText(lines.get(i), columnX + 7, boxY + scaled(2.5) + scaled(READOUT_LINE) * (i - c * perColumn + 0.5));
            }
            columnX += columnWidths[c];
        }
    }

    private void dot(GraphicsContext gc, double px, Axis y, double value, Color color) {
        if (!Double.isFinite(value)) {
            return;
        }
        double py = y.pixel(y.clamp(value));
        gc.setFill(color);
        double r = scaled(4.5);
        gc.fillOval(px - r, py - r, 2 * r, 2 * r);
        gc.setStroke(palette.surface());
        gc.setLineWidth(scaled(1.5));
        gc.strokeOval(px - r, py - r, 2 * r, 2 * r);
    }

    /** A linear map from values in [min, max] to pixels in [from, to] (to may be less than from). */
    private record Axis(double min, double max, double from, double to) {
        double pixel(double value) {
            return from + (value - min) / (max - min) * (to - from);
        }

        double value(double pixel) {
            return min + (pixel - from) / (to - from) * (max - min);
        }

        /** Values beyond the axis are drawn at its end. */
        double clamp(double value) {
            return Math.clamp(value, min, max);
        }
    }
}
