package org.backproplab.lesson;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.TreeMap;
import org.backproplab.data.DataPoint;
import org.backproplab.engine.Hyperparameters;
import org.backproplab.engine.LearningRateSchedule;
import org.backproplab.engine.InputFeature;
import org.backproplab.engine.LayerSpec;
import org.backproplab.engine.OptimizerSettings;

/**
 * Turns a {@link Lesson} into the tree of a lesson file, the exact inverse of {@link LessonReader}.
 * Every optional field is written out, defaults included, so a saved lesson shows a teacher every
 * knob there is, except the remedies a lesson may not use at all (a layer's dropout, augmentation),
 * which appear only when in use. Doubles go in as doubles, whose shortest text reads back to the same bits.
 */
final class LessonWriter {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private LessonWriter() {
    }

    static ObjectNode tree(Lesson lesson) {
        ObjectNode root = JSON.objectNode();
        root.put("format", LessonFile.FORMAT);
        root.put("version", LessonFile.VERSION);
        root.put("title", lesson.title());
        root.put("commentary", lesson.commentary());
        if (!lesson.translations().isEmpty()) {
            ObjectNode translations = root.putObject("translations");
            new TreeMap<>(lesson.translations()).forEach((language, words) -> {
                ObjectNode translation = translations.putObject(language);
                translation.put("title", words.title());
                translation.put("commentary", words.commentary());
            });
        }
        root.set("network", network(lesson));
        root.set("training", training(lesson));
        root.set("data", data(lesson.data()));
        return root;
    }

    private static ObjectNode network(Lesson lesson) {
        ObjectNode network = JSON.objectNode();
        ArrayNode features = network.putArray("features");
        lesson.features().stream().map(InputFeature::id).forEach(features::add);
        network.put("initializer", lesson.initializer().id());
        ArrayNode layers = network.putArray("layers");
        for (int l = 0; l < lesson.layers().size(); l++) {
            LayerSpec spec = lesson.layers().get(l);
            ObjectNode layer = layers.addObject();
            layer.put("size", spec.size());
            layer.put("activation", spec.activation().id());
            if (spec.dropout() > 0) {
                layer.put("dropout", spec.dropout());
            }
            if (spec.batchNorm()) {
                layer.put("batchNorm", true);
            }
            int index = l;
            lesson.weights().ifPresent(all -> {
                LayerWeights fixed = all.get(index);
                ArrayNode rows = layer.putArray("weights");
                for (int n = 0; n < fixed.weights().rows(); n++) {
                    numbers(rows.addArray(), fixed.weights().row(n));
                }
                numbers(layer.putArray("biases"), fixed.biases().values());
                fixed.batchNorm().ifPresent(values -> normalisation(layer, values));
            });
        }
        return network;
    }

    private static void normalisation(ObjectNode layer, LayerWeights.Normalisation values) {
        numbers(layer.putArray("gamma"), values.gamma().values());
        numbers(layer.putArray("beta"), values.beta().values());
        numbers(layer.putArray("runningMean"), values.runningMean().values());
        numbers(layer.putArray("runningVariance"), values.runningVariance().values());
    }

    private static ObjectNode training(Lesson lesson) {
        Hyperparameters hyper = lesson.hyperparameters();
        ObjectNode training = JSON.objectNode();
        training.put("loss", hyper.loss().id());
        training.set("optimizer", optimizer(hyper.optimizer()));
        training.put("batchSize", lesson.batchSize());
        training.put("seed", lesson.seed());
        ObjectNode regularization = training.putObject("regularization");
        regularization.put("type", hyper.regularization().kind().id());
        regularization.put("rate", hyper.regularization().rate());
        training.put("gradientClipNorm", hyper.gradientClipNorm());
        training.put("trainBiases", hyper.trainBiases());
        training.put("shuffle", lesson.shuffle());
        // A constant η is the default, and lessons without a schedule stay as they were written.
        if (!(hyper.schedule() instanceof LearningRateSchedule.Constant)) {
            training.set("learningRateSchedule", schedule(hyper.schedule()));
        }
        if (hyper.augmentation().isActive()) {
            training.putObject("augmentation").put("noise", hyper.augmentation().noise());
        }
        return training;
    }

    private static ObjectNode schedule(LearningRateSchedule schedule) {
        ObjectNode node = JSON.objectNode();
        node.put("type", schedule.id());
        switch (schedule) {
            case LearningRateSchedule.Constant _ -> {
            }
            case LearningRateSchedule.Step(long every, double factor) -> {
                node.put("every", every);
                node.put("factor", factor);
            }
            case LearningRateSchedule.Exponential(double factor) -> node.put("factor", factor);
            case LearningRateSchedule.Cosine(long epochs, double minimum) -> {
                node.put("epochs", epochs);
                node.put("minimum", minimum);
            }
        }
        return node;
    }

    private static ObjectNode optimizer(OptimizerSettings settings) {
        ObjectNode optimizer = JSON.objectNode();
        optimizer.put("type", settings.id());
        optimizer.put("learningRate", settings.learningRate());
        switch (settings) {
            case OptimizerSettings.Sgd _ -> {
            }
            case OptimizerSettings.Momentum momentum -> optimizer.put("momentum", momentum.momentum());
            case OptimizerSettings.Adam adam -> {
                optimizer.put("beta1", adam.beta1());
                optimizer.put("beta2", adam.beta2());
                optimizer.put("epsilon", adam.epsilon());
            }
            case OptimizerSettings.RmsProp rmsProp -> {
                optimizer.put("rho", rmsProp.rho());
                optimizer.put("epsilon", rmsProp.epsilon());
            }
        }
        return optimizer;
    }

    private static ObjectNode data(DataSpec spec) {
        ObjectNode data = JSON.objectNode();
        switch (spec) {
            case DataSpec.Generated generated -> {
                data.put("generator", generated.generator());
                data.put("points", generated.points());
                data.put("noise", generated.noise());
                data.put("trainRatio", generated.trainRatio());
            }
            case DataSpec.Inline inline -> {
                data.put("classes", inline.classes());
                // Marked points carry their split; a ratio beside them would be refused.
                if (!inline.marked()) {
                    data.put("trainRatio", inline.trainRatio());
                }
                ArrayNode points = data.putArray("points");
                for (int i = 0; i < inline.points().size(); i++) {
                    ObjectNode point = points.addObject();
                    point(point, inline.points().get(i), inline.classes());
                    if (inline.marked()) {
                        point.put("set", inline.sets().get(i).id());
                    }
                }
            }
        }
        return data;
    }

    private static void point(ObjectNode node, DataPoint point, int classes) {
        node.put("x1", point.x1());
        node.put("x2", point.x2());
        if (point.hasExplicitTargets()) {
            numbers(node.putArray("targets"), point.targets());
        } else if (classes == 0) {
            node.put("label", point.label());
        } else {
            node.put("label", point.classIndex());
        }
    }

    private static void numbers(ArrayNode array, double[] values) {
        for (double value : values) {
            array.add(value);
        }
    }

    private static void numbers(ArrayNode array, List<Double> values) {
        values.forEach(array::add);
    }
}
