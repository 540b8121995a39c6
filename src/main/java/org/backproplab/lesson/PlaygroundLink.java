package org.backproplab.lesson;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.backproplab.data.PlaygroundDatasets;
import org.backproplab.engine.Activation;
import org.backproplab.engine.InputFeature;
import org.backproplab.engine.Regularization;

/**
 * The settings a TensorFlow Playground link carries after its {@code #}, read as the page's
 * {@code state.ts} reads them: missing settings take the page's defaults, numbers are decimal, a
 * flag is on unless it says {@code false}, and {@code NAME_hide=true} removes that input. Unlike
 * the page, a value this app cannot reproduce is refused with a message instead of silently
 * replaced, and a link without a {@code seed} is refused because the page would draw a random one.
 *
 * @param seed               the seed exactly as spelled in the link (seedrandom hashes the text)
 * @param dataset            the data set in use (classification or regression, as {@code problem} says)
 * @param noise              the noise slider, 0 to 50
 * @param percentTraining    {@code percTrainData}: the share of points for training, in percent
 * @param features           the inputs switched on and not hidden, in the playground's order
 * @param hiddenLayers       {@code networkShape}: neurons per hidden layer
 * @param activation         the hidden layers' activation
 * @param learningRate       the learning rate
 * @param batchSize          points per weight update
 * @param regularization     L1 or L2 and its rate, or none
 * @param initZero           the page's "initialise weights to zero" switch
 */
