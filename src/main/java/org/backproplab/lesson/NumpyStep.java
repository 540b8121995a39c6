package org.backproplab.lesson;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.backproplab.engine.Activation;
import org.backproplab.engine.BatchNorm;
import org.backproplab.engine.Hyperparameters;
import org.backproplab.engine.InputFeature;
import org.backproplab.engine.LayerSpec;
import org.backproplab.engine.LearningRateSchedule;
import org.backproplab.engine.Loss;
import org.backproplab.engine.OptimizerSettings;
import org.backproplab.engine.Regularization;
import org.backproplab.trace.SubStep;

/**
 * A lesson's training step as short, idiomatic NumPy, in the order of the pass: forward, loss,
 * output δ, hidden δ, gradients, update. Names follow the formulas (W1, b1, z1, a1, delta1, dW1,
 * db1 for the first layer after the inputs), so the code reads beside the math. The one source of
 * the code that the Code tab shows and that the exported script and notebook run.
 *
 * <p>Every line computes exactly what the engine computes, in the same order where the rounding
 * depends on it (the optimizer's products, the clipping scale), so the exported program repeats the
 * app's numbers to within a few units in the last place. Every activation, loss, optimizer and
 * regularization is written by an exhaustive switch: a new one does not compile until it is exported.
 */
public final class NumpyStep {

    private final List<InputFeature> features;
    private final List<LayerSpec> layers;
    private final Hyperparameters hyper;

    private NumpyStep(Lesson lesson) {
        this.features = lesson.features();
        this.layers = lesson.layers();
        this.hyper = lesson.hyperparameters();
    }

    public static NumpyStep of(Lesson lesson) {
        return new NumpyStep(lesson);
    }

    /** How many layers after the inputs; Python's names number them from 1. */
    public int layerCount() {
        return layers.size();
    }

    // ---------------------------------------------------------------- definitions and settings

    /** The imports and the helper functions the step calls (only those this network needs). */
    public List<String> definitions() {
        List<String> lines = new ArrayList<>(List.of("import json", "import math", "import sys", "", "import numpy as np"));
        Set<Activation> used = new LinkedHashSet<>();
        layers.forEach(layer -> used.add(layer.activation()));
        for (Activation activation : used) {
            List<String> function = switch (activation) {
                case SIGMOID -> List.of("def sigmoid(z):", "    return 1 / (1 + np.exp(-z))");
                case TANH, LINEAR -> List.of();
                case RELU -> List.of("def relu(z):", "    return np.where(z > 0, z, 0.0)");
                case LEAKY_RELU -> List.of("def leaky_relu(z):", "    return np.where(z > 0, z, " + Activation.LEAK + " * z)");
                case SOFTMAX -> List.of("def softmax(z):",
                        "    e = np.exp(z - z.max(axis=0))  # minus each column's largest z: exp() cannot overflow",
                        "    return e / e.sum(axis=0)");
            };
            if (!function.isEmpty()) {
                lines.add("");
                lines.add("");
                lines.addAll(function);
            }
        }
        if (hyper.loss() == Loss.SOFTMAX_CROSS_ENTROPY) {
            lines.addAll(List.of("", "", "def log_sum_exp(z):",
                    "    top = z.max(axis=0)  # as in softmax: exp() cannot overflow",
                    "    return top + np.log(np.sum(np.exp(z - top), axis=0))"));
        }
        if (hyper.loss() == Loss.SQUARED_ERROR && output() == Activation.SOFTMAX) {
            lines.addAll(List.of("", "", "def softmax_backward(a, g):",
                    "    # the softmax Jacobian applied to g = dL/da, one column (sample) at a time",
                    "    return a * (g - np.sum(a * g, axis=0))"));
        }
        scheduleFunction().ifPresent(function -> {
            lines.addAll(List.of("", "", "def scheduled_rate(epoch):"));
            lines.addAll(function);
        });
        return lines;
    }

    /** Whether η changes from epoch to epoch, so each step first works out its own. */
    public boolean scheduled() {
        return !(hyper.schedule() instanceof LearningRateSchedule.Constant);
    }

