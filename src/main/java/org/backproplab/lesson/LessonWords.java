package org.backproplab.lesson;

import java.util.Comparator;
import java.util.Locale;
import java.util.Map;

/**
 * A lesson's title and commentary in one language. A lesson file has its own words and may add
 * translations, keyed by language tag ("zh-CN"), so a class sees the lesson in the window's language.
 */
public record LessonWords(String title, String commentary) {

    /**
     * The words to show in {@code locale}: the translation for its language and region, else one
     * for its language alone, else one for the same language in another region (Simplified Chinese
     * serves a Chinese reader better than English does), else the lesson's own words.
     */
    public static LessonWords in(Locale locale, LessonWords own, Map<String, LessonWords> translations) {
        LessonWords exact = translations.get(locale.toLanguageTag());
        if (exact != null) {
            return exact;
        }
        return translations.entrySet().stream()
                .filter(entry -> Locale.forLanguageTag(entry.getKey()).getLanguage().equals(locale.getLanguage()))
                .min(Map.Entry.comparingByKey(Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder())))
                .map(Map.Entry::getValue)
                .orElse(own);
    }
}
