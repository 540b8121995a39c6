package org.backproplab.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.backproplab.engine.Activation;
import org.backproplab.engine.Hyperparameters;
import org.backproplab.engine.Initializer;
import org.backproplab.engine.InputFeature;
import org.backproplab.engine.LayerSpec;
import org.backproplab.engine.NetworkRules;

/**
 * A whole experiment, as a lesson file holds it: the network's shape (and optionally its exact
 * weights), how it trains, and on what data.
 *
 * @param title        shown in the window title and lesson picker
 * @param commentary   two or three sentences a teacher would say about this lesson
 * @param features     the network's inputs, computed from each point
 * @param layers       hidden layers then the output layer
 * @param initializer  how weights are drawn when {@code weights} is absent
 * @param weights      explicit weights and biases per layer, if the lesson fixes them
 * @param hyperparameters loss, optimizer, regularization, clipping, fixed biases
 * @param batchSize    samples per mini-batch
 * @param seed         the one seed behind weights, data and batch order
 * @param data         where the points come from, and how they split
 * @param translations the title and commentary in other languages, by language tag ("zh-CN")
 * @param shuffle      false trains on the training points in their written order every epoch, as
 *                     TensorFlow Playground does, instead of drawing a fresh order from the seed
 */
public record Lesson(
        String title,
        String commentary,
        List<InputFeature> features,
        List<LayerSpec> layers,
        Initializer initializer,
        Optional<List<LayerWeights>> weights,
        Hyperparameters hyperparameters,
        int batchSize,
        long seed,
        DataSpec data,
        Map<String, LessonWords> translations,
        boolean shuffle) {

    /** A lesson that shuffles its training points every epoch, as most do. */
    public Lesson(String title, String commentary, List<InputFeature> features, List<LayerSpec> layers,
            Initializer initializer, Optional<List<LayerWeights>> weights, Hyperparameters hyperparameters,
            int batchSize, long seed, DataSpec data, Map<String, LessonWords> translations) {
        this(title, commentary, features, layers, initializer, weights, hyperparameters, batchSize, seed, data,
                translations, true);
    }

    public Lesson {
        translations = Map.copyOf(translations);
        features = List.copyOf(features);
        layers = List.copyOf(layers);
        weights = weights.map(List::copyOf);
    }

    /** The title and commentary to show in {@code locale}'s language (the lesson's own words if it has no translation). */
    public LessonWords words(Locale locale) {
        return LessonWords.in(locale, new LessonWords(title, commentary), translations);
    }

    public Lesson withWeights(List<LayerWeights> fixed) {
        return new Lesson(title, commentary, features, layers, initializer, Optional.of(fixed), hyperparameters,
                batchSize, seed, data, translations, shuffle);
    }

    public Lesson withHyperparameters(Hyperparameters changed) {
        return new Lesson(title, commentary, features, layers, initializer, weights, changed, batchSize, seed, data,
                translations, shuffle);
    }

    public Lesson withBatchSize(int size) {
        return new Lesson(title, commentary, features, layers, initializer, weights, hyperparameters, size, seed, data,
                translations, shuffle);
    }

    public Lesson withData(DataSpec changed) {
        return new Lesson(title, commentary, features, layers, initializer, weights, hyperparameters, batchSize, seed,
                changed, translations, shuffle);
    }

    /**
     * The lesson with another data set and the output activation and loss that data needs, as
     * {@link NetworkRules#outputForData} says: what choosing a data set in the lab means. Not checked:
     * the data may still not fit the output layer's size.
     */
    public Lesson withDataSet(DataSpec changed) {
        NetworkRules.Output current = new NetworkRules.Output(layers.getLast().activation(), hyperparameters.loss());
        return withData(changed).withOutput(NetworkRules.outputForData(data.classes(), changed.classes(), current));
    }

    /**
     * The lesson with its output layer using {@code activation}, and the loss that goes with it as
     * {@link NetworkRules#lossFor} says: what choosing an output activation in the lab means. Not
     * checked: the output layer may be too small for it (softmax).
     */
    public Lesson withOutputActivation(Activation activation) {
        return withOutput(new NetworkRules.Output(activation, NetworkRules.lossFor(activation, hyperparameters.loss())));
    }

    /** The lesson with this output activation and loss; reshaped (dropping fixed weights) only if the activation changes. */
    private Lesson withOutput(NetworkRules.Output output) {
        Lesson chosen = withHyperparameters(hyperparameters.withLoss(output.loss()));
        LayerSpec last = layers.getLast();
        if (output.activation() == last.activation()) {
            return chosen;
        }
        List<LayerSpec> newLayers = new ArrayList<>(layers);
        newLayers.set(layers.size() - 1, new LayerSpec(last.size(), output.activation()));
        return chosen.withArchitecture(features, newLayers);
    }

    public Lesson withShuffle(boolean changed) {
        return new Lesson(title, commentary, features, layers, initializer, weights, hyperparameters, batchSize, seed,
                data, translations, changed);
    }

    /** Another initializer, and no fixed weights: the network draws its own from the seed with it. */
    public Lesson withInitializer(Initializer changed) {
        return new Lesson(title, commentary, features, layers, changed, Optional.empty(), hyperparameters, batchSize, seed,
                data, translations, shuffle);
    }

    public Lesson withSeed(long changed) {
        return new Lesson(title, commentary, features, layers, initializer, weights, hyperparameters, batchSize, changed,
                data, translations, shuffle);
    }

    /**
     * The lesson with another network shape. Explicit weights no longer fit, so they are dropped:
     * from here on a reset draws fresh weights from the seed.
     */
    public Lesson withArchitecture(List<InputFeature> newFeatures, List<LayerSpec> newLayers) {
        return new Lesson(title, commentary, newFeatures, newLayers, initializer, Optional.empty(), hyperparameters,
                batchSize, seed, data, translations, shuffle);
    }
}
