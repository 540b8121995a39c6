package org.backproplab.lesson;

import static org.backproplab.lesson.JsonField.ids;
import static org.backproplab.lesson.JsonField.quote;
import static org.backproplab.lesson.LessonFile.MAX_COORDINATE;
import static org.backproplab.lesson.LessonFile.MAX_LAYERS;
import static org.backproplab.lesson.LessonFile.MAX_LAYER_SIZE;
import static org.backproplab.lesson.LessonFile.MAX_POINTS;
import static org.backproplab.lesson.LessonFile.MAX_SCHEDULE_EPOCHS;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.backproplab.data.DataPoint;
import org.backproplab.data.Generator;
import org.backproplab.engine.Activation;
import org.backproplab.engine.Augmentation;
import org.backproplab.engine.Hyperparameters;
import org.backproplab.engine.Initializer;
import org.backproplab.engine.InputFeature;
import org.backproplab.engine.LayerSpec;
import org.backproplab.engine.LearningRateSchedule;
import org.backproplab.engine.Loss;
import org.backproplab.engine.NetworkRules;
import org.backproplab.engine.OptimizerSettings;
import org.backproplab.engine.Refusal;
import org.backproplab.engine.Regularization;
import org.backproplab.trace.Matrix;

/**
 * Turns a parsed lesson file into a {@link Lesson}, checking every field as it reads it; the rules
 * that tie sections together are {@link LessonConsistency}'s. Reads only names the engine knows,
 * so a lesson file is data and can never make the program load or run anything else.
 */
final class LessonReader {

    private static final List<String> LESSON_FIELDS =
            List.of("format", "version", "title", "commentary", "translations", "network", "training", "data",
                    CompareBlock.FIELD);
    private static final List<String> WORDS_FIELDS = List.of("title", "commentary");
    /** More languages than any lesson will be translated into, few enough that a damaged file stays small. */
    static final int MAX_TRANSLATIONS = 40;
    private static final List<String> NETWORK_FIELDS = List.of("features", "initializer", "layers");
    private static final List<String> LAYER_FIELDS = List.of("size", "activation", "dropout", "weights", "biases", "batchNorm",
            "gamma", "beta", "runningMean", "runningVariance");
    /** The values batch normalisation keeps, which a saved network writes beside its weights. */
    private static final List<String> NORMALISATION_FIELDS = List.of("gamma", "beta", "runningMean", "runningVariance");
    private static final List<String> TRAINING_FIELDS = List.of(
            "loss", "optimizer", "batchSize", "seed", "regularization", "gradientClipNorm", "trainBiases", "shuffle",
            "learningRateSchedule", "augmentation");
    private static final List<String> AUGMENTATION_FIELDS = List.of("noise");
    private static final List<String> REGULARIZATION_FIELDS = List.of("type", "rate");
    private static final List<String> GENERATED_FIELDS = List.of("generator", "points", "noise", "trainRatio");
    private static final List<String> INLINE_FIELDS = List.of("classes", "trainRatio", "points");
    private static final List<String> POINT_FIELDS = List.of("x1", "x2", "label", "targets", "set");

    private static final List<String> FEATURES = ids(InputFeature.class, InputFeature::id);
    private static final List<String> INITIALIZERS = ids(Initializer.class, Initializer::id);
    private static final List<String> ACTIVATIONS = ids(Activation.class, Activation::id);
    private static final List<String> LOSSES = ids(Loss.class, Loss::id);
    private static final List<String> REGULARIZATIONS = ids(Regularization.Kind.class, Regularization.Kind::id);
    private static final List<String> GENERATORS = ids(Generator.class, Generator::id);
    private static final List<String> POINT_SETS = ids(PointSet.class, PointSet::id);
    private static final List<String> OPTIMIZERS = List.of("sgd", "momentum", "adam", "rmsprop");
    private static final List<String> SCHEDULES = List.of("constant", "step", "exponential", "cosine");

