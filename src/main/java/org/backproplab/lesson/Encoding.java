package org.backproplab.lesson;

import java.util.List;
import org.backproplab.data.DataPoint;
import org.backproplab.engine.Activation;
import org.backproplab.engine.InputFeature;
import org.backproplab.engine.PlanePoints;
import org.backproplab.engine.Task;
import org.ejml.data.DMatrixRMaj;

/**
 * How points become network inputs (one row per feature) and labels become targets (one row per
 * output), for a given output layer.
 *
 * <ul>
 *   <li>several outputs: one-hot targets, accuracy by the largest output;</li>
 *   <li>one output, two classes: targets −1/+1 under tanh (as TensorFlow Playground), else 0/1;</li>
 *   <li>regression: the label itself;</li>
 *   <li>a point with explicit targets: those, whatever the rest says.</li>
 * </ul>
 */
public record Encoding(List<InputFeature> features, int outputs, int classes, Activation outputActivation) {

    public Encoding {
        features = List.copyOf(features);
    }

    public Task task() {
        if (classes == 0) {
            return new Task.Regression();
        }
        if (outputs > 1) {
            return new Task.MultiClassClassification();
        }
        return new Task.BinaryClassification((low() + high()) / 2);
    }

    /** The single-output target for class 0. */
    private double low() {
        return outputActivation == Activation.TANH ? -1 : 0;
    }

    private double high() {
        return 1;
    }

    /** Network inputs for the points, one column each. */
    public DMatrixRMaj inputs(List<DataPoint> points) {
        DMatrixRMaj m = new DMatrixRMaj(features.size(), points.size());
        for (int c = 0; c < points.size(); c++) {
            DataPoint p = points.get(c);
            for (int f = 0; f < features.size(); f++) {
                m.set(f, c, features.get(f).apply(p.x1(), p.x2()));
            }
        }
        return m;
    }

    /** The points themselves, with the features computed from them: what augmentation shifts. */
    public PlanePoints planePoints(List<DataPoint> points) {
        DMatrixRMaj coordinates = new DMatrixRMaj(2, points.size());
        for (int c = 0; c < points.size(); c++) {
            coordinates.set(0, c, points.get(c).x1());
            coordinates.set(1, c, points.get(c).x2());
        }
        return new PlanePoints(coordinates, features);
    }

    /** Network inputs for a width × width grid over [min, max]², row 0 at the top (largest x₂). */
    public DMatrixRMaj gridInputs(int width, double min, double max) {
        DMatrixRMaj m = new DMatrixRMaj(features.size(), width * width);
        double cell = (max - min) / width;
        for (int row = 0; row < width; row++) {
            double x2 = max - (row + 0.5) * cell;
            for (int col = 0; col < width; col++) {
                double x1 = min + (col + 0.5) * cell;
                for (int f = 0; f < features.size(); f++) {
                    m.set(f, row * width + col, features.get(f).apply(x1, x2));
                }
            }
        }
        return m;
    }

    /** Targets for the points, one column each. */
    public DMatrixRMaj targets(List<DataPoint> points) {
        DMatrixRMaj m = new DMatrixRMaj(outputs, points.size());
        for (int c = 0; c < points.size(); c++) {
            DataPoint point = points.get(c);
            double label = point.label();
            if (point.hasExplicitTargets()) {
                for (int r = 0; r < outputs; r++) {
                    m.set(r, c, point.targets().get(r));
                }
            } else if (classes == 0) {
                m.set(0, c, label);
            } else if (outputs > 1) {
                m.set((int) label, c, 1);
            } else {
                m.set(0, c, label >= 1 ? high() : low());
            }
        }
        return m;
    }
}
