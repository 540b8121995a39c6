package org.backproplab.trace;

import java.util.ArrayList;
import java.util.List;
import org.backproplab.trace.MathToken.Fraction;
import org.backproplab.trace.MathToken.FunctionName;
import org.backproplab.trace.MathToken.MatrixValue;
import org.backproplab.trace.MathToken.Operator;
import org.backproplab.trace.MathToken.Symbol;
import org.backproplab.trace.MathToken.Value;

/** Small builders for token lists, so formula code reads like the formula it writes. */
final class Tokens {

    /**
     * Longest batch sum written out in full; longer ones show their first terms, …, and the last.
     * A student checks a sum of three or four by hand; forty terms would only hide the formula.
     */
    static final int LONGEST_BATCH_SUM = 5;

    /** Euler's number, the base of e^(−z). */
    static final Symbol EULER = new Symbol("e");

    private Tokens() {
    }

    static List<MathToken> of(MathToken... tokens) {
        return List.of(tokens);
    }

    static Value value(double v) {
        return new Value(v);
    }

    static MatrixValue matrix(Matrix m) {
        return new MatrixValue(m);
    }

    @SafeVarargs
    static List<MathToken> concat(List<? extends MathToken>... parts) {
        List<MathToken> out = new ArrayList<>();
        for (List<? extends MathToken> part : parts) {
            out.addAll(part);
        }
        return out;
    }

    /** (tokens) */
    static List<MathToken> parenthesised(List<? extends MathToken> tokens) {
        return concat(of(Operator.OPEN), tokens, of(Operator.CLOSE));
    }

    /** (tokens) when there is more than one term, so a single product needs no parentheses. */
    static List<MathToken> groupedIfSum(List<List<MathToken>> terms) {
        return terms.size() > 1 ? parenthesised(sum(terms)) : sum(terms);
    }

    /** name(argument) */
    static List<MathToken> applied(String function, List<? extends MathToken> argument) {
        return concat(of(new FunctionName(function)), parenthesised(argument));
    }

    /** term + term + … */
    static List<MathToken> sum(List<List<MathToken>> terms) {
        return joined(terms, Operator.PLUS);
    }

    static List<MathToken> joined(List<List<MathToken>> terms, Operator between) {
        List<MathToken> out = new ArrayList<>();
        for (List<MathToken> term : terms) {
            if (!out.isEmpty()) {
                out.add(between);
            }
            out.addAll(term);
        }
        return out;
    }

    /** A sum over the samples of a batch, with the middle left out when it is long. */
    static List<MathToken> batchSum(List<List<MathToken>> terms) {
        if (terms.size() <= LONGEST_BATCH_SUM) {
            return sum(terms);
        }
        List<List<MathToken>> shown = new ArrayList<>(terms.subList(0, LONGEST_BATCH_SUM - 2));
        shown.add(of(Operator.ELLIPSIS));
        shown.add(terms.getLast());
        return sum(shown);
    }

    /** left·right */
    static List<MathToken> times(List<? extends MathToken> left, List<? extends MathToken> right) {
        return concat(left, of(Operator.TIMES), right);
    }

    /** (1/B)· in symbols; parenthesised so that 1/B·x cannot be misread as 1/(B·x). */
    static List<MathToken> meanFactorSymbol() {
        return of(Operator.OPEN, new Fraction(of(value(1)), of(new Symbol("B"))), Operator.CLOSE, Operator.TIMES);
    }

    /** (1/3)· for a batch of three. */
    static List<MathToken> meanFactor(int batch) {
        return of(Operator.OPEN, new Fraction(of(value(1)), of(value(batch))), Operator.CLOSE, Operator.TIMES);
    }

    /** Σₛ, the sum over the samples of a batch. */
    static Symbol sumOverSamples() {
        return new Symbol("Σ", "s", "");
    }

    /** (1/B)·Σₛ */
    static List<MathToken> batchMeanSymbol() {
        return concat(meanFactorSymbol(), of(sumOverSamples()));
    }
}
