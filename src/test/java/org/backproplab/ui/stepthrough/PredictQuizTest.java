package org.backproplab.ui.stepthrough;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.backproplab.engine.Mistake;
import org.backproplab.lesson.Experiment;
import org.backproplab.lesson.LessonFile;
import org.backproplab.trace.Granularity;
import org.backproplab.trace.Question;
import org.backproplab.trace.StepTrace;
import org.backproplab.trace.SubStep;
import org.backproplab.training.LabSnapshot;
import org.backproplab.training.Trainer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Predict mode's state on Mazur's pass: what is asked, held, scored and forgotten. */
class PredictQuizTest {

    private static StepPass pass;

    @BeforeAll
    static void mazur() throws Exception {
        var lesson = LessonFile.readResource("/assets/lessons/mazur-2-2-2.json");
        StepTrace trace = Experiment.of(lesson).learner().tracedSample(0);
        LabSnapshot lab;
        try (Trainer trainer = new Trainer(lesson, 4)) {
            lab = trainer.take().orElseThrow().lab();
        }
        pass = new StepPass(1, StepPass.Size.SAMPLE, 0, Optional.of(trace), lesson, lab, lab);
    }

    private static StepThrough.Frame frame(int index) {
        return new StepThrough.Frame(pass, 0, Granularity.NEURON, index, pass.stepCount(Granularity.NEURON),
                pass.subStep(Granularity.NEURON, index), pass.labAt(Granularity.NEURON, index), 0);
    }

    private static StepThrough.Frame frameOf(SubStep step) {
        return frame(pass.subSteps(Granularity.NEURON).indexOf(step));
    }

    @Test
    void offAsksNothingAndWithholdsNothing() {
        PredictQuiz quiz = new PredictQuiz();
        assertEquals(List.of(), quiz.unsettled(frame(0)));
        assertFalse(quiz.withholds(frame(0)));
    }

    @Test
    void aRightAnswerMovesToTheNextQuestionAWrongOneIsHeldUntilTheStudentGoesOn() {
        PredictQuiz quiz = new PredictQuiz();
        quiz.setOn(true);
        StepThrough.Frame first = frame(0);
        assertEquals(Optional.of(Question.z(0, 0)), quiz.asking(first));
        assertEquals(PredictQuiz.Verdict.RIGHT, quiz.answer(first, 0.3775, 4).verdict());
        assertEquals(Optional.of(Question.a(0, 0)), quiz.asking(first));
        PredictQuiz.Outcome wrong = quiz.answer(first, 0.3775, 4);
        assertEquals(new PredictQuiz.Outcome(1, Question.a(0, 0), PredictQuiz.Verdict.WRONG,
                pass.questions(0).answer(Question.a(0, 0)),
                Optional.of(Mistake.Z_FOR_A)), wrong);
        assertEquals(Optional.of(wrong), quiz.held());
        assertFalse(quiz.withholds(first), "every number of the sub-step is settled, so it may be shown");
        quiz.goOn();
        assertEquals(new PredictQuiz.Score(1, 2), quiz.passScore(1));
        assertEquals(Map.of(Mistake.Z_FOR_A, 1), quiz.mistakesNamed());
    }

    @Test
    void aSkippedQuestionIsRevealedAndNotScored() {
        PredictQuiz quiz = new PredictQuiz();
        quiz.setOn(true);
        StepThrough.Frame loss = frameOf(new SubStep.ComputeLoss());
        assertEquals(PredictQuiz.Verdict.SKIPPED, quiz.skip(loss).verdict());
        assertTrue(quiz.held().isPresent());
        assertEquals(new PredictQuiz.Score(0, 0), quiz.sessionScore());
        // Showing another sub-step lets the held answer go.
        quiz.follow(frame(0));
        assertTrue(quiz.held().isEmpty());
    }

    @Test
    void theChoiceOfWhatIsAskedFiltersTheQuestions() {
        PredictQuiz quiz = new PredictQuiz();
        quiz.setOn(true);
        StepThrough.Frame forward = frame(0);
        StepThrough.Frame update = frameOf(new SubStep.UpdateNeuron(1, 1));
        quiz.setAsked(PredictQuiz.Asked.BACKWARD);
        assertEquals(List.of(), quiz.unsettled(forward));
        // A neuron's gradients: each ∂E/∂w into it, then its ∂E/∂b, which a student works out too.
        assertEquals(List.of(Question.weightGradient(0, 1, 0), Question.weightGradient(0, 1, 1), Question.biasGradient(0, 1)),
                quiz.unsettled(frameOf(new SubStep.GradientsNeuron(0, 1))));
        quiz.setAsked(PredictQuiz.Asked.UPDATE);
        assertEquals(List.of(Question.weight(1, 1, 0), Question.weight(1, 1, 1)), quiz.unsettled(update));
        quiz.setAsked(PredictQuiz.Asked.ONE_PER_LAYER);
        assertEquals(List.of(Question.z(0, 0)), quiz.unsettled(forward));
        assertEquals(List.of(), quiz.unsettled(update));
    }

    @Test
    void theScoreStartsAfreshWhenTheTrainersStepCountStartsAgain() {
        PredictQuiz quiz = new PredictQuiz();
        quiz.setOn(true);
        quiz.sawSteps(3);
        quiz.answer(frame(0), 0.3775, 4);
        quiz.sawSteps(4);
        assertEquals(new PredictQuiz.Score(1, 1), quiz.sessionScore());
        quiz.sawSteps(0);
        assertEquals(new PredictQuiz.Score(0, 0), quiz.sessionScore());
        assertEquals(Optional.of(Question.z(0, 0)), quiz.asking(frame(0)));
    }
}
