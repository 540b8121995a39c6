package org.backproplab.trace;

/**
 * How each kind of token is written in one output format. {@link FormulaRenderer} walks the
 * tokens and decides grouping; a notation only spells the pieces.
 */
enum Notation {

    /** Unicode text for tests, the CLI and plain labels: z₁⁽¹⁾ = 0.15·0.05 + 0.35. */
    PLAIN {
        @Override
        String number(SignificantNumber number) {
            return number.toPlainText();
        }

        @Override
        String operator(MathToken.Operator operator) {
            return operator.plain();
        }

        @Override
        String symbol(MathToken.Symbol symbol) {
            String text = symbol.base() + script(symbol.subscript(), Scripts.subscript(symbol.subscript()), "_")
                    + script(symbol.superscript(), Scripts.superscript(symbol.superscript()), "^");
            // Text has no big operator: Σₖe^(zₖ) would run together, Σₖ e^(zₖ) reads as a sum.
            return symbol.base().equals("Σ") ? text + " " : text;
        }

        @Override
        String function(String name) {
            return name;
        }

        @Override
        String blank() {
            return "☐";
        }

        @Override
        String fraction(String numerator, String denominator) {
            return numerator + "/" + denominator;
        }

        @Override
        String power(String base, String exponent) {
            return base + script(exponent, Scripts.superscript(exponent), "^");
        }

        @Override
        String root(String radicand) {
            return "√" + radicand;
        }

        @Override
        String parenthesised(String text) {
            return "(" + text + ")";
        }

        @Override
        String braced(String text) {
            return parenthesised(text);
        }

        @Override
        String matrix(Matrix matrix, int digits) {
            StringBuilder out = new StringBuilder("[");
            for (int r = 0; r < matrix.rows(); r++) {
                out.append(r == 0 ? "" : "; ");
                for (int c = 0; c < matrix.cols(); c++) {
                    out.append(c == 0 ? "" : ", ").append(SignificantNumber.plain(matrix.get(r, c), digits));
                }
            }
            return out.append(']').toString();
        }

        @Override
        String condition(String condition) {
            return "   (" + condition + ")";
        }

        /** Unicode script letters when every character has one, else ^x or ^(xy). */
        private static String script(String text, String converted, String marker) {
            if (text.isEmpty()) {
                return "";
            }
            if (converted != null) {
                return converted;
            }
            return marker + (text.codePointCount(0, text.length()) == 1 ? text : "(" + text + ")");
        }
    },

    /** LaTeX math for the Markdown export: z_{1}^{(1)} = 0.15 \cdot 0.05 + 0.35. */
    LATEX {
        @Override
        String number(SignificantNumber number) {
            return number.toLatex();
        }

        @Override
        String operator(MathToken.Operator operator) {
            return operator.latex();
        }

        @Override
        String symbol(MathToken.Symbol symbol) {
            return letters(symbol.base())
                    + (symbol.subscript().isEmpty() ? "" : "_{" + symbol.subscript() + "}")
                    + (symbol.superscript().isEmpty() ? "" : "^{" + symbol.superscript() + "}");
        }

        @Override
        String blank() {
            return "\\boxed{\\phantom{0.000}}";
        }

        @Override
        String function(String name) {
            boolean prime = name.endsWith("′");
            String bare = prime ? name.substring(0, name.length() - 1) : name;
            String command = switch (bare) {
                case "σ" -> "\\sigma";
                case "tanh", "ln", "max", "exp" -> "\\" + bare;
                default -> "\\operatorname{" + bare + "}";
            };
            return command + (prime ? "'" : "");
        }

        @Override
        String fraction(String numerator, String denominator) {
            return "\\frac{" + numerator + "}{" + denominator + "}";
        }

        @Override
        String power(String base, String exponent) {
            return base + "^{" + exponent + "}";
        }

        @Override
        String root(String radicand) {
            return "\\sqrt{" + radicand + "}";
        }

        @Override
        String parenthesised(String text) {
            return "(" + text + ")";
        }

        @Override
        String braced(String text) {
            return "{" + text + "}";
        }

        @Override
        String matrix(Matrix matrix, int digits) {
            // LaTeX's bmatrix takes at most 10 columns (amsmath's MaxMatrixCols); printing a handout
            // through LaTeX would fail on a wider W, so wide matrices are arrays in brackets.
            boolean wide = matrix.cols() > 10;
            StringBuilder out = new StringBuilder(
                    wide ? "\\left[\\begin{array}{" + "c".repeat(matrix.cols()) + "} " : "\\begin{bmatrix} ");
            for (int r = 0; r < matrix.rows(); r++) {
                out.append(r == 0 ? "" : " \\\\ ");
                for (int c = 0; c < matrix.cols(); c++) {
                    out.append(c == 0 ? "" : " & ").append(SignificantNumber.latex(matrix.get(r, c), digits));
                }
            }
            return out.append(wide ? " \\end{array}\\right]" : " \\end{bmatrix}").toString();
        }

        @Override
        String condition(String condition) {
            return " \\quad (" + condition + ")";
        }

        private static String letter(char c) {
            return switch (c) {
                case 'σ' -> "\\sigma";
                case 'δ' -> "\\delta";
                case 'Δ' -> "\\Delta";
                case 'η' -> "\\eta";
                case 'μ' -> "\\mu";
                case 'β' -> "\\beta";
                case 'ε' -> "\\varepsilon";
                case 'λ' -> "\\lambda";
                case 'Σ' -> "\\sum";
                case '∂' -> "\\partial";
                case '′' -> "'";
                default -> String.valueOf(c);
            };
        }

        /** Greek letters and ∂ become commands, ′ a prime; a letter followed by a combining circumflex becomes \hat{…}. */
        private static String letters(String base) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < base.length(); i++) {
                char c = base.charAt(i);
                String letter = letter(c);
                if (i + 1 < base.length() && base.charAt(i + 1) == '\u0302') {
                    out.append("\\hat{").append(letter).append('}');
                    i++;
                } else {
                    out.append(letter);
                    // A command swallows the letters that follow it unless a space ends it.
                    if (letter.startsWith("\\") && i + 1 < base.length() && Character.isLetter(base.charAt(i + 1))) {
                        out.append(' ');
                    }
                }
            }
            return out.toString();
        }
    };

    abstract String number(SignificantNumber number);

    abstract String operator(MathToken.Operator operator);

    abstract String symbol(MathToken.Symbol symbol);

    abstract String function(String name);

    /** The empty place of an answer still to be worked out. */
    abstract String blank();

    abstract String fraction(String numerator, String denominator);

    abstract String power(String base, String exponent);

    abstract String root(String radicand);

    /** Parentheses a reader needs to see. */
    abstract String parenthesised(String text);

    /** Grouping that only disambiguates, e.g. before a second superscript: braces in LaTeX, parentheses in text. */
    abstract String braced(String text);

    abstract String matrix(Matrix matrix, int digits);

    /** Appends a condition after the formula. */
    abstract String condition(String condition);
}
