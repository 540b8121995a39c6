package org.backproplab.cli;

import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * {@code --language}, for the commands that write for students (sheets, notebooks): the two
 * languages the app speaks, and one line, as every bad argument, for any other.
 */
final class LanguageOption {

    @Option(names = "--language", defaultValue = "en", paramLabel = "LANG",
            description = "The language of what is written: en or zh-CN (default: ${DEFAULT-VALUE}).")
    private String language;

    /** The language asked for. */
    Locale locale() {
        return switch (language) {
            case "en" -> Locale.ENGLISH;
            case "zh-CN" -> Locale.SIMPLIFIED_CHINESE;
            default -> throw new BadArgument("--language must be en or zh-CN, got " + language);
        };
    }
}