    /** The body of scheduled_rate(epoch), the schedule's formula as the engine computes it; none for a constant η. */
    private Optional<List<String>> scheduleFunction() {
        String doc = "    \"\"\"The learning rate of an epoch (the first is 0): ";
        return switch (hyper.schedule()) {
            case LearningRateSchedule.Constant _ -> Optional.empty();
            case LearningRateSchedule.Step(long every, double factor) -> Optional.of(List.of(
                    doc + "multiplied by " + number(factor) + " every " + every + " epochs.\"\"\"",
                    "    return initial_learning_rate * " + number(factor) + " ** (epoch // " + every + ")"));
            case LearningRateSchedule.Exponential(double factor) -> Optional.of(List.of(
                    doc + "multiplied by " + number(factor) + " every epoch.\"\"\"",
                    "    return initial_learning_rate * " + number(factor) + " ** epoch"));
            case LearningRateSchedule.Cosine(long epochs, double minimum) -> Optional.of(List.of(
                    doc + "half a cosine down to " + number(minimum) + " over " + epochs + " epochs.\"\"\"",
                    "    return " + number(minimum) + " + (initial_learning_rate - " + number(minimum)
                            + ") * (1 + math.cos(math.pi * min(epoch, " + epochs + ") / " + epochs + ")) / 2"));
        };
    }

    /** The hyperparameters as named constants, and the optimizer's memory, empty before the first step. */
    public List<String> settings() {
        List<String> lines = new ArrayList<>();
        OptimizerSettings optimizer = hyper.optimizer();
        lines.add((scheduled() ? "initial_learning_rate = " : "learning_rate = ") + number(optimizer.learningRate()));
        switch (optimizer) {
            case OptimizerSettings.Sgd _ -> {
            }
            case OptimizerSettings.Momentum momentum -> {
                lines.add("momentum = " + number(momentum.momentum()));
                lines.add("# the velocity of every weight and bias: what momentum carries from step to step");
                forEachParameter(p -> lines.add("v" + p + " = np.zeros_like(" + p + ")"));
            }
            case OptimizerSettings.Adam adam -> {
                lines.add("beta1, beta2, epsilon = " + number(adam.beta1()) + ", " + number(adam.beta2()) + ", "
                        + number(adam.epsilon()));
                lines.add("# Adam's moving means m and variances v of every gradient, and its step count t");
                forEachParameter(p -> lines.add("m" + p + ", v" + p + " = np.zeros_like(" + p + "), np.zeros_like(" + p + ")"));
                lines.add("t = 0");
            }
            case OptimizerSettings.RmsProp rmsProp -> {
                lines.add("rho, epsilon = " + number(rmsProp.rho()) + ", " + number(rmsProp.epsilon()));
                lines.add("# RMSprop's running mean s of every squared gradient");
                forEachParameter(p -> lines.add("s" + p + " = np.zeros_like(" + p + ")"));
            }
        }
        Regularization regularization = hyper.regularization();
        if (regularization.isActive()) {
            lines.add(penaltyRate() + " = " + number(regularization.rate()) + "  # the " + regularization.kind().id()
                    + " penalty's strength, lambda");
        }
        if (clipped()) {
            lines.add("max_norm = " + number(hyper.gradientClipNorm()) + "  # gradients are scaled down together beyond this norm");
        }
        if (!hyper.trainBiases()) {
            lines.add("# the biases stay fixed: they are never updated");
        }
        for (int l = 0; l < layers.size(); l++) {
            if (drops(l)) {
                lines.add("p" + (l + 1) + " = " + number(layers.get(l).dropout()) + "  # the rate at which training drops layer "
                        + (l + 1) + "'s outputs");
            }
        }
        if (layers.stream().anyMatch(LayerSpec::batchNorm)) {
            lines.add("bn_epsilon = " + number(BatchNorm.EPSILON) + "  # batch normalisation: keeps sqrt(var + eps) off zero");
            lines.add("bn_momentum = " + number(BatchNorm.MOMENTUM) + "  # each batch's share in the running averages");
        }
        return lines;
    }

    /** The network's inputs computed from the points' coordinates x1 and x2, one row per feature. */
    public String inputFeatures(String x1, String x2) {
        List<String> rows = new ArrayList<>();
        for (InputFeature feature : features) {
            rows.add(switch (feature) {
                case X1 -> x1;
                case X2 -> x2;
                case X1_SQUARED -> x1 + " ** 2";
                case X2_SQUARED -> x2 + " ** 2";
                case X1_TIMES_X2 -> x1 + " * " + x2;
                case SIN_X1 -> "np.sin(" + x1 + ")";
                case SIN_X2 -> "np.sin(" + x2 + ")";
            });
        }
        return "np.array([" + String.join(", ", rows) + "])";
    }