public record PlaygroundLink(
        String seed,
        PlaygroundDatasets dataset,
        double noise,
        double percentTraining,
        List<InputFeature> features,
        List<Integer> hiddenLayers,
        Activation activation,
        double learningRate,
        int batchSize,
        Regularization regularization,
        boolean initZero) {

    /** The playground's own limit on neurons per hidden layer is 8; this app's is 64. */
    private static final int MAX_NEURONS = LessonFile.MAX_LAYER_SIZE;
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    /** The playground's input names, in the order it feeds them to the network, with this app's features. */
    private static final Map<String, InputFeature> INPUTS = inputs();
    /** Settings the page reads; a text with none of them is not a playground link. */
    private static final List<String> KNOWN = List.of("activation", "regularization", "batchSize", "dataset",
            "regDataset", "learningRate", "regularizationRate", "noise", "networkShape", "seed", "percTrainData", "x",
            "y", "problem");
    private static final Map<String, Activation> ACTIVATIONS = Map.of(
            "relu", Activation.RELU, "tanh", Activation.TANH, "sigmoid", Activation.SIGMOID, "linear", Activation.LINEAR);

    public PlaygroundLink {
        features = List.copyOf(features);
        hiddenLayers = List.copyOf(hiddenLayers);
    }

    private static Map<String, InputFeature> inputs() {
        Map<String, InputFeature> inputs = new java.util.LinkedHashMap<>();
        inputs.put("x", InputFeature.X1);
        inputs.put("y", InputFeature.X2);
        inputs.put("xSquared", InputFeature.X1_SQUARED);
        inputs.put("ySquared", InputFeature.X2_SQUARED);
        inputs.put("xTimesY", InputFeature.X1_TIMES_X2);
        inputs.put("sinX", InputFeature.SIN_X1);
        inputs.put("sinY", InputFeature.SIN_X2);
        return inputs;
    }

    public boolean regression() {
        return dataset.regression();
    }

    /** How many points the page makes: 500 to classify, 1200 for regression. */
    public int samples() {
        return regression() ? 1200 : 500;
    }

    /**
     * Reads a link such as {@code https://playground.tensorflow.org/#activation=tanh&seed=0.12345&…}
     * (or just the part after {@code #}).
     *
     * @throws LessonException with one line naming the setting that cannot be used
     */
    public static PlaygroundLink parse(String link) throws LessonException {
        String text = link.strip();
        int hash = text.indexOf('#');
        if (hash < 0 && text.contains("://")) {
            throw problem("it has no settings after \"#\"; copy the whole address from the playground's address bar");
        }
        Map<String, String> map = new HashMap<>();
        for (String pair : text.substring(hash + 1).split("&")) {
            String[] parts = pair.split("=", -1);
            map.put(parts[0], parts.length > 1 ? parts[1] : null);
        }
        Settings settings = new Settings(map);
        if (map.keySet().stream().noneMatch(KNOWN::contains)) {
            throw problem("not a TensorFlow Playground address; expected one such as https://playground.tensorflow.org/"
                    + "#activation=tanh&networkShape=4,2&seed=0.12345&dataset=spiral");
        }
        if (!settings.has("seed")) {
            throw problem("it has no seed=…, so the playground would draw a random one; press the playground's"
                    + " \"regenerate\" button and copy the link again");
        }
        String problemKind = settings.choice("problem", "classification", List.of("classification", "regression"));
        boolean regression = problemKind.equals("regression");
        String setName = regression ? settings.text("regDataset", "reg-plane") : settings.text("dataset", "circle");
        PlaygroundDatasets dataset = PlaygroundDatasets.fromId(setName, regression).orElseThrow(() -> problem(
                (regression ? "regDataset" : "dataset") + "=" + setName + " is not a data set this app can reproduce"
                        + " (expected " + (regression ? "reg-plane or reg-gauss" : "circle, xor, gauss or spiral") + ")"));
        double noise = settings.number("noise", 0, 0, 50);
        double percent = settings.number("percTrainData", 50, 0, 100);
        List<InputFeature> features = new ArrayList<>();
        for (Map.Entry<String, InputFeature> input : INPUTS.entrySet()) {
            String name = input.getKey();
            boolean on = settings.flag(name, name.equals("x") || name.equals("y"));
            if (on && !"true".equals(map.get(name + "_hide"))) {
                features.add(input.getValue());
            }
        }
        if (features.isEmpty()) {
            throw problem("every input is switched off; the network needs at least one (x, y, x², y², xy, sin x or sin y)");
        }
        List<Integer> hidden = settings.shape();
        Activation activation = ACTIVATIONS.get(settings.choice("activation", "tanh", List.of("relu", "tanh", "sigmoid",
                "linear")));
        double rate = settings.number("learningRate", 0.03, 0, Double.MAX_VALUE);
        if (rate == 0) {
            throw problem("learningRate=0 would never change a weight; this app needs a learning rate above 0");
        }
        int batch = settings.whole("batchSize", 10, 1, LessonFile.MAX_POINTS);
        String penalty = settings.choice("regularization", "none", List.of("none", "L1", "L2"));
        double penaltyRate = settings.number("regularizationRate", 0, 0, Double.MAX_VALUE);
        Regularization regularization = switch (penalty) {
            case "L1" -> new Regularization(Regularization.Kind.L1, penaltyRate);
            case "L2" -> new Regularization(Regularization.Kind.L2, penaltyRate);
            default -> Regularization.NONE;
        };
        return new PlaygroundLink(map.get("seed"), dataset, noise, percent, features, hidden, activation, rate, batch,
                regularization, settings.flag("initZero", false));
    }

    private static LessonException problem(String message) {
        return new LessonException("playground link: " + message);
    }

    /** The link's name=value pairs, read as state.ts reads each type. */
    private record Settings(Map<String, String> map) {

        /** state.ts hasKey: present and not blank. */
        boolean has(String name) {
            return map.get(name) != null && !map.get(name).isBlank();
        }

        String text(String name, String fallback) {
            return has(name) ? map.get(name) : fallback;
        }

        String choice(String name, String fallback, List<String> allowed) throws LessonException {
            String value = text(name, fallback);
            if (!allowed.contains(value)) {
                throw problem(name + "=" + value + " is not one of " + String.join(", ", allowed));
            }
            return value;
        }

        boolean flag(String name, boolean fallback) {
            return has(name) ? !map.get(name).equals("false") : fallback;
        }

        double number(String name, double fallback, double min, double max) throws LessonException {
            if (!has(name)) {
                return fallback;
            }
            double value = decimal(name, map.get(name));
            if (!(value >= min && value <= max)) {
                throw problem(name + "=" + map.get(name) + (max == Double.MAX_VALUE ? " must be at least " + format(min)
                        : " must be from " + format(min) + " to " + format(max)));
            }
            return value;
        }

        int whole(String name, int fallback, int min, int max) throws LessonException {
            double value = number(name, fallback, min, max);
            if (value != Math.rint(value)) {
                throw problem(name + "=" + map.get(name) + " is not a whole number");
            }
            return (int) value;
        }

        /** networkShape: comma-separated neuron counts, empty for no hidden layer; missing means 4,2. */
        List<Integer> shape() throws LessonException {
            String value = map.get("networkShape");
            if (value == null && !map.containsKey("networkShape")) {
                return List.of(4, 2);
            }
            List<Integer> shape = new ArrayList<>();
            if (value == null || value.isBlank()) {
                return shape;
            }
            for (String count : value.split(",", -1)) {
                double neurons = DECIMAL.matcher(count).matches() ? Double.parseDouble(count) : Double.NaN;
                if (!(neurons >= 1 && neurons <= MAX_NEURONS && neurons == Math.rint(neurons))) {
                    throw problem("networkShape=" + value + " must list whole neuron counts from 1 to " + MAX_NEURONS);
                }
                shape.add((int) neurons);
            }
            if (shape.size() > LessonFile.MAX_LAYERS - 1) {
                throw problem("networkShape=" + value + " has more than " + (LessonFile.MAX_LAYERS - 1)
                        + " hidden layers");
            }
            return shape;
        }

        private static double decimal(String name, String text) throws LessonException {
            if (!DECIMAL.matcher(text).matches()) {
                throw problem(name + "=" + text + " is not a number");
            }
            return Double.parseDouble(text);
        }

        private static String format(double value) {
            return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
        }
    }
}