    private static final double DEFAULT_TRAIN_RATIO = 0.5;
    private static final Initializer DEFAULT_INITIALIZER = Initializer.XAVIER;
    private static final List<InputFeature> DEFAULT_FEATURES = List.of(InputFeature.X1, InputFeature.X2);

    private record NetworkPart(List<InputFeature> features, Initializer initializer, List<LayerSpec> layers,
            Optional<List<LayerWeights>> weights) {
    }

    private record TrainingPart(Hyperparameters hyperparameters, int batchSize, long seed, boolean shuffle) {
    }

    private LessonReader() {
    }

    static Lesson read(JsonNode root) throws LessonException {
        JsonField lesson = JsonField.root(root);
        if (!root.isObject()) {
            throw lesson.problem("a lesson file holds one JSON object { ... }, this one holds "
                    + JsonField.describe(root));
        }
        // Format first: a file that is not a lesson at all should say so, not complain about its fields.
        checkFormat(lesson);
        lesson.object(LESSON_FIELDS);
        JsonField titleField = lesson.field("title");
        String title = titleField.text();
        if (title.isBlank()) {
            throw titleField.problem("must not be empty");
        }
        String commentary = lesson.field("commentary").text();
        Map<String, LessonWords> translations = translations(lesson.field("translations"));
        NetworkPart network = network(lesson.field("network"));
        TrainingPart training = training(lesson.field("training"));
        DataSpec data = data(lesson.field("data"));
        Lesson result = new Lesson(title, commentary, network.features(), network.layers(), network.initializer(),
                network.weights(), training.hyperparameters(), training.batchSize(), training.seed(), data,
                translations, training.shuffle());
        LessonConsistency.check(result);
        return result;
    }

    private static void checkFormat(JsonField lesson) throws LessonException {
        JsonField format = lesson.field("format");
        if (!format.isPresent()) {
            throw format.problem("required field is missing; a lesson file starts with \"format\": "
                    + quote(LessonFile.FORMAT));
        }
        String name = format.text();
        if (!name.equals(LessonFile.FORMAT)) {
            throw format.problem("expected " + quote(LessonFile.FORMAT) + ", got " + quote(name)
                    + "; this is not a Backprop Lab lesson");
        }
        JsonField versionField = lesson.field("version");
        long version = versionField.wholeNumber(Long.MIN_VALUE, Long.MAX_VALUE);
        if (version != LessonFile.VERSION) {
            throw versionField.problem("this lesson is format version " + version + ", but this Backprop Lab reads version "
                    + LessonFile.VERSION + " only");
        }
    }

    /** {"zh-CN": {"title": …, "commentary": …}, …}: optional, keyed by well-formed language tags. */
    private static Map<String, LessonWords> translations(JsonField field) throws LessonException {
        if (!field.isPresent()) {
            return Map.of();
        }
        Map<String, LessonWords> translations = new TreeMap<>();
        List<String> languages = field.object().names();
        if (languages.size() > MAX_TRANSLATIONS) {
            throw field.problem("at most " + MAX_TRANSLATIONS + " translations allowed, got " + languages.size());
        }
        for (String language : languages) {
            JsonField words = field.field(language);
            Locale locale;
            try {
                locale = new Locale.Builder().setLanguageTag(language).build();
            } catch (IllformedLocaleException e) {
                locale = Locale.ROOT;
            }
            // Language codes (ISO 639) have two or three letters; "chinese" is a word, not a code.
            if (locale.getLanguage().isEmpty() || locale.getLanguage().length() > 3) {
                throw words.problem("is not a language tag such as \"zh-CN\" or \"de\"");
            }
            String tag = locale.toLanguageTag();
            words.object(WORDS_FIELDS);
            String title = words.field("title").text();
            if (title.isBlank()) {
                throw words.field("title").problem("must not be empty");
            }
            translations.put(tag, new LessonWords(title, words.field("commentary").text()));
        }
        return translations;
    }

