package org.backproplab.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.backproplab.engine.Activation;
import org.backproplab.engine.Regularization;
import org.backproplab.trace.MathToken.Value;
import org.junit.jupiter.api.Test;

/** The questions of a pass: which a sub-step asks, their answers, and the working with the answer left blank. */
class PassQuestionsTest {

    private final StepTrace trace = MazurExample.trace();
    private final PassQuestions questions = new PassQuestions(trace, 0);

    @Test
    void eachSubStepAsksWhatItComputesInTheOrderItShowsThem() {
        assertEquals(List.of(Question.z(0, 1), Question.a(0, 1)), questions.of(new SubStep.ForwardNeuron(0, 1)));
        assertEquals(List.of(Question.loss()), questions.of(new SubStep.ComputeLoss()));
        assertEquals(List.of(Question.delta(1, 0), Question.delta(1, 1)), questions.of(new SubStep.BackwardLayer(1)));
        assertEquals(List.of(Question.weightGradient(1, 0, 0), Question.weightGradient(1, 0, 1), Question.biasGradient(1, 0)),
                questions.of(new SubStep.GradientsNeuron(1, 0)));
        // Mazur keeps his biases fixed: only the weights' new values are asked.
        assertEquals(List.of(Question.weight(0, 1, 0), Question.weight(0, 1, 1)), questions.of(new SubStep.UpdateNeuron(0, 1)));
    }

    @Test
    void neuronByNeuronAndLayerByLayerAskTheSameNumbers() {
        List<Question> byNeuron = new ArrayList<>();
        trace.subSteps(Granularity.NEURON).forEach(step -> byNeuron.addAll(questions.of(step)));
        List<Question> byLayer = new ArrayList<>();
        trace.subSteps(Granularity.LAYER).forEach(step -> byLayer.addAll(questions.of(step)));
        assertEquals(byNeuron, byLayer);
        assertEquals(byNeuron, questions.all(), "all() is the pass's questions in the pass's order");
        // z, a of four neurons, the loss, four δ, eight ∂E/∂w, four ∂E/∂b, eight new weights.
        assertEquals(8 + 1 + 4 + 8 + 4 + 8, byNeuron.size());
    }

    @Test
    void aBiasGradientIsItsNeuronsDeltaAndIsWorkedAsTheStepThroughShowsIt() {
        Question asked = Question.biasGradient(0, 1);
        assertEquals(trace.layers().get(0).delta().get(1, 0), questions.answer(asked), 0.0, "one sample: ∂E/∂b = δ");
        assertEquals(List.of(new FormulaBuilder(trace, 0).biasGradient(0, 1)), questions.working(asked));
    }

    @Test
    void trainedBiasesAreAskedTheirNewValueRightAfterTheNeuronsNewWeights() {
        StepTrace trained = MazurExample.trace(MazurExample.network(Activation.SIGMOID, Activation.SIGMOID),
                MazurExample.hyperparameters().withTrainBiases(true));
        PassQuestions asked = new PassQuestions(trained, 0);
        assertEquals(List.of(Question.weight(1, 0, 0), Question.weight(1, 0, 1), Question.bias(1, 0)),
                asked.of(new SubStep.UpdateNeuron(1, 0)));
        // b ← b − η·∂E/∂b, with ∂E/∂b = δ for one sample.
        assertEquals(0.60 - 0.5 * trained.layers().get(1).delta().get(0, 0), asked.answer(Question.bias(1, 0)), 1e-15);
        assertEquals(8 + 1 + 4 + 8 + 4 + 8 + 4, asked.all().size());
    }

    @Test
    void aPenalisedWeightsWorkingShowsThePenaltysShareOfTheGradientBeforeTheUpdate() {
        StepTrace penalised = MazurExample.trace(MazurExample.network(Activation.SIGMOID, Activation.SIGMOID),
                MazurExample.hyperparameters().withRegularization(new Regularization(Regularization.Kind.L2, 0.01)));
        PassQuestions asked = new PassQuestions(penalised, 0);
        FormulaBuilder formulas = new FormulaBuilder(penalised, 0);
        List<Formula> gradient = formulas.weightGradient(1, 0, 0);
        assertEquals(2, gradient.size(), "∂E/∂w, then ∂J/∂w = ∂E/∂w + the penalty's share");
        List<Formula> expected = new ArrayList<>(List.of(gradient.get(1)));
        expected.addAll(formulas.weightUpdate(1, 0, 0));
        assertEquals(expected, asked.working(Question.weight(1, 0, 0)));
        assertEquals(List.of(gradient.getFirst()), asked.working(Question.weightGradient(1, 0, 0)), "∂E/∂w is its own question");
    }

    @Test
    void aQuestionNamesExactlyThePlaceItsQuantityNeeds() {
        assertEquals("biasGradient", Question.biasGradient(0, 0).quantity().jsonName());
        assertThrows(IllegalArgumentException.class,
                () -> new Question(Question.Quantity.BIAS_GRADIENT, 0, 0, 1));
        assertThrows(IllegalArgumentException.class,
                () -> new Question(Question.Quantity.WEIGHT, 0, 0, -1));
        assertThrows(IllegalArgumentException.class,
                () -> new Question(Question.Quantity.LOSS, 0, 0, -1));
    }

    @Test
    void theWorkingEndsInTheAnswerAndBlanksItForTheStudent() {
        for (SubStep step : trace.subSteps(Granularity.NEURON)) {
            for (Question question : questions.of(step)) {
                Formula last = questions.working(question).getLast();
                assertEquals(List.of(new Value(questions.answer(question))), last.result(), question.toString());
                String blanked = FormulaRenderer.toPlainText(last.withBlankResult(), 4);
                assertTrue(blanked.endsWith(" = ☐"), blanked);
            }
        }
        assertEquals("z₁⁽¹⁾ = w₁₁⁽¹⁾·x₁ + w₁₂⁽¹⁾·x₂ + b₁⁽¹⁾ = 0.15·0.05 + 0.2·0.1 + 0.35 = ☐",
                FormulaRenderer.toPlainText(questions.working(Question.z(0, 0)).getLast().withBlankResult(), 4));
    }

    @Test
    void oneQuestionPerLayerIsTheFirstOfEachPartOfThePass() {
        List<Question> first = new ArrayList<>();
        for (SubStep step : trace.subSteps(Granularity.NEURON)) {
            questions.of(step).stream().filter(Question::firstOfItsLayer).forEach(first::add);
        }
        assertEquals(List.of(Question.z(0, 0), Question.z(1, 0), Question.loss(), Question.delta(1, 0), Question.delta(0, 0),
                Question.weightGradient(0, 0, 0), Question.weightGradient(1, 0, 0), Question.weight(0, 0, 0),
                Question.weight(1, 0, 0)), first);
    }
}
