package org.backproplab.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a line of the generated Python into the pieces a syntax highlighter colours. Small on
 * purpose: the generated code uses few of Python's forms, and a line is never part of a string
 * that spans lines.
 */
public final class PythonTokens {

    /** What a piece of a line is, for its colour. */
    public enum Kind { KEYWORD, NUMBER, STRING, COMMENT, NAME, OTHER }

    /** One piece of a line: its kind and its text, spaces kept. */
    public record Token(Kind kind, String text) {
    }

    private static final Set<String> KEYWORDS = Set.of("and", "as", "def", "else", "for", "from", "if", "import",
            "in", "is", "not", "or", "return", "None", "True", "False", "lambda", "while");

    private static final Pattern PIECE = Pattern.compile(
            "(?<comment>#.*)"
                    + "|(?<string>\"(?:[^\"\\\\]|\\\\.)*\"?|'(?:[^'\\\\]|\\\\.)*'?)"
                    + "|(?<number>(?<![\\w.])\\d+\\.?\\d*(?:[eE][-+]?\\d+)?)"
                    + "|(?<name>[A-Za-z_]\\w*)"
                    + "|(?<other>\\s+|.)");

    private PythonTokens() {
    }

    /** The pieces of {@code line}, in order; joined they give the line back. */
    public static List<Token> of(String line) {
        List<Token> tokens = new ArrayList<>();
        Matcher m = PIECE.matcher(line);
        while (m.find()) {
            Kind kind;
            if (m.group("comment") != null) {
                kind = Kind.COMMENT;
            } else if (m.group("string") != null) {
                kind = Kind.STRING;
            } else if (m.group("number") != null) {
                kind = Kind.NUMBER;
            } else if (m.group("name") != null) {
                kind = KEYWORDS.contains(m.group()) ? Kind.KEYWORD : Kind.NAME;
            } else {
                kind = Kind.OTHER;
            }
            add(tokens, kind, m.group());
        }
        return tokens;
    }

    /** Runs of the same kind merge, so a line is a handful of pieces, not one per character. */
    private static void add(List<Token> tokens, Kind kind, String text) {
        if (!tokens.isEmpty() && tokens.getLast().kind() == kind && kind == Kind.OTHER) {
            tokens.set(tokens.size() - 1, new Token(kind, tokens.getLast().text() + text));
        } else {
            tokens.add(new Token(kind, text));
        }
    }
}
