package org.backproplab.trace;

import java.util.List;
import org.backproplab.trace.MathToken.Blank;
import org.backproplab.trace.MathToken.Fraction;
import org.backproplab.trace.MathToken.FunctionName;
import org.backproplab.trace.MathToken.MatrixValue;
import org.backproplab.trace.MathToken.Operator;
import org.backproplab.trace.MathToken.Power;
import org.backproplab.trace.MathToken.Root;
import org.backproplab.trace.MathToken.Symbol;
import org.backproplab.trace.MathToken.Value;

/**
 * Writes formulas as Unicode text or LaTeX with a chosen number of significant digits (1–10).
 * Adds the parentheses a reader needs: around a negative number after an operator
 * (0.5·(−0.038)), around a compound fraction part or power base ((t − o)², 1/(1 + e^(−z))).
 */
public final class FormulaRenderer {

    private final Notation notation;
    private final int digits;

    private FormulaRenderer(Notation notation, int digits) {
        this.notation = notation;
        this.digits = SignificantNumber.requireValidDigits(digits);
    }

    /** E.g. "z₁⁽¹⁾ = w₁₁⁽¹⁾·x₁ + w₁₂⁽¹⁾·x₂ + b₁⁽¹⁾ = 0.15·0.05 + 0.2·0.1 + 0.35 = 0.3775". */
    public static String toPlainText(Formula formula, int significantDigits) {
        return new FormulaRenderer(Notation.PLAIN, significantDigits).formula(formula);
    }

    /** E.g. "z_{1}^{(1)} = w_{11}^{(1)} \cdot x_{1} + … = 0.15 \cdot 0.05 + … = 0.3775", without $ delimiters. */
    public static String toLatex(Formula formula, int significantDigits) {
        return new FormulaRenderer(Notation.LATEX, significantDigits).formula(formula);
    }

    /** One side or any token list as Unicode text. */
    public static String toPlainText(List<MathToken> tokens, int significantDigits) {
        return new FormulaRenderer(Notation.PLAIN, significantDigits).tokens(tokens);
    }

    /** One side or any token list as LaTeX. */
    public static String toLatex(List<MathToken> tokens, int significantDigits) {
        return new FormulaRenderer(Notation.LATEX, significantDigits).tokens(tokens);
    }

    private String formula(Formula formula) {
        StringBuilder out = new StringBuilder(tokens(formula.subject()));
        List<List<MathToken>> sides = formula.sides();
        for (int s = 1; s < sides.size(); s++) {
            boolean assigns = s == 1 && formula.relation() == Formula.Relation.ASSIGNS;
            out.append(notation.operator(assigns ? Operator.ASSIGN : Operator.EQUALS)).append(tokens(sides.get(s)));
        }
        if (!formula.condition().isEmpty()) {
            out.append(notation.condition(tokens(formula.condition())));
        }
        return out.toString();
    }

    private String tokens(List<MathToken> tokens) {
        StringBuilder out = new StringBuilder();
        MathToken previous = null;
        for (MathToken token : tokens) {
            out.append(token(token, previous));
            previous = token;
        }
        return out.toString();
    }

    private String token(MathToken token, MathToken previous) {
        return switch (token) {
            case Value value -> {
                String text = notation.number(SignificantNumber.of(value.value(), digits));
                yield Grouping.parenthesised(value, previous, digits) ? notation.parenthesised(text) : text;
            }
            case Symbol symbol -> notation.symbol(symbol);
            case FunctionName function -> notation.function(function.name());
            case Operator operator -> notation.operator(operator);
            case Fraction fraction -> notation.fraction(operand(fraction.numerator()), operand(fraction.denominator()));
            case Power power -> notation.power(base(power.base()), tokens(power.exponent()));
            case Root root -> notation.root(operand(root.radicand()));
            case MatrixValue matrix -> notation.matrix(matrix.matrix(), digits);
            case Blank _ -> notation.blank();
        };
    }

    /**
     * A fraction part or radicand: LaTeX groups it with braces anyway, text needs parentheses
     * unless it is a single plain symbol, number or power (e^(z)/…).
     */
    private String operand(List<MathToken> tokens) {
        String text = tokens(tokens);
        boolean power = tokens.size() == 1 && tokens.getFirst() instanceof Power;
        return notation == Notation.PLAIN && !Grouping.isAtom(tokens, digits) && !power ? notation.parenthesised(text) : text;
    }

    /** The base of a power: (t − o)², (−0.5)², and {a_{1}^{(1)}}^{2} so two superscripts do not collide. */
    private String base(List<MathToken> tokens) {
        String text = tokens(tokens);
        if (!Grouping.isAtom(tokens, digits)) {
            return notation.parenthesised(text);
        }
        return Grouping.powerBaseParenthesised(tokens, digits) ? notation.braced(text) : text;
    }
}
