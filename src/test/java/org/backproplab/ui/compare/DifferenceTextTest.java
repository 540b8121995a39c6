package org.backproplab.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import org.backproplab.engine.Activation;
import org.backproplab.engine.Initializer;
import org.backproplab.engine.OptimizerSettings;
import org.backproplab.engine.Regularization;
import org.backproplab.lesson.Difference;
import org.backproplab.ui.common.Messages;
import org.junit.jupiter.api.Test;

/** B's header in words: each change once, neighbouring layers changed alike as one. */
class DifferenceTextTest {

    private final DifferenceText english = new DifferenceText(Messages.forLocale(Locale.ROOT));

    @Test
    void aDeepNetSwitchedToReluReadsAsOneChange() {
        List<Difference> changes = List.of(
                new Difference.LayerActivation(0, Activation.SIGMOID, Activation.RELU),
                new Difference.LayerActivation(1, Activation.SIGMOID, Activation.RELU),
                new Difference.LayerActivation(2, Activation.SIGMOID, Activation.RELU),
                new Difference.LayerActivation(4, Activation.SIGMOID, Activation.RELU),
                new Difference.LearningRate(0.1, 0.03));

        assertEquals("Changed: layers 1–3: sigmoid → ReLU · layer 5: sigmoid → ReLU · η 0.1 → 0.03", english.of(changes));
    }

    @Test
    void bAsAIsSaidSoAndAnOptimizerByItsName() {
        assertEquals("The same as A so far: change a setting of B above to see what it does.", english.of(List.of()));
        assertEquals("Changed: optimizer SGD → Adam", english.of(List.of(new Difference.Optimizer(
                new OptimizerSettings.Sgd(0.01), new OptimizerSettings.Adam(0.01)))));
        assertEquals("改动：第 1–2 层：sigmoid → ReLU", new DifferenceText(Messages.forLocale(Locale.SIMPLIFIED_CHINESE)).of(List.of(
                new Difference.LayerActivation(0, Activation.SIGMOID, Activation.RELU),
                new Difference.LayerActivation(1, Activation.SIGMOID, Activation.RELU))));
    }

    @Test
    void initializersAndPenaltiesAreNamedInTheWindowsLanguage() {
        DifferenceText chinese = new DifferenceText(Messages.forLocale(Locale.SIMPLIFIED_CHINESE));
        List<Difference> changes = List.of(new Difference.WeightInitializer(Initializer.XAVIER, Initializer.HE),
                new Difference.Penalty(new Regularization(Regularization.Kind.NONE, 0), new Regularization(Regularization.Kind.L2, 0.01)));

        assertEquals("Changed: initializer Xavier → He · regularization None → L2 λ 0.01", english.of(changes));
        assertEquals("改动：初始化 Xavier → He · 正则化 无 → L2 λ 0.01", chinese.of(changes));
    }
}
