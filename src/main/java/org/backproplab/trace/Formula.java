package org.backproplab.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One line of working, e.g. z₁⁽¹⁾ = w₁₁⁽¹⁾·x₁ + b₁⁽¹⁾ = 0.15·0.05 + 0.35 = 0.3575: the symbolic
 * form, the same with the trace's numbers substituted, and the trace's result, as successive
 * sides. An {@link Relation#ASSIGNS} formula joins its first two sides with ← (an update:
 * w ← w − η·g = 0.4 − 0.5·0.08 = 0.36) and the rest with =.
 *
 * @param caption   what the line computes; the UI turns it into words in the user's language
 * @param relation  how the first two sides are joined
 * @param sides     at least two sides; the last is the result
 * @param condition why a piecewise choice was made, e.g. z₁⁽¹⁾ = 0.38 > 0 for ReLU′ = 1; empty if none
 */
public record Formula(Caption caption, Relation relation, List<List<MathToken>> sides, List<MathToken> condition) {

    public enum Relation {
        EQUALS,
        ASSIGNS
    }

    public Formula {
        if (sides.size() < 2) {
            throw new IllegalArgumentException("a formula needs at least two sides, got " + sides.size());
        }
        sides = sides.stream().map(List::copyOf).toList();
        condition = List.copyOf(condition);
    }

    /** An equation with no condition. */
    public static Formula equation(Caption caption, List<List<MathToken>> sides) {
        return new Formula(caption, Relation.EQUALS, sides, List.of());
    }

    /** An update θ ← … with no condition. */
    public static Formula assignment(Caption caption, List<List<MathToken>> sides) {
        return new Formula(caption, Relation.ASSIGNS, sides, List.of());
    }

    /** The same formula with a condition explaining a piecewise choice. */
    public Formula when(List<MathToken> why) {
        return new Formula(caption, relation, sides, why);
    }

    /**
     * The rule without the numbers: the leading sides that still name quantities, e.g. a₁⁽¹⁾ =
     * σ(z₁⁽¹⁾) = 1/(1 + e^(−z₁⁽¹⁾)) without = 1/(1 + e^(−0.3775)) = 0.5933. Empty when only the
     * subject names anything (a linear activation's a = z is then all numbers after it).
     */
    public Optional<Formula> inSymbols() {
        int count = 1;
        while (count < sides.size() && namesQuantity(sides.get(count))) {
            count++;
        }
        return count < 2 ? Optional.empty() : Optional.of(new Formula(caption, relation, sides.subList(0, count), List.of()));
    }

    /** Whether the tokens mention a symbol other than Euler's number. */
    private static boolean namesQuantity(List<MathToken> tokens) {
        return tokens.stream().anyMatch(token -> switch (token) {
            case MathToken.Symbol symbol -> !symbol.equals(Tokens.EULER);
            case MathToken.Fraction fraction -> namesQuantity(fraction.numerator()) || namesQuantity(fraction.denominator());
            case MathToken.Power power -> namesQuantity(power.base()) || namesQuantity(power.exponent());
            case MathToken.Root root -> namesQuantity(root.radicand());
            case MathToken.Value _, MathToken.FunctionName _, MathToken.Operator _, MathToken.MatrixValue _, MathToken.Blank _ -> false;
        });
    }

    /**
     * The same working with its result left blank, for a student to fill in: everything the result
     * is computed from stays in.
     */
    public Formula withBlankResult() {
        List<List<MathToken>> blanked = new ArrayList<>(sides.subList(0, sides.size() - 1));
        blanked.add(List.of(new MathToken.Blank()));
        return new Formula(caption, relation, blanked, condition);
    }

    /** The left-hand side: what is being computed or updated. */
    public List<MathToken> subject() {
        return sides.getFirst();
    }

    /** The last side: the value the trace recorded. */
    public List<MathToken> result() {
        return sides.getLast();
    }
}
