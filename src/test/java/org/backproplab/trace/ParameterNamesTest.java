package org.backproplab.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Parameters listed one by one carry the names the formulas give them. */
class ParameterNamesTest {

    @Test
    void weightsAndBiasesAreNamedAsInMazursExample() {
        assertEquals("w₁₂⁽¹⁾", ParameterNames.weight(0, 0, 1));
        assertEquals("w₂₁⁽²⁾", ParameterNames.weight(1, 1, 0));
        assertEquals("b₂⁽²⁾", ParameterNames.bias(1, 1));
    }

    @Test
    void twoDigitIndicesAreSeparatedByAComma() {
        assertEquals("w₁₀,₃⁽¹⁾", ParameterNames.weight(0, 9, 2));
    }
}
