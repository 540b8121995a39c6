package org.backproplab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.backproplab.engine.Activation;
import org.backproplab.engine.BackpropFault;
import org.backproplab.engine.GradientCheck;
import org.backproplab.fixtures.TestLessons;
import org.backproplab.lesson.LessonCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The gradient check as the window asks for it: on the trainer's own network, for one training sample. */
class GradientCheckSessionTest {

    private static LabSession session(String lesson) throws Exception {
        return new LabSession(LessonCatalog.load(lesson), 4);
    }

    private static GradientReport check(LabSession session, int sample, BackpropFault fault) {
        session.apply(new TrainerCommand.CheckGradients(sample, fault));
        TrainerSnapshot snapshot = session.snapshot(1);
        assertTrue(snapshot.notice().isEmpty(), () -> "the check was refused: " + snapshot.notice());
        return snapshot.gradientCheck().orElseThrow();
    }

    @ParameterizedTest
    @ValueSource(strings = {"xor", "mazur-2-2-2"})
    void backpropagationOnAShippedLessonPassesForEveryParameter(String lesson) throws Exception {
        LabSession session = session(lesson);
        session.apply(new TrainerCommand.StepEpoch());

        GradientReport report = check(session, 0, BackpropFault.NONE);

        assertTrue(report.result().passed(), "worst relative error " + report.result().worstRelativeError());
        assertEquals(session.snapshot(2).lab().network().parameterCount(), report.result().comparisons().size());
        assertEquals(0, report.sample());
        assertEquals(1, report.epoch());
        assertEquals(session.snapshot(3).steps(), report.steps());
        assertEquals(BackpropFault.NONE, report.fault());
    }

    @Test
    void backpropagationPassesOnEverySampleOfASaturatedNet() {
        // The fixture's large weights saturate the sigmoids: derivatives of 10⁻⁷ to 10⁻⁹, where the
        // central difference's own error is about 10⁻¹⁰. A correct backprop must still pass.
        LabSession session = new LabSession(TestLessons.xor(), 4);
        int count = session.snapshot(1).lab().trainPoints().size();

        for (int sample = 0; sample < count; sample++) {
            GradientReport report = check(session, sample, BackpropFault.NONE);
            assertTrue(report.result().passed(), "sample " + sample + ": worst relative error " + report.result().worstRelativeError());
        }
    }

    @ParameterizedTest
    @CsvSource({
        "xor, FORGOTTEN_DERIVATIVE", "xor, FLIPPED_ERROR_SIGN", "xor, MISSING_BIAS_GRADIENT",
        "mazur-2-2-2, FORGOTTEN_DERIVATIVE", "mazur-2-2-2, FLIPPED_ERROR_SIGN", "mazur-2-2-2, MISSING_BIAS_GRADIENT"})
    void eachFaultFailsTheCheckAndSaysWhichParametersDisagree(String lesson, BackpropFault fault) throws Exception {
        GradientReport report = check(session(lesson), 0, fault);

        assertFalse(report.result().passed());
        assertEquals(fault, report.fault());
        assertTrue(report.result().comparisons().stream().anyMatch(comparison -> !comparison.passes()));
        assertTrue(report.result().worstRelativeError() > GradientCheck.TOLERANCE);
    }

    @ParameterizedTest
    @EnumSource(BackpropFault.class)
    void aCheckChangesNoWeightAndTrainsNothing(BackpropFault fault) throws Exception {
        LabSession session = session("mazur-2-2-2");
        TrainerSnapshot before = session.snapshot(1);

        check(session, 0, fault);

        TrainerSnapshot after = session.snapshot(2);
        assertEquals(before.lab().network(), after.lab().network());
        assertEquals(before.steps(), after.steps());
        assertEquals(before.lab().trainMetrics(), after.lab().trainMetrics());
    }

    @Test
    void theReportStaysUntilTheShapeChangesAndANewCheckReplacesIt() throws Exception {
        LabSession session = session("xor");
        check(session, 0, BackpropFault.MISSING_BIAS_GRADIENT);
        session.apply(new TrainerCommand.StepEpoch());
        assertTrue(session.snapshot(1).gradientCheck().isPresent(), "training on keeps the last check on show");

        GradientReport again = check(session, 2, BackpropFault.NONE);
        assertEquals(2, again.sample());
        assertTrue(again.result().passed());

        session.apply(new TrainerCommand.AddNeuron(0));
        assertTrue(session.snapshot(3).gradientCheck().isEmpty(), "a check of another shape would name parameters that are gone");
    }

    @Test
    void aSampleThatDoesNotExistIsRefusedWithItsNumber() throws Exception {
        LabSession session = session("xor");
        int count = session.snapshot(1).lab().trainPoints().size();

        session.apply(new TrainerCommand.CheckGradients(count, BackpropFault.NONE));

        TrainerSnapshot snapshot = session.snapshot(2);
        Notice.Rejected rejected = assertInstanceOf(Notice.Rejected.class, snapshot.notice().orElseThrow());
        assertEquals("no training sample " + count, rejected.reason());
        assertTrue(snapshot.gradientCheck().isEmpty());
    }

    @Test
    void aNetWithAnotherHiddenActivationPassesToo() throws Exception {
        LabSession session = session("xor");
        session.apply(new TrainerCommand.SetActivation(0, Activation.TANH));

        assertTrue(check(session, 3, BackpropFault.NONE).result().passed());
    }
}
