package org.backproplab.ui.charts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.backproplab.training.HistoryPoint;
import org.backproplab.ui.common.AxisTicks;
import org.backproplab.ui.common.Messages;
import org.backproplab.ui.common.Palette;

/**
 * The training loss of both runs of a comparison on one chart: A solid, B dashed, each named at its
 * line's end. Only the epochs both runs have finished are drawn, so the two lines always end at the
 * same epoch however the frame fell between their trainers.
 */
final class ComparisonLossChart extends EpochChart {

    /** B's points by epoch: both runs keep a point after the same epochs, so A's epochs find B's. */
    private Map<Long, HistoryPoint> pointsOfB = Map.of();

    ComparisonLossChart(Palette palette, Messages messages) {
        super(palette, messages);
        getStyleClass().add("comparison-loss-chart");
    }

    void show(List<HistoryPoint> historyA, List<HistoryPoint> historyB) {
        long shared = Math.min(last(historyA), last(historyB));
        Map<Long, HistoryPoint> byEpoch = new HashMap<>();
        historyB.forEach(point -> byEpoch.put(point.epoch(), point));
        boolean changed = !byEpoch.equals(pointsOfB);
        pointsOfB = byEpoch;
        setHistory(historyA.stream().filter(point -> point.epoch() <= shared).toList(), changed);
    }

    private static long last(List<HistoryPoint> history) {
        return history.isEmpty() ? -1 : history.getLast().epoch();
    }

    @Override
    YScale yScale(List<HistoryPoint> points, double plotHeight) {
        double largest = 0;
        for (HistoryPoint point : points) {
            largest = Math.max(largest, finiteOrZero(point.train().loss()));
            largest = Math.max(largest, finiteOrZero(lossOfB(point)));
        }
        double top = largest > 0 ? largest * 1.08 : 1;
        AxisTicks ticks = AxisTicks.of(0, top, 4);
        List<Tick> labelled = new ArrayList<>();
        for (double tick : ticks.values()) {
            labelled.add(new Tick(tick, numbers.tick(tick, ticks.step())));
        }
        return new YScale(0, top, labelled);
    }

    @Override
    List<Curve> curves(List<HistoryPoint> points, YScale y) {
        return List.of(
                new Curve(point -> point.train().loss(), palette.trainingCurve(), false, messages.get("compare.runA.short")),
                new Curve(this::lossOfB, palette.testCurve(), true, messages.get("compare.runB.short")));
    }

    @Override
    List<String> readout(HistoryPoint point) {
        return List.of(messages.format("compare.chart.readout", numbers.fixed(point.epoch(), 0),
                numbers.compact(point.train().loss()), numbers.compact(lossOfB(point))));
    }

    /** B's training loss after the same epoch as {@code pointOfA}; NaN (a gap) if B has none there. */
    private double lossOfB(HistoryPoint pointOfA) {
        HistoryPoint pointOfB = pointsOfB.get(pointOfA.epoch());
        return pointOfB == null ? Double.NaN : pointOfB.train().loss();
    }

    private static double finiteOrZero(double value) {
        return Double.isFinite(value) ? value : 0;
    }
}
