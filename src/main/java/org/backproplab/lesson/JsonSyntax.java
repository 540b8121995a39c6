package org.backproplab.lesson;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says what is wrong with text that is not valid JSON, in words a teacher editing a lesson by hand
 * can act on, with the line and column. Jackson's own messages name its internals (features,
 * token types, class names), so they are recognised here and never shown.
 */
final class JsonSyntax {

    private static final Pattern FOUND = Pattern.compile("^Unexpected character \\('(.)' \\(code \\d+\\)\\)");
    private static final Pattern DUPLICATE = Pattern.compile("^Duplicate field '(.*)'$");
    private static final Pattern TOKEN = Pattern.compile("^Unrecognized token '(.*?)': ");

    private JsonSyntax() {
    }

    static String describe(JacksonException e) {
        JsonLocation where = e.getLocation();
        String position = where == null ? "" : "line " + where.getLineNr() + ", column " + where.getColumnNr() + ": ";
        return position + problem(e);
    }

    private static String problem(JacksonException e) {
        String raw = String.valueOf(e.getOriginalMessage());
        if (e instanceof JsonEOFException) {
            return "the text ends too early; a bracket, brace or quote is not closed";
        }
        if (e instanceof StreamConstraintsException) {
            return "nested too deeply, or holds a number or text far too long for a lesson";
        }
        Matcher duplicate = DUPLICATE.matcher(raw);
        if (duplicate.find()) {
            return "field " + JsonField.quote(duplicate.group(1)) + " appears twice in the same object";
        }
        Matcher token = TOKEN.matcher(raw);
        if (token.find()) {
            return "unknown word " + JsonField.quote(token.group(1))
                    + "; text goes in double quotes, and true, false and null are written in lower case";
        }
        if (raw.startsWith("Trailing token") || raw.contains("separating root-level values")) {
            return "more text after the end of the lesson's outermost { ... }";
        }
        if (raw.contains("comment")) {
            return "JSON does not allow comments";
        }
        if (raw.contains("expecting comma")) {
            return "a comma is missing before this entry";
        }
        if (raw.contains("expecting a colon")) {
            return "a colon is missing after the field name";
        }
        if (raw.contains("Illegal unquoted character")) {
            return "text in quotes must not hold a tab or line break; write \\t or \\n instead";
        }
        if (raw.contains("escape")) {
            return "a backslash in text starts an escape such as \\n or \\\"; write \\\\ for a backslash itself";
        }
        if (raw.startsWith("Unexpected close marker")) {
            return "a closing bracket or brace that was never opened";
        }
        Matcher found = FOUND.matcher(raw);
        String character = found.find() ? found.group(1) : null;
        if (raw.contains("numeric value")) {
            return "a number is not written the JSON way (such as 0.5, -2 or 1e-3)";
        }
        if (raw.contains("to start field name")) {
            return "expected a field name in double quotes" + found(character) + hint(character);
        }
        if (raw.contains("expected a valid value") || raw.contains("expected a value")) {
            return "expected a value (a number, text in double quotes, a list, an object, true, false or null)"
                    + found(character) + hint(character);
        }
        return "not valid JSON" + found(character);
    }

    private static String found(String character) {
        return character == null ? "" : ", found " + JsonField.quote(character);
    }

    private static String hint(String character) {
        if ("'".equals(character)) {
            return " (text goes in double quotes)";
        }
        // A closing bracket where a value belongs almost always follows a comma too many.
        return "}".equals(character) || "]".equals(character) ? " (remove the comma before it)" : "";
    }
}
