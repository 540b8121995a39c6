package org.backproplab.lesson;

import static org.backproplab.lesson.JsonField.amount;
import static org.backproplab.lesson.JsonField.quote;

import java.util.List;
import java.util.Optional;
import org.backproplab.data.DataPoint;
import org.backproplab.data.Generator;
import org.backproplab.engine.LayerSpec;
import org.backproplab.engine.Loss;
import org.backproplab.engine.NetworkRules;
import org.backproplab.engine.Refusal;

/**
 * The rules that tie a lesson's sections together: the loss must suit the output layer, the output
 * layer must suit the data's classes and targets (both as {@link NetworkRules} decides), and the
 * split must leave something to train on. Each field is already valid on its own; messages name
 * the field to change, and carry the network rule's {@link Refusal} where one was broken.
 */
public final class LessonConsistency {

    private LessonConsistency() {
    }

    /** Checks a lesson as loaded, or as edited live in the lab; the message names the field to change. */
    public static void check(Lesson lesson) throws LessonException {
        int last = lesson.layers().size() - 1;
        LayerSpec output = lesson.layers().get(last);
        String outputPath = "network.layers[" + last + "]";
        Optional<Refusal> refusal = NetworkRules.outputLayer(output.activation(), output.size());
        if (refusal.isPresent()) {
            throw problem(outputPath + ".size", refusal.get().english(), refusal.get());
        }
        Loss loss = lesson.hyperparameters().loss();
        refusal = NetworkRules.loss(loss, output.activation());
        if (refusal.isPresent()) {
            throw problem("training.loss", quote(loss.id()) + " needs a " + loss.requiredOutput().orElseThrow().id()
                    + " output layer, but " + outputPath + " uses " + quote(output.activation().id()), refusal.get());
        }
        String outputs = outputPath + " has " + output.size();
        switch (lesson.data()) {
            case DataSpec.Generated generated -> checkGenerated(generated, output.size(), outputs);
            case DataSpec.Inline inline -> checkInline(inline, output.size(), outputs);
        }
        int trainingPoints = checkTrainingSet(lesson.data());
        refusal = NetworkRules.trainingPoints(trainingPoints, lesson.layers());
        if (refusal.isPresent()) {
            boolean marked = lesson.data() instanceof DataSpec.Inline inline && inline.marked();
            throw problem(marked ? "data.points" : "data.trainRatio", refusal.get().english()
                    + ", since a layer has \"batchNorm\": true; " + (marked ? "mark more points \"set\": \"train\""
                    : "raise trainRatio or the number of points"), refusal.get());
        }
        refusal = NetworkRules.batchSize(lesson.batchSize(), lesson.layers());
        if (refusal.isPresent()) {
            throw problem("training.batchSize", refusal.get().english() + ", since a layer has \"batchNorm\": true",
                    refusal.get());
        }
    }

    private static void checkGenerated(DataSpec.Generated data, int outputSize, String outputs) throws LessonException {
        Generator generator = Generator.fromId(data.generator()).orElseThrow();
        String name = quote(generator.id());
        // A generator's regression points carry one number each, its label.
        Optional<Refusal> refusal = generator.classes() == 0 ? NetworkRules.outputsForTargets(1, outputSize)
                : NetworkRules.outputsForClasses(generator.classes(), outputSize);
        if (refusal.isPresent()) {
            String what = generator.classes() == 0 ? name + " gives one number per point, so the output layer needs 1 neuron"
                    : name + " has " + refusal.get().english();
            throw problem("data.generator", what + ", but " + outputs, refusal.get());
        }
    }

    private static void checkInline(DataSpec.Inline data, int outputSize, String outputs) throws LessonException {
        Optional<Refusal> refusal = NetworkRules.outputsForClasses(data.classes(), outputSize);
        if (refusal.isPresent()) {
            throw problem("data.classes", refusal.get().english() + ", but " + outputs, refusal.get());
        }
        List<DataPoint> points = data.points();
        for (int i = 0; i < points.size(); i++) {
            DataPoint point = points.get(i);
            String path = "data.points[" + i + "]";
            if (point.hasExplicitTargets()) {
                refusal = NetworkRules.outputsForTargets(point.targets().size(), outputSize);
                if (refusal.isPresent()) {
                    throw problem(path + ".targets", "expected " + amount(outputSize, "value")
                            + " (one per output neuron), got " + point.targets().size(), refusal.get());
                }
            } else if (data.classes() == 0) {
                // A regression label is one number, for one output.
                refusal = NetworkRules.outputsForTargets(1, outputSize);
                if (refusal.isPresent()) {
                    throw problem(path, "a regression network with " + outputSize + " outputs needs \"targets\" ("
                            + amount(outputSize, "value") + ") on every point, not a \"label\"", refusal.get());
                }
            }
        }
    }

    /** How many points the lesson trains on, refusing none. */
    private static int checkTrainingSet(DataSpec data) throws LessonException {
        int points;
        int made;
        switch (data) {
            case DataSpec.Generated g -> {
                // Generators deal points out evenly to the classes and drop the remainder: count
                // only what every generator is sure to make.
                points = g.points();
                made = points - points % Math.max(1, g.classes());
            }
            case DataSpec.Inline inline when inline.marked() -> {
                if (!inline.sets().contains(PointSet.TRAIN)) {
                    throw problem("data.points", "no point has \"set\": \"train\", so nothing is left to train on;"
                            + " mark at least one point for training");
                }
                return (int) inline.sets().stream().filter(set -> set == PointSet.TRAIN).count();
            }
            case DataSpec.Inline inline -> {
                points = inline.points().size();
                made = points;
            }
        }
        // Rounded as Experiment's split rounds.
        int training = (int) Math.round(data.trainRatio() * made);
        if (training < 1) {
            throw problem("data.trainRatio", data.trainRatio() + " of " + amount(points, "point")
                    + " leaves no point to train on; raise trainRatio or the number of points");
        }
        return training;
    }

    private static LessonException problem(String path, String message) {
        return new LessonException(path + ": " + message);
    }

    private static LessonException problem(String path, String message, Refusal refusal) {
        return new LessonException(path + ": " + message, refusal);
    }
}