    private static NetworkPart network(JsonField network) throws LessonException {
        network.object(NETWORK_FIELDS);
        List<InputFeature> features = features(network.field("features"));
        Initializer initializer = network.field("initializer")
                .name("initializer", Initializer::fromId, INITIALIZERS, DEFAULT_INITIALIZER);
        List<JsonField> layerFields = network.field("layers").list(1, MAX_LAYERS, "layer");
        boolean fixed = hasWeights(layerFields.getFirst());
        List<LayerSpec> layers = new ArrayList<>();
        List<LayerWeights> weights = new ArrayList<>();
        int inputs = features.size();
        for (int l = 0; l < layerFields.size(); l++) {
            JsonField layer = layerFields.get(l).object(LAYER_FIELDS);
            int size = layer.field("size").count(1, MAX_LAYER_SIZE);
            JsonField activationField = layer.field("activation");
            Activation activation = activationField.name("activation", Activation::fromId, ACTIVATIONS);
            if (NetworkRules.activation(l, layerFields.size(), activation).isPresent()) {
                throw activationField.problem("softmax is only allowed on the output layer (the last one)");
            }
            if (hasWeights(layer) != fixed) {
                throw layer.problem((fixed ? "has no weights and biases, but network.layers[0] has"
                        : "has weights or biases, but network.layers[0] has none")
                        + "; give them on every layer or on none");
            }
            LayerSpec spec = new LayerSpec(size, activation)
                    .withDropout(dropout(layer.field("dropout"), l == layerFields.size() - 1))
                    .withBatchNorm(layer.field("batchNorm").bool(false));
            Optional<Refusal> normalisable = NetworkRules.batchNorm(l, layerFields.size());
            if (spec.batchNorm() && normalisable.isPresent()) {
                throw layer.field("batchNorm").problem(normalisable.get().english() + ", not on the output layer (the last one)");
            }
            if (fixed) {
                weights.add(layerWeights(layer, size, inputs, l == 0).withNormalisation(normalisation(layer, spec)));
            } else {
                refuseNormalisationWithoutWeights(layer);
            }
            layers.add(spec);
            inputs = size;
        }
        return new NetworkPart(features, initializer, layers, fixed ? Optional.of(weights) : Optional.empty());
    }

    /** A hidden layer's dropout rate p: 1 would drop every output and divide the kept ones by zero. */
    private static double dropout(JsonField field, boolean output) throws LessonException {
        double rate = field.number(0, v -> v >= 0 && v < 1, "at least 0 and below 1");
        if (output && rate > 0) {
            throw field.problem("dropout is only allowed on hidden layers; the output layer's outputs are the answer");
        }
        return rate;
    }

    private static List<InputFeature> features(JsonField field) throws LessonException {
        if (!field.isPresent()) {
            return DEFAULT_FEATURES;
        }
        List<InputFeature> features = new ArrayList<>();
        for (JsonField element : field.list(1, FEATURES.size(), "feature")) {
            InputFeature feature = element.name("feature", InputFeature::fromId, FEATURES);
            if (features.contains(feature)) {
                throw element.problem(quote(feature.id()) + " is listed twice");
            }
            features.add(feature);
        }
        return features;
    }

    private static boolean hasWeights(JsonField layer) {
        return layer.hasField("weights") || layer.hasField("biases");
    }

    private static LayerWeights layerWeights(JsonField layer, int size, int inputs, boolean first)
            throws LessonException {
        String perInput = first ? "one per input feature" : "one per neuron of the layer before";
        List<JsonField> rows = layer.field("weights").list(size, "row", "one per neuron of this layer");
        double[][] values = new double[size][];
        for (int n = 0; n < size; n++) {
            values[n] = rows.get(n).numbers(inputs, perInput);
        }
        double[] biases = layer.field("biases").numbers(size, "one per neuron of this layer");
        return new LayerWeights(Matrix.of(values), Matrix.column(biases));
    }

