package org.backproplab.ui.charts;

import java.util.ArrayList;
import java.util.List;
import org.backproplab.engine.GradientSizes;
import org.backproplab.training.HistoryPoint;
import org.backproplab.ui.common.Messages;
import org.backproplab.ui.common.NumberText;
import org.backproplab.ui.common.Palette;

/**
 * How large each layer's gradients are over the epochs, on a log scale: one line per layer from
 * the first hidden layer to the output, coloured along a sequential scale and named at their right
 * ends. Vanishing gradients show as lines stacked decades apart with the first layer lowest;
 * exploding ones as the first layer on top. Resting the pointer gives every layer's exact figure.
 */
final class GradientFlowChart extends EpochChart {

    /** Which size the chart plots. */
    enum Measure {
        /** Mean |δ| over the layer's neurons and the samples: the error signal as it flows back. */
        MEAN_DELTA,
        /** ‖∂L/∂W‖, the Frobenius norm of the layer's weight gradient: how hard its weights are pushed. */
        WEIGHT_GRADIENT
    }

    /**
     * The scale always spans 10⁻⁶ … 10², so runs compare at a glance, and widens by whole decades
     * for figures beyond that …
     */
    private static final int LOWEST_DECADE = -6;
    private static final int HIGHEST_DECADE = 2;
    /**
     * … down to 10⁻¹² and up to 10⁶, no further: more decades would squeeze the lines flat. Zero
     * (a dead layer) has no place on a log scale at all, so it too is drawn on the bottom edge,
     * and the chart says so.
     */
    private static final int FLOOR_DECADE = -12;
    private static final int CEILING_DECADE = 6;
    /** The least room between two labelled decades. */
    private static final double LABEL_SPACING = 15;

    private Measure measure = Measure.MEAN_DELTA;

    GradientFlowChart(Palette palette, Messages messages) {
        super(palette, messages);
        getStyleClass().add("gradient-flow-chart");
    }

    void show(List<HistoryPoint> points) {
        setHistory(points, false);
    }

    void setMeasure(Measure shown) {
        measure = shown;
        redraw();
    }

    Measure measure() {
        return measure;
    }

    /** How many lines the chart draws: the layer count of the series on show, 0 if there is none. */
    int layerCount() {
        return layerCount(plotted(history()));
    }

    private static int layerCount(List<HistoryPoint> series) {
        return series.isEmpty() ? 0 : sizes(series.getLast()).layerCount();
    }

    /** The name written at the end of layer {@code layer}'s line, as the graph heads its column. */
    String layerLabel(int layer, int count) {
        return layer == count - 1 ? messages.get("graph.layer.output.short")
                : messages.format("graph.layer.hidden.short", layer + 1);
    }

    /**
     * The recent points that have gradient sizes: after a layer was added or removed, the earlier
     * points have none (their layer k was another layer), so the series starts again.
     */
    @Override
    List<HistoryPoint> plotted(List<HistoryPoint> all) {
        int start = all.size();
        while (start > 0 && all.get(start - 1).gradients().isPresent()) {
            start--;
        }
        return all.subList(start, all.size());
    }

    @Override
    String emptyText() {
        boolean restarted = !history().isEmpty();
        return messages.get(restarted ? "flow.restarted" : "chart.empty");
    }

    @Override
    YScale yScale(List<HistoryPoint> points, double plotHeight) {
        double smallest = Double.POSITIVE_INFINITY;
        double largest = 0;
        for (HistoryPoint point : points) {
            for (double size : values(point)) {
                if (size > 0 && Double.isFinite(size)) {
                    smallest = Math.min(smallest, size);
                    largest = Math.max(largest, size);
                }
            }
        }
        int low = LOWEST_DECADE;
        int high = HIGHEST_DECADE;
        if (largest > 0) {
            low = Math.clamp((long) Math.floor(Math.log10(smallest)), FLOOR_DECADE, LOWEST_DECADE);
            high = Math.clamp((long) Math.ceil(Math.log10(largest)), HIGHEST_DECADE, CEILING_DECADE);
        }
        // A short chart labels every second (or third …) decade; every decade keeps its grid line.
        double perDecade = plotHeight / (high - low);
        int every = (int) Math.ceil(LABEL_SPACING / perDecade);
        List<Tick> ticks = new ArrayList<>();
        for (int decade = low; decade <= high; decade++) {
            ticks.add(new Tick(decade, Math.floorMod(decade, every) == 0 ? numbers.powerOfTen(decade) : ""));
        }
        return new YScale(low, high, ticks);
    }

    @Override
    List<Curve> curves(List<HistoryPoint> points, YScale y) {
        List<Curve> curves = new ArrayList<>();
        int count = layerCount(points);
        for (int l = 0; l < count; l++) {
            int layer = l;
            curves.add(new Curve(point -> height(values(point).get(layer), y), palette.layerColor(l, count), false,
                    layerLabel(l, count)));
        }
        return curves;
    }

    @Override
    List<String> readout(HistoryPoint point) {
        List<String> lines = new ArrayList<>();
        lines.add(messages.format("flow.readout.epoch", numbers.fixed(point.epoch(), 0)));
        List<Double> values = values(point);
        for (int l = 0; l < values.size(); l++) {
            lines.add(messages.format("flow.readout.layer", layerLabel(l, values.size()), numbers.compact(values.get(l))));
        }
        return lines;
    }

    @Override
    String note(List<HistoryPoint> points, YScale y) {
        for (HistoryPoint point : points) {
            for (double size : values(point)) {
                double decade = Math.log10(size);
                if (!(decade >= y.min() && decade <= y.max())) {
                    return messages.get("flow.offScale");
                }
            }
        }
        return null;
    }

    /** A size's height on the log axis: zero and everything off the scale at its edge, NaN a gap. */
    private static double height(double size, YScale y) {
        if (Double.isNaN(size)) {
            return Double.NaN;
        }
        return size <= 0 ? y.min() : Math.clamp(Math.log10(size), y.min(), y.max());
    }

    private List<Double> values(HistoryPoint point) {
        GradientSizes sizes = sizes(point);
        return measure == Measure.MEAN_DELTA ? sizes.meanAbsDeltas() : sizes.weightGradientNorms();
    }

    private static GradientSizes sizes(HistoryPoint point) {
        return point.gradients().orElseThrow();
    }
}