    // ---------------------------------------------------------------- the step

    /** The lines that take one mini-batch out of the training data: X, y and the batch size m. */
    public List<String> batch() {
        List<String> lines = new ArrayList<>();
        if (hyper.augmentation().isActive()) {
            lines.add("# augmentation: the batch's points, each shifted by Gaussian noise (sigma "
                    + number(hyper.augmentation().noise()) + ") as the app drew it");
            lines.add("x1_shifted, x2_shifted = shifted_points[step - 1]");
            lines.add("X = " + inputFeatures("x1_shifted", "x2_shifted") + "  # features of the shifted points");
        } else {
            lines.add("X = X_train[:, batch]  # one column per sample");
        }
        lines.add("y = y_train[:, batch]  # targets");
        lines.add("m = X.shape[1]  # samples in the batch");
        if (scheduled()) {
            lines.add("learning_rate = scheduled_rate(epochs[step - 1])  # this step's epoch, counted from 0");
        }
        return lines;
    }

    /** Whether the program needs the recorded points of each step: augmentation drew their shifts. */
    public boolean usesShiftedPoints() {
        return hyper.augmentation().isActive();
    }

    /** Whether the program needs the recorded dropout masks of each step. */
    public boolean usesMasks() {
        return layers.stream().anyMatch(layer -> layer.dropout() > 0);
    }

    private boolean drops(int l) {
        return layers.get(l).dropout() > 0;
    }

    /** The name of f(z) of layer k: before the mask when the layer drops outputs, else a itself. */
    private String activated(int l) {
        return (drops(l) ? "f" : "a") + (l + 1);
    }

    /** The training step on a batch X, y, block by block, in the order of the pass. */
    public List<CodeBlock> step() {
        List<CodeBlock> blocks = new ArrayList<>();
        for (int l = 0; l < layers.size(); l++) {
            blocks.add(forward(l));
            if (layers.get(l).batchNorm()) {
                blocks.add(normalise(l));
                blocks.add(scaleAndShift(l));
            }
        }
        blocks.add(loss());
        for (int l = layers.size() - 1; l >= 0; l--) {
            blocks.add(backward(l));
            if (layers.get(l).batchNorm()) {
                blocks.add(backwardNormalise(l));
            }
        }
        for (int l = 0; l < layers.size(); l++) {
            blocks.add(gradients(l));
        }
        for (int l = 0; l < layers.size(); l++) {
            blocks.add(update(l));
        }
        return blocks;
    }

    /**
     * The call that records the step just taken: what the exported programs print and check, in the
     * {@code trace} command's JSON names.
     */
    public String recordCall() {
        List<String> perLayer = new ArrayList<>();
        for (int k = 1; k <= layers.size(); k++) {
            perLayer.add("(z" + k + ", a" + k + ", delta" + k + ", dW" + k + ", db" + k + ", W" + k + ", b" + k + ")");
        }
        return "trace.append(record(step, loss, " + (hyper.regularization().isActive() ? "penalty" : "0.0") + ", "
                + (clipped() ? "scale" : "1.0") + ", [" + String.join(", ", perLayer) + "]))";
    }

    private CodeBlock forward(int l) {
        int k = l + 1;
        String z = "z" + k;
        if (layers.get(l).batchNorm()) {
            return CodeBlock.of(new SubStep.ForwardLayer(l), List.of(
                    "# forward, layer " + k + " (its activation waits for batch normalisation)",
                    z + " = W" + k + " @ " + below(l) + " + b" + k));
        }
        List<String> lines = new ArrayList<>(List.of(
                "# forward, layer " + k,
                z + " = W" + k + " @ " + below(l) + " + b" + k,
                activated(l) + " = " + activate(layers.get(l).activation(), z)));
        lines.addAll(dropout(l));
        return CodeBlock.of(new SubStep.ForwardLayer(l), lines);
    }

