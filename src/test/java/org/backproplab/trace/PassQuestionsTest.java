package org.backproplab.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
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
        assertEquals(List.of(Question.weightGradient(1, 0, 0), Question.weightGradient(1, 0, 1)),
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
        // z, a of four neurons, the loss, four δ, eight ∂E/∂w, eight new weights.
        assertEquals(8 + 1 + 4 + 8 + 8, byNeuron.size());
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
