package org.backproplab.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.backproplab.trace.MathToken.Fraction;
import org.backproplab.trace.MathToken.FunctionName;
import org.backproplab.trace.MathToken.MatrixValue;
import org.backproplab.trace.MathToken.Operator;
import org.backproplab.trace.MathToken.Power;
import org.backproplab.trace.MathToken.Root;
import org.backproplab.trace.MathToken.Symbol;
import org.backproplab.trace.MathToken.Value;
import org.junit.jupiter.api.Test;

class FormulaRendererTest {

    private static final Symbol A = new Symbol("a", "1", "(1)");

    @Test
    void negativeNumberAfterAnOperatorIsParenthesisedButNotAtTheStart() {
        List<MathToken> tokens = List.of(new Value(-0.5), Operator.TIMES, new Value(-0.0381), Operator.PLUS, new Value(-2));
        assertEquals("−0.5·(−0.0381) + (−2)", FormulaRenderer.toPlainText(tokens, 4));
        assertEquals("-0.5 \\cdot (-0.0381) + (-2)", FormulaRenderer.toLatex(tokens, 4));
    }

    @Test
    void symbolsUseUnicodeScriptsOrFallBackWhereNoneExists() {
        assertEquals("w₁₂⁽¹⁾", FormulaRenderer.toPlainText(List.of(new Symbol("w", "12", "(1)")), 4));
        assertEquals("W⁽²⁾ᵀ", FormulaRenderer.toPlainText(List.of(new Symbol("W", "", "(2)T")), 4));
        assertEquals("x_b", FormulaRenderer.toPlainText(List.of(new Symbol("x", "b", "")), 4));
        assertEquals("y^(ab)", FormulaRenderer.toPlainText(List.of(new Symbol("y", "", "ab")), 4));
    }

    @Test
    void latexTranslatesGreekLettersPartialsAndHats() {
        assertEquals("\\frac{\\partial E}{\\partial w_{11}^{(2)}}", FormulaRenderer.toLatex(List.of(
                new Fraction(List.of(new Symbol("∂E")), List.of(new Symbol("∂w", "11", "(2)")))), 4));
        assertEquals("\\hat{m}_{11}^{(2)} \\cdot \\eta", FormulaRenderer.toLatex(
                List.of(new Symbol("m̂", "11", "(2)"), Operator.TIMES, new Symbol("η")), 4));
        assertEquals("\\sigma'(z) \\odot \\operatorname{ReLU}(z)", FormulaRenderer.toLatex(List.of(
                new FunctionName("σ′"), Operator.OPEN, new Symbol("z"), Operator.CLOSE, Operator.HADAMARD,
                new FunctionName("ReLU"), Operator.OPEN, new Symbol("z"), Operator.CLOSE), 4));
    }

    @Test
    void powersGroupTheirBaseSoSuperscriptsNeverCollide() {
        List<MathToken> squared = List.of(new Power(List.of(A), List.of(new Value(2))));
        assertEquals("(a₁⁽¹⁾)²", FormulaRenderer.toPlainText(squared, 4));
        assertEquals("{a_{1}^{(1)}}^{2}", FormulaRenderer.toLatex(squared, 4));
        List<MathToken> difference = List.of(Operator.HALF,
                new Power(List.of(new Value(0.01), Operator.MINUS, new Value(0.7514)), List.of(new Value(2))));
        assertEquals("½(0.01 − 0.7514)²", FormulaRenderer.toPlainText(difference, 4));
        assertEquals("\\tfrac{1}{2}(0.01 - 0.7514)^{2}", FormulaRenderer.toLatex(difference, 4));
        List<MathToken> exponential = List.of(new Power(List.of(new Symbol("e")), List.of(new Value(-0.3775))));
        assertEquals("e^(−0.3775)", FormulaRenderer.toPlainText(exponential, 4));
        assertEquals("e^{-0.3775}", FormulaRenderer.toLatex(exponential, 4));
    }

    @Test
    void fractionsParenthesiseCompoundPartsInTextOnly() {
        List<MathToken> sigmoid = List.of(new Fraction(List.of(new Value(1)),
                List.of(new Value(1), Operator.PLUS, new Power(List.of(new Symbol("e")), List.of(Operator.NEGATE, new Symbol("z"))))));
        assertEquals("1/(1 + e^(−z))", FormulaRenderer.toPlainText(sigmoid, 4));
        assertEquals("\\frac{1}{1 + e^{-z}}", FormulaRenderer.toLatex(sigmoid, 4));
        List<MathToken> root = List.of(new Root(List.of(new Value(0.0000123))));
        assertEquals("√(1.23×10⁻⁵)", FormulaRenderer.toPlainText(root, 4));
    }

    @Test
    void matricesPrintRowByRow() {
        List<MathToken> tokens = List.of(new MatrixValue(Matrix.of(new double[][] {{0.15, 0.2}, {0.25, -0.3}})));
        assertEquals("[0.15, 0.2; 0.25, −0.3]", FormulaRenderer.toPlainText(tokens, 4));
        assertEquals("\\begin{bmatrix} 0.15 & 0.2 \\\\ 0.25 & -0.3 \\end{bmatrix}", FormulaRenderer.toLatex(tokens, 4));
    }

    @Test
    void assignmentsJoinTheirFirstSidesWithAnArrowAndConditionsFollowInParentheses() {
        Symbol w = new Symbol("w");
        Formula update = Formula.assignment(Caption.WEIGHT_UPDATE, List.of(
                List.of(w), List.of(w, Operator.MINUS, new Symbol("η"), Operator.TIMES, new Symbol("g")),
                List.of(new Value(0.4), Operator.MINUS, new Value(0.5), Operator.TIMES, new Value(0.08)), List.of(new Value(0.36))));
        assertEquals("w ← w − η·g = 0.4 − 0.5·0.08 = 0.36", FormulaRenderer.toPlainText(update, 4));
        assertEquals("w \\leftarrow w - \\eta \\cdot g = 0.4 - 0.5 \\cdot 0.08 = 0.36", FormulaRenderer.toLatex(update, 4));
        Formula slope = Formula.equation(Caption.HIDDEN_DELTA, List.of(List.of(new Symbol("f′")), List.of(new Value(1))))
                .when(List.of(new Symbol("z"), Operator.GREATER, new Value(0)));
        assertEquals("f′ = 1   (z > 0)", FormulaRenderer.toPlainText(slope, 4));
        assertEquals("f' = 1 \\quad (z > 0)", FormulaRenderer.toLatex(slope, 4));
    }

    @Test
    void aFormulaNeedsTwoSidesAndAValidDigitCount() {
        assertThrows(IllegalArgumentException.class, () -> Formula.equation(Caption.LOSS, List.of(List.of(new Value(1)))));
        Formula one = Formula.equation(Caption.LOSS, List.of(List.of(new Symbol("E")), List.of(new Value(1))));
        assertThrows(IllegalArgumentException.class, () -> FormulaRenderer.toPlainText(one, 11));
    }
}
