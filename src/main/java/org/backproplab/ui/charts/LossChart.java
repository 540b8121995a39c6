package org.backproplab.ui.charts;

import java.util.ArrayList;
import java.util.List;
import org.backproplab.engine.Metrics;
import org.backproplab.training.HistoryPoint;
import org.backproplab.ui.common.AxisTicks;
import org.backproplab.ui.common.Messages;
import org.backproplab.ui.common.NumberText;
import org.backproplab.ui.common.Palette;

/**
 * Training and test loss (or accuracy) over the epochs, training solid, test dashed; or the
 * learning rate η the schedule gave each epoch. Resting the
 * pointer on the chart marks the nearest recorded epoch and writes its exact values.
 */
public final class LossChart extends EpochChart {

    /** What the chart plots. */
    enum Metric {
        LOSS, ACCURACY, LEARNING_RATE
    }

    private boolean withTest;
    private Metric metric = Metric.LOSS;

    LossChart(Palette palette, Messages messages) {
        super(palette, messages);
        getStyleClass().add("loss-chart");
    }

    void show(List<HistoryPoint> points, boolean testPoints) {
        boolean changed = testPoints != withTest;
        withTest = testPoints;
        setHistory(points, changed);
    }

    void setMetric(Metric shown) {
        metric = shown;
        redraw();
    }

    Metric metric() {
        return metric;
    }

    @Override
    YScale yScale(List<HistoryPoint> points, double plotHeight) {
        double largest = switch (metric) {
            case ACCURACY -> 1;
            case LOSS -> largestLoss(points) * 1.08;
            case LEARNING_RATE -> largestRate(points) * 1.08;
        };
        double top = largest > 0 ? largest : 1;
        AxisTicks ticks = AxisTicks.of(0, top, 4);
        List<Tick> labelled = new ArrayList<>();
        for (double tick : ticks.values()) {
            labelled.add(new Tick(tick, metric == Metric.ACCURACY ? numbers.percent(tick) : numbers.tick(tick, ticks.step())));
        }
        return new YScale(0, top, labelled);
    }

    @Override
    List<Curve> curves(List<HistoryPoint> points, YScale y) {
        List<Curve> curves = new ArrayList<>();
        if (metric == Metric.LEARNING_RATE) {
            curves.add(new Curve(HistoryPoint::learningRate, palette.trainingCurve(), false, null));
            return curves;
        }
        curves.add(new Curve(point -> value(point.train()), palette.trainingCurve(), false, null));
        if (withTest) {
            curves.add(new Curve(point -> value(point.test()), palette.testCurve(), true, null));
        }
        return curves;
    }

    @Override
    List<String> readout(HistoryPoint point) {
        if (metric == Metric.LEARNING_RATE) {
            return List.of(messages.format("chart.readout.learningRate", numbers.fixed(point.epoch(), 0),
                    numbers.compact(point.learningRate())));
        }
        return List.of(messages.format(withTest ? "chart.readout" : "chart.readout.trainingOnly",
                numbers.fixed(point.epoch(), 0), format(value(point.train())), format(value(point.test()))));
    }

    private double value(Metrics metrics) {
        return metric == Metric.LOSS ? metrics.loss() : metrics.accuracy();
    }

    private double largestLoss(List<HistoryPoint> points) {
        double largest = 0;
        for (HistoryPoint point : points) {
            largest = Math.max(largest, finiteOrZero(point.train().loss()));
            if (withTest) {
                largest = Math.max(largest, finiteOrZero(point.test().loss()));
            }
        }
        return largest;
    }

    private static double largestRate(List<HistoryPoint> points) {
        double largest = 0;
        for (HistoryPoint point : points) {
            largest = Math.max(largest, finiteOrZero(point.learningRate()));
        }
        return largest;
    }

    private static double finiteOrZero(double value) {
        return Double.isFinite(value) ? value : 0;
    }

    private String format(double value) {
        return metric == Metric.ACCURACY ? numbers.percent(value) : numbers.compact(value);
    }
}
