package org.backproplab.lesson;

import static org.backproplab.lesson.JsonField.amount;
import static org.backproplab.lesson.JsonField.quote;

import java.util.List;
import org.backproplab.data.DataPoint;
import org.backproplab.data.Generator;
import org.backproplab.engine.Activation;
import org.backproplab.engine.LayerSpec;
import org.backproplab.engine.Loss;

/**
 * The rules that tie a lesson's sections together: the loss must suit the output layer, the output
 * layer must suit the data's classes and targets, and the split must leave something to train on.
 * Each field is already valid on its own; messages name the field to change.
 */
final class LessonConsistency {

    private LessonConsistency() {
    }

    static void check(Lesson lesson) throws LessonException {
        int last = lesson.layers().size() - 1;
        LayerSpec output = lesson.layers().get(last);
        String outputPath = "network.layers[" + last + "]";
        if (output.activation() == Activation.SOFTMAX && output.size() < 2) {
            throw problem(outputPath + ".size", "a softmax output needs at least 2 neurons, got 1");
        }
        Loss loss = lesson.hyperparameters().loss();
        if (!loss.accepts(output.activation())) {
            throw problem("training.loss", quote(loss.id()) + " needs a " + loss.requiredOutput().orElseThrow().id()
                    + " output layer, but " + outputPath + " uses " + quote(output.activation().id()));
        }
        String outputs = outputPath + " has " + output.size();
        switch (lesson.data()) {
            case DataSpec.Generated generated -> checkGenerated(generated, output.size(), outputs);
            case DataSpec.Inline inline -> checkInline(inline, output.size(), outputs);
        }
        checkTrainingSet(lesson.data());
    }

    private static void checkGenerated(DataSpec.Generated data, int outputSize, String outputs) throws LessonException {
        Generator generator = Generator.fromId(data.generator()).orElseThrow();
        String name = quote(generator.id());
        if (generator.classes() == 0 && outputSize != 1) {
            throw problem("data.generator", name + " gives one number per point, so the output layer needs 1 neuron, but "
                    + outputs);
        }
        String problem = classesProblem(generator.classes(), outputSize);
        if (problem != null) {
            throw problem("data.generator", name + " has " + problem + ", but " + outputs);
        }
    }

    private static void checkInline(DataSpec.Inline data, int outputSize, String outputs) throws LessonException {
        String problem = classesProblem(data.classes(), outputSize);
        if (problem != null) {
            throw problem("data.classes", problem + ", but " + outputs);
        }
        List<DataPoint> points = data.points();
        for (int i = 0; i < points.size(); i++) {
            DataPoint point = points.get(i);
            String path = "data.points[" + i + "]";
            if (point.hasExplicitTargets() && point.targets().size() != outputSize) {
                throw problem(path + ".targets", "expected " + amount(outputSize, "value")
                        + " (one per output neuron), got " + point.targets().size());
            }
            if (!point.hasExplicitTargets() && data.classes() == 0 && outputSize > 1) {
                throw problem(path, "a regression network with " + outputSize + " outputs needs \"targets\" ("
                        + amount(outputSize, "value") + ") on every point, not a \"label\"");
            }
        }
    }

    /** What {@code classes} demands of the output layer when it has {@code outputSize} neurons, or null if met. */
    private static String classesProblem(int classes, int outputSize) {
        if (classes > 2 && outputSize != classes) {
            return classes + " classes, so the output layer needs " + classes + " neurons (one per class)";
        }
        if (classes == 2 && outputSize > 2) {
            return "2 classes, so the output layer needs 1 neuron (above or below the middle) or 2 (one per class)";
        }
        return null;
    }

    private static void checkTrainingSet(DataSpec data) throws LessonException {
        int points;
        int made;
        switch (data) {
            case DataSpec.Generated g -> {
                // Generators deal points out evenly to the classes and drop the remainder: count
                // only what every generator is sure to make.
                points = g.points();
                made = points - points % Math.max(1, Generator.fromId(g.generator()).orElseThrow().classes());
            }
            case DataSpec.Inline inline -> {
                points = inline.points().size();
                made = points;
            }
        }
        // Rounded as Experiment's split rounds.
        if (Math.round(data.trainRatio() * made) < 1) {
            throw problem("data.trainRatio", data.trainRatio() + " of " + amount(points, "point")
                    + " leaves no point to train on; raise trainRatio or the number of points");
        }
    }

    private static LessonException problem(String path, String message) {
        return new LessonException(path + ": " + message);
    }
}