    /**
     * γ, β and the running averages of a layer with weights; each may be left out (then γ = 1, β = 0,
     * running μ = 0 and σ² = 1, as a fresh layer starts). Only a layer that normalises has them.
     */
    private static Optional<LayerWeights.Normalisation> normalisation(JsonField layer, LayerSpec spec) throws LessonException {
        if (!spec.batchNorm()) {
            for (String name : NORMALISATION_FIELDS) {
                if (layer.hasField(name)) {
                    throw layer.field(name).problem("only a layer with \"batchNorm\": true has this");
                }
            }
            return Optional.empty();
        }
        int size = spec.size();
        return Optional.of(new LayerWeights.Normalisation(
                Matrix.column(normalisationValues(layer.field("gamma"), size, 1)),
                Matrix.column(normalisationValues(layer.field("beta"), size, 0)),
                Matrix.column(normalisationValues(layer.field("runningMean"), size, 0)),
                Matrix.column(runningVariances(layer.field("runningVariance"), size))));
    }

    private static double[] normalisationValues(JsonField field, int size, double fallback) throws LessonException {
        if (!field.isPresent()) {
            double[] values = new double[size];
            Arrays.fill(values, fallback);
            return values;
        }
        return field.numbers(size, "one per neuron of this layer");
    }

    /** A variance is never negative: √(σ² + ε) of a negative one would be no number at all. */
    private static double[] runningVariances(JsonField field, int size) throws LessonException {
        double[] values = normalisationValues(field, size, 1);
        for (int n = 0; n < size; n++) {
            if (values[n] < 0) {
                throw field.problem("a variance is never negative, got " + values[n] + " for neuron " + (n + 1));
            }
        }
        return values;
    }

    /** γ, β and running averages are trained values: they come with the weights and biases they were trained with. */
    private static void refuseNormalisationWithoutWeights(JsonField layer) throws LessonException {
        for (String name : NORMALISATION_FIELDS) {
            if (layer.hasField(name)) {
                throw layer.field(name).problem("comes with trained weights; give \"weights\" and \"biases\" too, or leave it out");
            }
        }
    }

    private static TrainingPart training(JsonField training) throws LessonException {
        training.object(TRAINING_FIELDS);
        Loss loss = training.field("loss").name("loss", Loss::fromId, LOSSES);
        OptimizerSettings optimizer = optimizer(training.field("optimizer"));
        int batchSize = training.field("batchSize").count(1, MAX_POINTS);
        long seed = training.field("seed").wholeNumber(Long.MIN_VALUE, Long.MAX_VALUE);
        Regularization regularization = regularization(training.field("regularization"));
        double clip = training.field("gradientClipNorm").number(0, v -> v >= 0, "0 (off) or positive");
        boolean trainBiases = training.field("trainBiases").bool(true);
        boolean shuffle = training.field("shuffle").bool(true);
        LearningRateSchedule schedule = schedule(training.field("learningRateSchedule"));
        Augmentation augmentation = augmentation(training.field("augmentation"));
        return new TrainingPart(new Hyperparameters(loss, optimizer, regularization, clip, trainBiases, schedule, augmentation),
                batchSize, seed, shuffle);
    }

    /** {"noise": σ}: optional. */
    private static Augmentation augmentation(JsonField field) throws LessonException {
        if (!field.isPresent()) {
            return Augmentation.NONE;
        }
        field.object(AUGMENTATION_FIELDS);
        return new Augmentation(field.field("noise").number(v -> v >= 0 && v <= Augmentation.MAX_NOISE,
                "from 0 to " + (int) Augmentation.MAX_NOISE));
    }

