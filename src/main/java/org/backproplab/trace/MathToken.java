package org.backproplab.trace;

import java.util.List;

/**
 * One piece of a formula as a student reads it: a symbol, a number, an operator, a function name,
 * or a small structure (fraction, power, root, matrix). Formulas are lists of these so that the same
 * model renders as Unicode text, as LaTeX, or as JavaFX nodes; numbers stay doubles until a renderer
 * picks how many significant digits to show.
 */
public sealed interface MathToken {

    /**
     * A named quantity such as w₁₂⁽¹⁾: {@code base} "w", {@code subscript} "12", {@code superscript}
     * "(1)". Either index may be empty. The base may hold Greek letters, ∂, and a combining
     * circumflex (m̂); renderers translate those.
     */
    record Symbol(String base, String subscript, String superscript) implements MathToken {
        public Symbol(String base) {
            this(base, "", "");
        }
    }

    /** A number from the trace (or a product of trace numbers), formatted only when rendered. */
    record Value(double value) implements MathToken {
    }

    /** A function applied to what follows, e.g. σ, tanh, ReLU, ln, max, or a derivative like σ′. */
    record FunctionName(String name) implements MathToken {
    }

    /** numerator / denominator; written a/b in text and \frac{a}{b} in LaTeX. */
    record Fraction(List<MathToken> numerator, List<MathToken> denominator) implements MathToken {
        public Fraction {
            numerator = List.copyOf(numerator);
            denominator = List.copyOf(denominator);
        }
    }

    /** base raised to exponent: e^(−z), (t − o)², β₁ᵗ. Renderers add parentheses the base needs. */
    record Power(List<MathToken> base, List<MathToken> exponent) implements MathToken {
        public Power {
            base = List.copyOf(base);
            exponent = List.copyOf(exponent);
        }
    }

    /** √(radicand). */
    record Root(List<MathToken> radicand) implements MathToken {
        public Root {
            radicand = List.copyOf(radicand);
        }
    }

    /**
     * The place of a number the student is asked to work out before it is shown: drawn as an empty
     * box where the trace's value would stand, so the formula reads "… = 0.3775 + 0.35 = ☐".
     */
    record Blank() implements MathToken {
    }

    /** A whole matrix or vector of values, for the matrix form of a layer's step. */
    record MatrixValue(Matrix matrix) implements MathToken {
    }

    /**
     * Operators and punctuation. Each knows how it is written in text and in LaTeX, spacing
     * included, and whether a negative number right after it needs parentheses (0.5·(−0.04)).
     */
    enum Operator implements MathToken {
        EQUALS(" = ", " = ", false),
        /** Joins an update's target to its new value: w ← w − η·g. */
        ASSIGN(" ← ", " \\leftarrow ", false),
        PLUS(" + ", " + ", true),
        MINUS(" − ", " - ", true),
        /** Unary minus: −z, no space after it. */
        NEGATE("−", "-", true),
        TIMES("·", " \\cdot ", true),
        /** Element-wise (Hadamard) product. */
        HADAMARD(" ⊙ ", " \\odot ", true),
        OPEN("(", "(", false),
        CLOSE(")", ")", false),
        OPEN_BRACKET("[", "[", false),
        CLOSE_BRACKET("]", "]", false),
        COMMA(", ", ", ", false),
        GREATER(" > ", " > ", false),
        LESS_OR_EQUAL(" ≤ ", " \\le ", false),
        /** Division written on one line, where a stacked fraction would not fit: ⌊e/k⌋. */
        SLASH("/", "/", true),
        /** ⌊x⌋, the largest whole number not above x: a step schedule's count of finished steps. */
        FLOOR_OPEN("⌊", "\\lfloor ", false),
        FLOOR_CLOSE("⌋", "\\rfloor ", false),
        /** The factor ½ in ½(t − o)². */
        HALF("½", "\\tfrac{1}{2}", false),
        /** Terms left out of a long sum. */
        ELLIPSIS("…", "\\cdots", false);

        private final String plain;
        private final String latex;
        private final boolean binary;

        Operator(String plain, String latex, boolean binary) {
            this.plain = plain;
            this.latex = latex;
            this.binary = binary;
        }

        public String plain() {
            return plain;
        }

        public String latex() {
            return latex;
        }

        /** Whether a negative number written right after this operator must be parenthesised. */
        public boolean parenthesisesNegatives() {
            return binary;
        }
    }
}
