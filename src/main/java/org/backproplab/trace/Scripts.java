package org.backproplab.trace;

/**
 * Unicode sub- and superscript letters for plain-text formulas. Only some characters have them
 * (digits, parentheses, signs and a few letters), so each conversion says whether it succeeded and
 * the caller falls back to _(…) or ^(…).
 */
final class Scripts {

    private static final String NORMAL = "0123456789+−-=()";
    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾";
    private static final String SUBSCRIPTS = "₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎";
    private static final String SUPERSCRIPT_LETTERS = "tTin";
    private static final String SUPERSCRIPT_LETTER_FORMS = "ᵗᵀⁱⁿ";
    private static final String SUBSCRIPT_LETTERS = "ijknst";
    private static final String SUBSCRIPT_LETTER_FORMS = "ᵢⱼₖₙₛₜ";

    private Scripts() {
    }

    /** The text in superscript letters, or null if some character has none. */
    static String superscript(String text) {
        return convert(text, NORMAL + SUPERSCRIPT_LETTERS, SUPERSCRIPTS + SUPERSCRIPT_LETTER_FORMS);
    }

    /** The text in subscript letters, or null if some character has none; commas stay as they are. */
    static String subscript(String text) {
        return convert(text, NORMAL + SUBSCRIPT_LETTERS + ",", SUBSCRIPTS + SUBSCRIPT_LETTER_FORMS + ",");
    }

    private static String convert(String text, String from, String to) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            int at = from.indexOf(text.charAt(i));
            if (at < 0) {
                return null;
            }
            out.append(to.charAt(at));
        }
        return out.toString();
    }
}