    private static OptimizerSettings optimizer(JsonField optimizer) throws LessonException {
        optimizer.object();
        String type = optimizer.field("type").name("optimizer", LessonReader::optimizerType, OPTIMIZERS);
        switch (type) {
            case "sgd" -> optimizer.object(List.of("type", "learningRate"));
            case "momentum" -> optimizer.object(List.of("type", "learningRate", "momentum"));
            case "rmsprop" -> optimizer.object(List.of("type", "learningRate", "rho", "epsilon"));
            default -> optimizer.object(List.of("type", "learningRate", "beta1", "beta2", "epsilon"));
        }
        double rate = optimizer.field("learningRate").number(v -> v > 0, "greater than 0");
        return switch (type) {
            case "sgd" -> new OptimizerSettings.Sgd(rate);
            case "momentum" -> new OptimizerSettings.Momentum(rate, decay(optimizer.field("momentum"),
                    OptimizerSettings.Momentum.DEFAULT_MOMENTUM));
            case "rmsprop" -> new OptimizerSettings.RmsProp(rate,
                    decay(optimizer.field("rho"), OptimizerSettings.RmsProp.DEFAULT_RHO),
                    optimizer.field("epsilon").number(OptimizerSettings.RmsProp.DEFAULT_EPSILON, v -> v > 0, "greater than 0"));
            default -> new OptimizerSettings.Adam(rate,
                    decay(optimizer.field("beta1"), OptimizerSettings.Adam.DEFAULT_BETA1),
                    decay(optimizer.field("beta2"), OptimizerSettings.Adam.DEFAULT_BETA2),
                    optimizer.field("epsilon").number(OptimizerSettings.Adam.DEFAULT_EPSILON, v -> v > 0, "greater than 0"));
        };
    }

    private static Optional<String> optimizerType(String id) {
        return OPTIMIZERS.stream().filter(id::equalsIgnoreCase).findFirst();
    }

    /**
     * {"type": "step", "every": 100, "factor": 0.5}, {"type": "exponential", "factor": 0.99} or
     * {"type": "cosine", "epochs": 1000, "minimum": 0.0001}; optional, a constant η when absent.
     */
    private static LearningRateSchedule schedule(JsonField schedule) throws LessonException {
        if (!schedule.isPresent()) {
            return Hyperparameters.CONSTANT_RATE;
        }
        schedule.object();
        String type = schedule.field("type").name("learning-rate schedule", LessonReader::scheduleType, SCHEDULES);
        return switch (type) {
            case "step" -> {
                schedule.object(List.of("type", "every", "factor"));
                yield new LearningRateSchedule.Step(schedule.field("every").wholeNumber(1, MAX_SCHEDULE_EPOCHS),
                        shrinking(schedule.field("factor")));
            }
            case "exponential" -> {
                schedule.object(List.of("type", "factor"));
                yield new LearningRateSchedule.Exponential(shrinking(schedule.field("factor")));
            }
            case "cosine" -> {
                schedule.object(List.of("type", "epochs", "minimum"));
                yield new LearningRateSchedule.Cosine(schedule.field("epochs").wholeNumber(1, MAX_SCHEDULE_EPOCHS),
                        schedule.field("minimum").number(0, v -> v >= 0, "0 or positive"));
            }
            default -> {
                schedule.object(List.of("type"));
                yield Hyperparameters.CONSTANT_RATE;
            }
        };
    }

    private static Optional<String> scheduleType(String id) {
        return SCHEDULES.stream().filter(id::equalsIgnoreCase).findFirst();
    }

    /** A schedule's factor: above 0 (η would vanish at once) and at most 1 (η would grow without end). */
    private static double shrinking(JsonField factor) throws LessonException {
        return factor.number(v -> v > 0 && v <= 1, "greater than 0 and at most 1");
    }

    /** A memory factor (momentum, β₁, β₂, ρ): at 1 or above the remembered past would never fade. */
    private static double decay(JsonField field, double fallback) throws LessonException {
        return field.number(fallback, v -> v >= 0 && v < 1, "at least 0 and less than 1");
    }

    private static Regularization regularization(JsonField field) throws LessonException {
        if (!field.isPresent()) {
            return Regularization.NONE;
        }
        field.object(REGULARIZATION_FIELDS);
        Regularization.Kind kind = field.field("type").name("regularization", Regularization.Kind::fromId, REGULARIZATIONS);
        JsonField rate = field.field("rate");
        // A penalty named without a rate would silently do nothing; "none" needs no rate.
        double value = kind == Regularization.Kind.NONE
                ? rate.number(0, v -> v >= 0, "0 or positive")
                : rate.number(v -> v >= 0, "0 or positive");
        return new Regularization(kind, value);
    }

