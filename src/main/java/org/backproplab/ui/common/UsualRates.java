package org.backproplab.ui.common;

import java.util.List;

/**
 * The rates offered in the settings' drop-downs, TensorFlow Playground's choices, which a class
 * may know already. Kept apart from the controls, so that advice (a smaller learning rate after a
 * divergence) can pick from the same list.
 */
public final class UsualRates {

    public static final List<Double> LEARNING = List.of(0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0);
    /** σ of augmentation's shift, for data sets spanning about −6…6 (TensorFlow Playground's). */
    public static final List<Double> AUGMENTATION_NOISE = List.of(0.0, 0.1, 0.2, 0.3, 0.5, 1.0);
    public static final List<Double> REGULARIZATION = List.of(0.0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0);
    /** λ a penalty starts at when it is switched on at rate 0, which would do nothing. */
    public static final double REGULARIZATION_START = 0.001;

    private UsualRates() {
    }
}
