package org.backproplab.engine;

/**
 * Why {@link NetworkRules} will not have something. Each caller words it its own way: the lab's
 * controls look up {@link #messageKey()} in the user's language and fill in {@link #arguments()};
 * the engine, the trainer and lesson files, which already report in English, use {@link #english()}
 * (a lesson error adds the field to change).
 */
public sealed interface Refusal {

    /** The key of this reason in the lab's message bundles. */
    String messageKey();

    /** What fills the message's {0}, {1}, …: numbers only, so that no language's words leak into another. */
    default Object[] arguments() {
        return new Object[0];
    }

    /** A short English explanation, for callers that report in English. */
    String english();

    /** Softmax turns a whole layer into shares of one: only the output layer's shares mean anything. */
    record SoftmaxBeforeOutput(int layer) implements Refusal {
        @Override
        public String messageKey() {
            return "rule.softmaxBeforeOutput";
        }

        @Override
        public String english() {
            return "softmax is only allowed on the output layer";
        }
    }

    /** Dropping an output neuron would drop the network's answer itself. */
    record DropoutOnOutput() implements Refusal {
        @Override
        public String messageKey() {
            return "rule.dropoutOnOutput";
        }

        @Override
        public String english() {
            return "dropout is only allowed on hidden layers";
        }
    }

    /** A normalised output could no longer reach the targets' scale. */
    record BatchNormOnOutput() implements Refusal {
        @Override
        public String messageKey() {
            return "rule.batchNormOnOutput";
        }

        @Override
        public String english() {
            return "batch normalisation is only allowed on hidden layers";
        }
    }

    /** One sample has no spread: batch normalisation would turn its z into 0 whatever it was. */
    record BatchNormNeedsBatches(int batchSize) implements Refusal {
        @Override
        public String messageKey() {
            return "rule.batchNormNeedsBatches";
        }

        @Override
        public Object[] arguments() {
            return new Object[] {NetworkRules.MIN_NORMALISED_BATCH};
        }

        @Override
        public String english() {
            return "batch normalisation needs mini-batches of at least " + NetworkRules.MIN_NORMALISED_BATCH
                    + " samples, got " + batchSize;
        }
    }

    /**
     * One point to train on has no spread either: every mini-batch is that point, so x̂ ≡ 0, every δ
     * through the layer is 0 and the running variance heads for 0.
     */
    record BatchNormNeedsPoints(int trainingPoints) implements Refusal {
        @Override
        public String messageKey() {
            return "rule.batchNormNeedsPoints";
        }

        @Override
        public Object[] arguments() {
            return new Object[] {NetworkRules.MIN_NORMALISED_BATCH};
        }

        @Override
        public String english() {
            return "batch normalisation needs at least " + NetworkRules.MIN_NORMALISED_BATCH
                    + " training points, got " + trainingPoints;
        }
    }

    /** One share of one is always 1: softmax needs at least two outputs to say anything. */
    record SoftmaxTooFewOutputs(int outputs) implements Refusal {
        @Override
        public String messageKey() {
            return "rule.softmaxTooFewOutputs";
        }

        @Override
        public Object[] arguments() {
            return new Object[] {NetworkRules.MIN_SOFTMAX_OUTPUTS, outputs};
        }

        @Override
        public String english() {
            return "a softmax output needs at least " + NetworkRules.MIN_SOFTMAX_OUTPUTS + " neurons, got " + outputs;
        }
    }

    /** A cross-entropy loss is defined for one output activation only. */
    record LossNeedsOutput(Loss loss, Activation output) implements Refusal {

        public Activation required() {
            return loss.requiredOutput().orElseThrow();
        }

        @Override
        public String messageKey() {
            return "rule.lossNeedsOutput." + loss.id();
        }

        @Override
        public String english() {
            return loss.id() + " cannot follow a " + output.id() + " output layer";
        }
    }

    /** Data with {@code classes} classes (2 or more) cannot be learnt by {@code outputs} output neurons. */
    record ClassesNeedOutputs(int classes, int outputs) implements Refusal {
        @Override
        public String messageKey() {
            return classes == 2 ? "rule.twoClassesNeedOutputs" : "rule.classesNeedOutputs";
        }

        @Override
        public Object[] arguments() {
            return new Object[] {classes, outputs};
        }

        @Override
        public String english() {
            return classes == 2 ? "2 classes, so the output layer needs 1 neuron (above or below the middle) or 2 (one per class)"
                    : classes + " classes, so the output layer needs " + classes + " neurons (one per class)";
        }
    }

    /** Points with {@code targets} numbers each need one output neuron per number (a regression label is one). */
    record TargetsNeedOutputs(int targets, int outputs) implements Refusal {
        @Override
        public String messageKey() {
            return "rule.targetsNeedOutputs";
        }

        @Override
        public Object[] arguments() {
            return new Object[] {targets, outputs};
        }

        @Override
        public String english() {
            return "each point gives " + targets + (targets == 1 ? " number" : " numbers") + ", so the output layer needs "
                    + targets + (targets == 1 ? " neuron" : " neurons");
        }
    }

    record TooManyLayers(int layers) implements Refusal {
        @Override
        public String messageKey() {
            return "rule.tooManyLayers";
        }

        @Override
        public Object[] arguments() {
            return new Object[] {NetworkRules.MAX_LAYERS};
        }

        @Override
        public String english() {
            return "at most " + NetworkRules.MAX_LAYERS + " layers";
        }
    }

    record LayerSizeOutOfRange(int size) implements Refusal {
        @Override
        public String messageKey() {
            return "rule.layerSize";
        }

        @Override
        public Object[] arguments() {
            return new Object[] {NetworkRules.MAX_LAYER_SIZE};
        }

        @Override
        public String english() {
            return "a layer has 1 to " + NetworkRules.MAX_LAYER_SIZE + " neurons";
        }
    }

    record NoInputs() implements Refusal {
        @Override
        public String messageKey() {
            return "rule.noInputs";
        }

        @Override
        public String english() {
            return "the network needs at least one input";
        }
    }

    record RepeatedFeature(InputFeature feature) implements Refusal {
        @Override
        public String messageKey() {
            return "rule.repeatedFeature";
        }

        @Override
        public String english() {
            return "each input feature can be used once";
        }
    }
}