    /** Dropout after layer l's activation, when it drops outputs: the recorded mask, kept outputs scaled by 1/(1 − p). */
    private List<String> dropout(int l) {
        if (!drops(l)) {
            return List.of();
        }
        int k = l + 1;
        return List.of("mask" + k + " = masks[step - 1][" + k + "]  # dropout: 1 kept, 0 dropped, as the app drew it",
                "a" + k + " = f" + k + " * mask" + k + " / (1 - p" + k + ")  # kept outputs scaled by 1/(1 - p)");
    }

    /** Batch normalisation of layer l's z over the batch: mu, var (divided by m) and xhat. */
    private CodeBlock normalise(int l) {
        int k = l + 1;
        return CodeBlock.of(new SubStep.Normalise(l), List.of(
                "# batch normalisation of layer " + k + ": each neuron's z over the batch",
                "mu" + k + " = np.mean(z" + k + ", axis=1, keepdims=True)",
                "var" + k + " = np.mean((z" + k + " - mu" + k + ") ** 2, axis=1, keepdims=True)  # divided by m",
                "xhat" + k + " = (z" + k + " - mu" + k + ") / np.sqrt(var" + k + " + bn_epsilon)"));
    }

    private CodeBlock scaleAndShift(int l) {
        int k = l + 1;
        List<String> lines = new ArrayList<>(List.of(
                "# scale and shift, then the activation reads y",
                "y" + k + " = bn_gamma" + k + " * xhat" + k + " + bn_beta" + k,
                activated(l) + " = " + activate(layers.get(l).activation(), "y" + k)));
        lines.addAll(dropout(l));
        return CodeBlock.of(new SubStep.ScaleAndShift(l), lines);
    }

    /** Back through batch normalisation: dbn_gamma, dbn_beta, and delta = dL/dz from dy = m * dL/dy. */
    private CodeBlock backwardNormalise(int l) {
        int k = l + 1;
        return CodeBlock.of(new SubStep.BackwardNormalise(l), List.of(
                "# back through the batch normalisation of layer " + k,
                "dbn_beta" + k + " = np.mean(dy" + k + ", axis=1, keepdims=True)",
                "dbn_gamma" + k + " = np.mean(dy" + k + " * xhat" + k + ", axis=1, keepdims=True)",
                "delta" + k + " = bn_gamma" + k + " / np.sqrt(var" + k + " + bn_epsilon) * (dy" + k + " - dbn_beta" + k
                        + " - xhat" + k + " * dbn_gamma" + k + ")  # sums to 0: db" + k + " is 0"));
    }

    private CodeBlock loss() {
        int k = layers.size();
        String a = "a" + k;
        String z = "z" + k;
        List<String> lines = new ArrayList<>();
        lines.add("# loss (" + hyper.loss().id() + "), mean over the batch");
        lines.add("loss = np.mean(np.sum(" + switch (hyper.loss()) {
            case SQUARED_ERROR -> "0.5 * (y - " + a + ") ** 2";
            // From z, as the app computes it: a saturated sigmoid never takes log(0).
            case BINARY_CROSS_ENTROPY -> "np.maximum(" + z + ", 0) - y * " + z + " + np.log1p(np.exp(-np.abs(" + z + ")))";
            case SOFTMAX_CROSS_ENTROPY -> "y * (log_sum_exp(" + z + ") - " + z + ")";
        } + ", axis=0))");
        Regularization regularization = hyper.regularization();
        if (regularization.isActive()) {
            String each = switch (regularization.kind()) {
                case NONE -> throw new IllegalStateException("an active penalty has a kind");
                case L1 -> "np.sum(np.abs(W))";
                case L2 -> "np.sum(0.5 * W * W)";
            };
            lines.add("penalty = " + penaltyRate() + " * sum(" + each + " for W in (" + allWeights() + "))");
        }
        return CodeBlock.of(new SubStep.ComputeLoss(), lines);
    }

