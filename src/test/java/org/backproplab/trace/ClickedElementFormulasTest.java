package org.backproplab.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What a student sees on clicking a neuron or an edge part-way through Mazur's step, and bad requests. */
class ClickedElementFormulasTest {

    private final StepTrace trace = MazurExample.trace();
    private final FormulaBuilder builder = new FormulaBuilder(trace, 0);

    private static List<Caption> captions(Explanation explanation) {
        return explanation.formulas().stream().map(Formula::caption).toList();
    }

    @Test
    void aNeuronShowsOnlyWhatThePassHasComputedSoFar() {
        assertEquals(List.of(), captions(builder.neuron(new SubStep.ForwardNeuron(0, 1), 1, 0)));
        assertEquals(List.of(Caption.WEIGHTED_SUM, Caption.ACTIVATION), captions(builder.neuron(new SubStep.ForwardNeuron(1, 0), 1, 0)));
        assertEquals(List.of(Caption.WEIGHTED_SUM, Caption.ACTIVATION), captions(builder.neuron(new SubStep.ComputeLoss(), 1, 0)));
        assertEquals(List.of(Caption.WEIGHTED_SUM, Caption.ACTIVATION, Caption.OUTPUT_DELTA),
                captions(builder.neuron(new SubStep.BackwardNeuron(1, 0), 1, 0)));
        // Layer 0's gradients come before layer 1's, so the output neuron's bias gradient is not there yet.
        assertEquals(List.of(Caption.WEIGHTED_SUM, Caption.ACTIVATION, Caption.OUTPUT_DELTA),
                captions(builder.neuron(new SubStep.Gradients(0), 1, 0)));
        assertEquals(List.of(Caption.WEIGHTED_SUM, Caption.ACTIVATION, Caption.OUTPUT_DELTA, Caption.BIAS_GRADIENT, Caption.BIAS_FIXED),
                captions(builder.neuron(new SubStep.Update(1), 1, 0)));
        assertEquals(List.of(Caption.WEIGHTED_SUM, Caption.ACTIVATION),
                captions(builder.neuron(new SubStep.BackwardLayer(1), 0, 1)));
        // Neuron by neuron, a neuron's bias gradient and update come at its own sub-step, not its layer's last.
        assertEquals(List.of(Caption.WEIGHTED_SUM, Caption.ACTIVATION, Caption.HIDDEN_DELTA, Caption.BIAS_GRADIENT),
                captions(builder.neuron(new SubStep.GradientsNeuron(0, 0), 0, 0)));
        assertEquals(List.of(Caption.WEIGHTED_SUM, Caption.ACTIVATION, Caption.HIDDEN_DELTA),
                captions(builder.neuron(new SubStep.GradientsNeuron(0, 0), 0, 1)));
    }

    @Test
    void anEdgeShowsItsSignalThenItsGradientThenItsOldAndNewValue() {
        assertEquals(List.of(), captions(builder.edge(new SubStep.ForwardLayer(0), 1, 0, 0)));
        Explanation forward = builder.edge(new SubStep.BackwardLayer(1), 1, 0, 0);
        assertEquals(List.of("w₁₁⁽²⁾·a₁⁽¹⁾ = 0.4·0.5933 = 0.2373"),
                forward.formulas().stream().map(f -> FormulaRenderer.toPlainText(f, 4)).toList());
        Explanation updated = builder.edge(new SubStep.Update(1), 1, 0, 0);
        assertEquals(List.of(Caption.EDGE_SIGNAL, Caption.WEIGHT_GRADIENT, Caption.WEIGHT_UPDATE), captions(updated));
        assertEquals("w₁₁⁽²⁾ ← w₁₁⁽²⁾ − η·∂E/∂w₁₁⁽²⁾ = 0.4 − 0.5·0.08217 = 0.3589",
                FormulaRenderer.toPlainText(updated.formulas().getLast(), 4));
        // Neuron by neuron, an edge's gradient and new value come with those of the neuron it leads into.
        assertEquals(List.of(Caption.EDGE_SIGNAL), captions(builder.edge(new SubStep.GradientsNeuron(1, 0), 1, 1, 0)));
        assertEquals(List.of(Caption.EDGE_SIGNAL, Caption.WEIGHT_GRADIENT), captions(builder.edge(new SubStep.GradientsNeuron(1, 1), 1, 1, 0)));
        assertEquals(List.of(Caption.EDGE_SIGNAL, Caption.WEIGHT_GRADIENT, Caption.WEIGHT_UPDATE),
                captions(builder.edge(new SubStep.UpdateNeuron(1, 0), 1, 0, 1)));
        assertEquals(List.of(Caption.EDGE_SIGNAL, Caption.WEIGHT_GRADIENT), captions(builder.edge(new SubStep.UpdateNeuron(1, 0), 1, 1, 1)));
        // At neuron granularity the edge's signal appears once its own neuron has been computed.
        assertEquals(List.of(), captions(builder.edge(new SubStep.ForwardNeuron(0, 1), 1, 0, 0)));
        assertEquals(List.of(Caption.EDGE_SIGNAL), captions(builder.edge(new SubStep.ForwardNeuron(1, 0), 1, 0, 0)));
    }

    @Test
    void requestsOutsideTheTraceSayWhatIsWrong() {
        assertEquals("sample 1 is not in the batch of 1 (counting from 0)",
                assertThrows(IllegalArgumentException.class, () -> new FormulaBuilder(trace, 1)).getMessage());
        assertEquals("layer 2 does not exist; the trace has layers 0 to 1",
                assertThrows(IllegalArgumentException.class, () -> builder.forwardNeuron(2, 0)).getMessage());
        assertEquals("layer 1 has inputs 0 to 1, not 5",
                assertThrows(IllegalArgumentException.class, () -> builder.weightGradient(1, 0, 5)).getMessage());
        assertEquals("layer 0 has neurons 0 to 1, not 2",
                assertThrows(IllegalArgumentException.class, () -> builder.neuron(new SubStep.ComputeLoss(), 0, 2)).getMessage());
        assertEquals("ForwardLayer[layer=5] is not a sub-step of this trace",
                assertThrows(IllegalArgumentException.class, () -> builder.neuron(new SubStep.ForwardLayer(5), 0, 0)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> builder.explain(new SubStep.Gradients(-1)));
    }

    @Test
    void aTraceWithAnUnknownLossIsRejectedByName() {
        StepTrace odd = new StepTrace(trace.inputs(), trace.targets(), trace.layers(), trace.loss(), 0, "hinge", "sgd", 0.5, new OptimizerConstants.Sgd(), 1, false,
                new ScheduledRate.Constant(0.5));
        assertEquals("the trace names an unknown loss function 'hinge'",
                assertThrows(IllegalArgumentException.class, () -> new FormulaBuilder(odd, 0)).getMessage());
    }

    @Test
    void indicesFromTenOnAreSeparatedByACommaSoW12_3IsNotW123() {
        assertEquals("12,3", Symbols.pair(11, 2));
        assertEquals("93", Symbols.pair(8, 2));
        assertEquals("w₁₂,₃⁽¹⁾", FormulaRenderer.toPlainText(List.of(new Symbols(2, "E").weight(0, 11, 2)), 4));
    }
}
