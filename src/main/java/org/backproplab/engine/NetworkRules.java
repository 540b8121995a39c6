package org.backproplab.engine;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a network may be, and what must go with what: the one place the engine, the trainer, lesson
 * files and the lab's controls all ask, so that a control never offers what the trainer would
 * refuse and a lesson file never holds what the lab could not build. A question about something
 * not allowed answers with the {@link Refusal}; each caller words it its own way.
 */
public final class NetworkRules {

    /** More layers than a class can follow on one screen, few enough that a damaged file stays small. */
    public static final int MAX_LAYERS = 16;
    /** More neurons than the graph can draw apart. */
    public static final int MAX_LAYER_SIZE = 64;
    /** A softmax of one output is always 1. */
    public static final int MIN_SOFTMAX_OUTPUTS = 2;
    /** The loss that follows any output activation, and so the one to fall back on. */
    public static final Loss ANY_OUTPUT_LOSS = Loss.SQUARED_ERROR;

    /**
     * The output activations the lab offers: squashed ones for classes, linear for regression.
     * Lesson files may still ask for another (a ReLU output is no error, merely unusual).
     */
    private static final List<Activation> OUTPUT_CHOICES =
            List.of(Activation.SIGMOID, Activation.TANH, Activation.LINEAR, Activation.SOFTMAX);

    /** The output layer a data set asks for, and the loss that goes with it. */
    public record Output(Activation activation, Loss loss) {
    }

    private NetworkRules() {
    }

    /** Whether layer {@code layer} of {@code layerCount} may use {@code activation}, whatever its size. */
    public static Optional<Refusal> activation(int layer, int layerCount, Activation activation) {
        return activation == Activation.SOFTMAX && layer < layerCount - 1
                ? Optional.of(new Refusal.SoftmaxBeforeOutput(layer)) : Optional.empty();
    }

    /** Whether an output layer of {@code size} neurons may use {@code activation}. */
    public static Optional<Refusal> outputLayer(Activation activation, int size) {
        return activation == Activation.SOFTMAX && size < MIN_SOFTMAX_OUTPUTS
                ? Optional.of(new Refusal.SoftmaxTooFewOutputs(size)) : Optional.empty();
    }

    /** Whether layer {@code layer} of {@code layerCount} may be {@code spec}: its activation where it sits, for its size. */
    public static Optional<Refusal> layer(int layer, int layerCount, LayerSpec spec) {
        return activation(layer, layerCount, spec.activation())
                .or(() -> layer == layerCount - 1 ? outputLayer(spec.activation(), spec.size()) : Optional.empty())
                .or(() -> layer == layerCount - 1 ? remediesOnOutput(spec) : Optional.empty());
    }

    /**
     * Dropout and batch normalisation belong to hidden layers: a dropped output neuron would drop the
     * prediction itself, and a normalised output would no longer reach the targets' scale.
     */
    private static Optional<Refusal> remediesOnOutput(LayerSpec spec) {
        if (spec.dropout() > 0) {
            return Optional.of(new Refusal.DropoutOnOutput());
        }
        return spec.batchNorm() ? Optional.of(new Refusal.BatchNormOnOutput()) : Optional.empty();
    }

    /** Whether layer {@code layer} of {@code layerCount} may normalise its batch: hidden layers only. */
    public static Optional<Refusal> batchNorm(int layer, int layerCount) {
        return layer == layerCount - 1 ? Optional.of(new Refusal.BatchNormOnOutput()) : Optional.empty();
    }

    /** Whether the lab may build and train these layers: their count, sizes and activations. */
    public static Optional<Refusal> layers(List<LayerSpec> layers) {
        Optional<Refusal> refusal = layerCount(layers.size());
        for (int l = 0; l < layers.size() && refusal.isEmpty(); l++) {
            int at = l;
            refusal = layerSize(layers.get(l).size()).or(() -> layer(at, layers.size(), layers.get(at)));
        }
        return refusal;
    }

    public static Optional<Refusal> layerCount(int count) {
        return count > MAX_LAYERS ? Optional.of(new Refusal.TooManyLayers(count)) : Optional.empty();
    }

    public static Optional<Refusal> layerSize(int size) {
        return size < 1 || size > MAX_LAYER_SIZE ? Optional.of(new Refusal.LayerSizeOutOfRange(size)) : Optional.empty();
    }