    private CodeBlock backward(int l) {
        int k = l + 1;
        String delta = "delta" + k;
        Activation activation = layers.get(l).activation();
        List<String> lines = new ArrayList<>();
        if (l == layers.size() - 1) {
            lines.add("# output error: delta = dL/dz");
            String error = "(a" + k + " - y)";
            if (hyper.loss().requiredOutput().isPresent()) {
                lines.add(delta + " = a" + k + " - y  # f' cancels with cross-entropy");
            } else if (activation == Activation.SOFTMAX) {
                lines.add(delta + " = softmax_backward(a" + k + ", a" + k + " - y)");
            } else {
                lines.add(delta + " = " + times(error, slope(activation, "a" + k, "z" + k)));
            }
        } else {
            lines.add("# hidden error, sent back through W" + (k + 1));
            String back = "(W" + (k + 1) + ".T @ delta" + (k + 1) + ")";
            if (drops(l)) {
                lines.add("# dropout: the same mask and scale as forward");
                back = back + " * mask" + k + " / (1 - p" + k + ")";
            }
            // A normalised layer's activation read y: this is dy = m * dL/dy, which the next block turns into delta.
            boolean normalised = layers.get(l).batchNorm();
            lines.add((normalised ? "dy" + k : delta) + " = "
                    + times(back, slope(activation, activated(l), (normalised ? "y" : "z") + k)));
        }
        return CodeBlock.of(new SubStep.BackwardLayer(l), lines);
    }

    private CodeBlock gradients(int l) {
        int k = l + 1;
        List<String> lines = new ArrayList<>();
        lines.add("# gradients of layer " + k + ", mean over the batch");
        lines.add("dW" + k + " = delta" + k + " @ " + below(l) + ".T / m");
        if (layers.get(l).batchNorm()) {
            // As the app does: the mean of delta is 0 but for rounding noise, which Adam would blow up.
            lines.add("db" + k + " = np.zeros_like(b" + k + ")  # batch normalisation: shifting every z alike changes nothing");
        } else {
            lines.add("db" + k + " = np.mean(delta" + k + ", axis=1, keepdims=True)");
        }
        Regularization regularization = hyper.regularization();
        if (regularization.isActive()) {
            lines.add("dW" + k + "_penalty = " + penaltyRate() + " * " + switch (regularization.kind()) {
                case NONE -> throw new IllegalStateException("an active penalty has a kind");
                case L1 -> "np.sign(W" + k + ")";
                case L2 -> "W" + k;
            });
        }
        return CodeBlock.of(new SubStep.Gradients(l), lines);
    }

    private CodeBlock update(int l) {
        int k = l + 1;
        List<String> lines = new ArrayList<>();
        if (l == 0) {
            lines.addAll(beforeUpdates());
        }
        lines.add("# update layer " + k);
        String weightGradient = gradient("dW" + k + (hyper.regularization().isActive() ? " + dW" + k + "_penalty" : ""));
        String biasGradient = gradient("db" + k);
        updateOne(lines, "W" + k, weightGradient);
        if (hyper.trainBiases()) {
            updateOne(lines, "b" + k, biasGradient);
        }
        if (layers.get(l).batchNorm()) {
            updateOne(lines, "bn_gamma" + k, gradient("dbn_gamma" + k));
            updateOne(lines, "bn_beta" + k, gradient("dbn_beta" + k));
            lines.add("running_mean" + k + " = (1 - bn_momentum) * running_mean" + k + " + bn_momentum * mu" + k);
            lines.add("running_var" + k + " = (1 - bn_momentum) * running_var" + k + " + bn_momentum * var" + k);
        }
        return CodeBlock.of(new SubStep.Update(l), lines);
    }

    /** What every layer's update needs first: the clipping scale, Adam's step count. */
    private List<String> beforeUpdates() {
        List<String> lines = new ArrayList<>();
        if (clipped()) {
            List<String> all = new ArrayList<>();
            for (int k = 1; k <= layers.size(); k++) {
                all.add("dW" + k + (hyper.regularization().isActive() ? " + dW" + k + "_penalty" : ""));
                if (hyper.trainBiases()) {
                    all.add("db" + k);
                }
            }
            for (int k = 1; k <= layers.size(); k++) {
                if (layers.get(k - 1).batchNorm()) {
                    all.add("dbn_gamma" + k);
                    all.add("dbn_beta" + k);
                }
            }
            lines.add("# clipping: all gradients scaled together");
            lines.add("norm = np.sqrt(sum(np.sum(g * g) for g in [" + String.join(", ", all) + "]))");
            lines.add("scale = max_norm / norm if norm > max_norm else 1.0");
        }
        if (hyper.optimizer() instanceof OptimizerSettings.Adam) {
            lines.add("t += 1  # Adam's step count");
        }
        return lines;
    }

