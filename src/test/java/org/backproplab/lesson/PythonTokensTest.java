package org.backproplab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;
import org.backproplab.lesson.PythonTokens.Kind;
import org.backproplab.lesson.PythonTokens.Token;
import org.junit.jupiter.api.Test;

class PythonTokensTest {

    private static List<Token> tokens(String line) {
        List<Token> tokens = PythonTokens.of(line);
        assertEquals(line, tokens.stream().map(Token::text).collect(Collectors.joining()), "the pieces give the line back");
        return tokens;
    }

    @Test
    void keywordsNumbersNamesAndCommentsGetTheirOwnColour() {
        assertEquals(List.of(new Token(Kind.KEYWORD, "for"), new Token(Kind.OTHER, " "), new Token(Kind.NAME, "step"),
                new Token(Kind.OTHER, ", "), new Token(Kind.NAME, "batch"), new Token(Kind.OTHER, " "),
                new Token(Kind.KEYWORD, "in"), new Token(Kind.OTHER, " "), new Token(Kind.NAME, "enumerate"),
                new Token(Kind.OTHER, "("), new Token(Kind.NAME, "batches"), new Token(Kind.OTHER, ", "),
                new Token(Kind.NAME, "start"), new Token(Kind.OTHER, "="), new Token(Kind.NUMBER, "1"),
                new Token(Kind.OTHER, "):  "), new Token(Kind.COMMENT, "# one step \"each\"")),
                tokens("for step, batch in enumerate(batches, start=1):  # one step \"each\""));
    }

    @Test
    void digitsInsideNamesStayNamesAndExponentsStayInTheirNumber() {
        assertEquals(List.of(new Token(Kind.NAME, "W1"), new Token(Kind.OTHER, " -= "), new Token(Kind.NUMBER, "1.0E-8"),
                new Token(Kind.OTHER, " * "), new Token(Kind.NAME, "dW1"), new Token(Kind.OTHER, "."),
                new Token(Kind.NAME, "T")), tokens("W1 -= 1.0E-8 * dW1.T"));
        assertEquals(Kind.STRING, tokens("print(\"All steps match\")").get(2).kind());
    }
}