    private static DataSpec data(JsonField data) throws LessonException {
        data.object();
        if (data.hasField("generator")) {
            return generated(data.object(GENERATED_FIELDS));
        }
        if (data.hasField("classes") || data.hasField("points")) {
            return inline(data.object(INLINE_FIELDS));
        }
        throw data.problem("give either \"generator\" (points drawn by a generator) or \"classes\" and \"points\""
                + " (points written out)");
    }

    private static DataSpec.Generated generated(JsonField data) throws LessonException {
        Generator generator = data.field("generator").name("generator", Generator::fromId, GENERATORS);
        int points = data.field("points").count(generator.defaultPoints(), 1, MAX_POINTS);
        double noise = data.field("noise").number(0, v -> v >= 0 && v <= 0.5, "from 0 to 0.5");
        return new DataSpec.Generated(generator.id(), points, noise, trainRatio(data.field("trainRatio")));
    }

    private static DataSpec.Inline inline(JsonField data) throws LessonException {
        JsonField classesField = data.field("classes");
        int classes = classesField.count(0, MAX_LAYER_SIZE);
        if (classes == 1) {
            throw classesField.problem("must be 0 (regression) or at least 2, got 1");
        }
        List<JsonField> pointFields = data.field("points").list(1, MAX_POINTS, "point");
        List<DataPoint> points = new ArrayList<>();
        List<PointSet> sets = new ArrayList<>();
        boolean marked = pointFields.getFirst().hasField("set");
        for (JsonField point : pointFields) {
            points.add(point(point, classes));
            if (point.hasField("set") != marked) {
                throw point.problem((marked ? "has no \"set\", but data.points[0] has one"
                        : "has a \"set\", but data.points[0] has none") + "; give \"set\" on every point or on none");
            }
            if (marked) {
                sets.add(point.field("set").name("set", PointSet::fromId, POINT_SETS));
            }
        }
        if (!marked) {
            return new DataSpec.Inline(points, classes, trainRatio(data.field("trainRatio")));
        }
        JsonField ratio = data.field("trainRatio");
        if (ratio.isPresent()) {
            throw ratio.problem("not allowed when the points carry \"set\": they already say which are for training;"
                    + " remove trainRatio or the sets");
        }
        return DataSpec.Inline.marked(points, classes, sets);
    }

    private static double trainRatio(JsonField field) throws LessonException {
        return field.number(DEFAULT_TRAIN_RATIO, v -> v > 0 && v <= 1, "greater than 0 and at most 1");
    }

    private static DataPoint point(JsonField point, int classes) throws LessonException {
        point.object(POINT_FIELDS);
        double x1 = coordinate(point.field("x1"));
        double x2 = coordinate(point.field("x2"));
        boolean hasLabel = point.hasField("label");
        boolean hasTargets = point.hasField("targets");
        if (hasLabel && hasTargets) {
            throw point.problem("give either \"label\" or \"targets\", not both");
        }
        if (hasTargets) {
            List<Double> targets = new ArrayList<>();
            for (JsonField target : point.field("targets").list(1, MAX_LAYER_SIZE, "value")) {
                targets.add(target.number());
            }
            return DataPoint.withTargets(x1, x2, targets);
        }
        JsonField labelField = point.field("label");
        if (!labelField.isPresent()) {
            throw labelField.problem("required field is missing (or give \"targets\" instead)");
        }
        double label = labelField.number();
        if (classes >= 2 && !(label == Math.rint(label) && label >= 0 && label < classes)) {
            throw labelField.problem("must be a class index from 0 to " + (classes - 1) + " (\"classes\" is " + classes
                    + "), got " + labelField.node().asText());
        }
        return new DataPoint(x1, x2, label);
    }

    /** Bounded so that views can always frame every point (their span must stay a finite number). */
    private static double coordinate(JsonField field) throws LessonException {
        return field.number(v -> Math.abs(v) <= MAX_COORDINATE,
                "from " + (long) -MAX_COORDINATE + " to " + (long) MAX_COORDINATE);
    }
}