    /** The smallest mini-batch batch normalisation can measure a spread over. */
    public static final int MIN_NORMALISED_BATCH = 2;

    /**
     * Whether mini-batches of {@code batchSize} samples can train these layers: batch normalisation
     * needs at least two samples, since one sample's z has no spread (x̂ would always be 0).
     */
    public static Optional<Refusal> batchSize(int batchSize, List<LayerSpec> layers) {
        return batchSize < smallestBatchSize(layers) ? Optional.of(new Refusal.BatchNormNeedsBatches(batchSize)) : Optional.empty();
    }

    /**
     * Whether these layers can train on {@code trainingPoints} points: batch normalisation needs at
     * least two, since however the points are batched one point has no spread either.
     */
    public static Optional<Refusal> trainingPoints(int trainingPoints, List<LayerSpec> layers) {
        return trainingPoints < smallestBatchSize(layers)
                ? Optional.of(new Refusal.BatchNormNeedsPoints(trainingPoints)) : Optional.empty();
    }

    /** The smallest mini-batch these layers can train on: what the lab's batch-size control lets one pick. */
    public static int smallestBatchSize(List<LayerSpec> layers) {
        return layers.stream().anyMatch(LayerSpec::batchNorm) ? MIN_NORMALISED_BATCH : 1;
    }

    /** Whether the network may read these input features: at least one, each once. */
    public static Optional<Refusal> features(List<InputFeature> features) {
        if (features.isEmpty()) {
            return Optional.of(new Refusal.NoInputs());
        }
        Set<InputFeature> seen = new HashSet<>();
        return features.stream().filter(feature -> !seen.add(feature)).findFirst()
                .map(Refusal.RepeatedFeature::new);
    }

    /** Whether {@code loss} can train an output layer using {@code output}. */
    public static Optional<Refusal> loss(Loss loss, Activation output) {
        return loss.accepts(output) ? Optional.empty() : Optional.of(new Refusal.LossNeedsOutput(loss, output));
    }

    /**
     * Whether {@code outputs} output neurons can learn data of {@code classes} classes: one per class,
     * or for two classes also one (above or below the middle). Regression (0) is up to its targets.
     */
    public static Optional<Refusal> outputsForClasses(int classes, int outputs) {
        boolean fits = classes < 2 || (classes == 2 ? outputs <= 2 : outputs == classes);
        return fits ? Optional.empty() : Optional.of(new Refusal.ClassesNeedOutputs(classes, outputs));
    }

    /** Whether {@code outputs} output neurons can learn points of {@code targets} numbers each (a regression label is 1). */
    public static Optional<Refusal> outputsForTargets(int targets, int outputs) {
        return targets == outputs ? Optional.empty() : Optional.of(new Refusal.TargetsNeedOutputs(targets, outputs));
    }

    /** The activations the lab offers layer {@code layer} of {@code layerCount}, which has {@code size} neurons. */
    public static List<Activation> offeredActivations(int layer, int layerCount, int size) {
        boolean output = layer == layerCount - 1;
        return (output ? OUTPUT_CHOICES : Arrays.asList(Activation.values())).stream()
                .filter(activation -> layer(layer, layerCount, new LayerSpec(size, activation)).isEmpty())
                .toList();
    }

    /** The losses that can train an output layer using {@code output}. */
    public static List<Loss> losses(Activation output) {
        return Arrays.stream(Loss.values()).filter(loss -> loss(loss, output).isEmpty()).toList();
    }

    /** The loss to train with once the output uses {@code output}: {@code current} if it can, else {@link #ANY_OUTPUT_LOSS}. */
    public static Loss lossFor(Activation output, Loss current) {
        return loss(current, output).isEmpty() ? current : ANY_OUTPUT_LOSS;
    }

    /**
     * The output a network needs when its data goes from {@code classesBefore} to {@code classesAfter}
     * classes (0: regression). A regression set needs an unbounded output and squared error; back to
     * classes, a linear output becomes a sigmoid again. Anything else the user chose stays.
     */
    public static Output outputForData(int classesBefore, int classesAfter, Output current) {
        if (classesAfter == 0 && classesBefore != 0) {
            return new Output(Activation.LINEAR, ANY_OUTPUT_LOSS);
        }
        if (classesAfter != 0 && classesBefore == 0 && current.activation() == Activation.LINEAR) {
            return new Output(Activation.SIGMOID, lossFor(Activation.SIGMOID, current.loss()));
        }
        return current;
    }
}
