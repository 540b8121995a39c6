package org.backproplab.engine;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A weight or bias named in plain text, as a command line takes it: {@code W2[3,1]} is w₃₁⁽²⁾, the
 * weight from input (or neuron) 1 of the layer below into neuron 3 of layer 2, and {@code b1[4]} is
 * b₄⁽¹⁾. Layers count from 1 = the first hidden layer and every index from 1, as the formulas write
 * them; {@link GradientCheck.Parameter} counts from 0. The one place that reads and writes this
 * notation (the formulas' own w₃₁⁽²⁾ is {@code trace.ParameterNames}').
 */
public final class ParameterText {

    private static final Pattern WEIGHT = Pattern.compile("[Ww]\\s*(\\d{1,4})\\s*\\[\\s*(\\d{1,4})\\s*,\\s*(\\d{1,4})\\s*]");
    private static final Pattern BIAS = Pattern.compile("[Bb]\\s*(\\d{1,4})\\s*\\[\\s*(\\d{1,4})\\s*]");

    private ParameterText() {
    }

    /**
     * The weight or bias {@code text} names; indices are not checked against any network here
     * (see {@link #check}).
     *
     * @throws IllegalArgumentException with a message for the user, if {@code text} names neither
     */
    public static GradientCheck.Parameter parse(String text) {
        String trimmed = text.strip();
        Matcher weight = WEIGHT.matcher(trimmed);
        if (weight.matches()) {
            return new GradientCheck.Parameter.Weight(index(weight, 1, text), index(weight, 2, text), index(weight, 3, text));
        }
        Matcher bias = BIAS.matcher(trimmed);
        if (bias.matches()) {
            return new GradientCheck.Parameter.Bias(index(bias, 1, text), index(bias, 2, text));
        }
        throw new IllegalArgumentException("'" + text + "' is not a parameter: write W{L}[{J},{I}] for the weight into neuron J"
                + " of layer L from its input I, or b{L}[{J}] for neuron J's bias, counting from 1, e.g. W1[2,1] or b2[1]");
    }

    /**
     * {@code W2[3,1]} or {@code b1[4]}, what {@link #parse} reads back; γ and β, which cannot be an
     * axis, are written {@code gamma1[2]} and {@code beta1[2]} only to name them in a refusal.
     */
    public static String write(GradientCheck.Parameter parameter) {
        return switch (parameter) {
            case GradientCheck.Parameter.Weight w ->
                String.format(Locale.ROOT, "W%d[%d,%d]", w.layer() + 1, w.neuron() + 1, w.input() + 1);
            case GradientCheck.Parameter.Bias b -> String.format(Locale.ROOT, "b%d[%d]", b.layer() + 1, b.neuron() + 1);
            case GradientCheck.Parameter.Gamma g -> String.format(Locale.ROOT, "gamma%d[%d]", g.layer() + 1, g.neuron() + 1);
            case GradientCheck.Parameter.Beta b -> String.format(Locale.ROOT, "beta%d[%d]", b.layer() + 1, b.neuron() + 1);
        };
    }

    /**
     * Whether {@code parameter} is a weight or bias {@code network} has.
     *
     * @throws IllegalArgumentException saying what the network has instead, if not
     */
    public static void check(GradientCheck.Parameter parameter, Network network) {
        String name = write(parameter);
        if (!(parameter instanceof GradientCheck.Parameter.Weight || parameter instanceof GradientCheck.Parameter.Bias)) {
            throw new IllegalArgumentException(name + ": only a weight or a bias can be an axis");
        }
        if (parameter.layer() >= network.layerCount()) {
            throw new IllegalArgumentException(name + ": the network has " + network.layerCount() + " layers"
                    + " (hidden layers, then the output layer)");
        }
        Layer layer = network.layer(parameter.layer());
        if (parameter.neuron() >= layer.size()) {
            throw new IllegalArgumentException(name + ": layer " + (parameter.layer() + 1) + " has " + layer.size() + " neurons");
        }
        if (parameter instanceof GradientCheck.Parameter.Weight w && w.input() >= layer.inputSize()) {
            throw new IllegalArgumentException(name + ": each neuron of layer " + (w.layer() + 1) + " has " + layer.inputSize()
                    + " inputs");
        }
    }

    private static int index(Matcher matcher, int group, String text) {
        int value = Integer.parseInt(matcher.group(group));
        if (value < 1) {
            throw new IllegalArgumentException("'" + text + "': layers, neurons and inputs count from 1");
        }
        return value - 1;
    }
}