    /** The gradient the optimizer sees: the data term (plus the penalty's), scaled when clipped. */
    private String gradient(String sum) {
        String g = sum.contains(" ") ? "(" + sum + ")" : sum;
        return clipped() ? "scale * " + g : sum;
    }

    private void updateOne(List<String> lines, String p, String gradient) {
        switch (hyper.optimizer()) {
            case OptimizerSettings.Sgd _ -> lines.add(p + " -= learning_rate * " + parenthesised(gradient));
            case OptimizerSettings.Momentum _ -> {
                lines.add("v" + p + " = momentum * v" + p + " - learning_rate * " + parenthesised(gradient));
                lines.add(p + " += v" + p);
            }
            case OptimizerSettings.Adam _ -> {
                String g = named(lines, p, gradient);
                lines.add("m" + p + " = beta1 * m" + p + " + (1 - beta1) * " + g);
                lines.add("v" + p + " = beta2 * v" + p + " + (1 - beta2) * " + g + " * " + g);
                lines.add(p + " -= learning_rate * (m" + p + " / (1 - beta1 ** t)) / (np.sqrt(v" + p
                        + " / (1 - beta2 ** t)) + epsilon)");
            }
            case OptimizerSettings.RmsProp _ -> {
                String g = named(lines, p, gradient);
                lines.add("s" + p + " = rho * s" + p + " + (1 - rho) * " + g + " * " + g);
                lines.add(p + " -= learning_rate * " + g + " / (np.sqrt(s" + p + ") + epsilon)");
            }
        }
    }

    // ---------------------------------------------------------------- pieces

    /** A gradient that is a sum or a product gets a name (gW1) first: the update reads it more than once. */
    private static String named(List<String> lines, String p, String gradient) {
        if (!gradient.contains(" ")) {
            return gradient;
        }
        String g = "g" + p;
        lines.add(g + " = " + gradient);
        return g;
    }

    private static String parenthesised(String expression) {
        return expression.contains(" ") ? "(" + expression + ")" : expression;
    }

    /** What layer {@code l} reads: the inputs X, or the activations of the layer below. */
    private static String below(int l) {
        return l == 0 ? "X" : "a" + l;
    }

    private static String activate(Activation activation, String z) {
        return switch (activation) {
            case SIGMOID -> "sigmoid(" + z + ")";
            case TANH -> "np.tanh(" + z + ")";
            case RELU -> "relu(" + z + ")";
            case LEAKY_RELU -> "leaky_relu(" + z + ")";
            case LINEAR -> z + "  # linear: a = z";
            case SOFTMAX -> "softmax(" + z + ")";
        };
    }

    /** f′ as an expression of f's value {@code a} and its input {@code z} (y for a normalised layer), or empty when it is 1 (linear). */
    private static String slope(Activation activation, String a, String z) {
        return switch (activation) {
            case SIGMOID -> a + " * (1 - " + a + ")";
            case TANH -> "(1 - " + a + " * " + a + ")";
            case RELU -> "(" + z + " > 0)";
            case LEAKY_RELU -> "np.where(" + z + " > 0, 1.0, " + Activation.LEAK + ")";
            case LINEAR -> "";
            case SOFTMAX -> throw new IllegalArgumentException("softmax is only allowed on the output layer");
        };
    }

    private static String times(String value, String slope) {
        return slope.isEmpty() ? value + "  # linear: f'(z) = 1" : value + " * " + slope;
    }

    private Activation output() {
        return layers.getLast().activation();
    }

    private boolean clipped() {
        return hyper.gradientClipNorm() > 0;
    }

    private String penaltyRate() {
        return hyper.regularization().kind().id();
    }

    private String allWeights() {
        List<String> all = new ArrayList<>();
        for (int k = 1; k <= layers.size(); k++) {
            all.add("W" + k);
        }
        return String.join(", ", all) + (layers.size() == 1 ? "," : "");
    }

    private void forEachParameter(Consumer<String> each) {
        for (int k = 1; k <= layers.size(); k++) {
            each.accept("W" + k);
            if (hyper.trainBiases()) {
                each.accept("b" + k);
            }
            if (layers.get(k - 1).batchNorm()) {
                each.accept("bn_gamma" + k);
                each.accept("bn_beta" + k);
            }
        }
    }

    /** A double as a Python literal that reads back to exactly the same value. */
    static String number(double value) {
        return Double.toString(value);
    }
}
