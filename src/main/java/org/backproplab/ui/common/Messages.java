package org.backproplab.ui.common;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/** The window's words in one language: every visible string comes from here. */
public final class Messages {

    private static final String BUNDLE = "org.backproplab.ui.messages";

    private final ResourceBundle bundle;
    /**
     * Parsed patterns by key. The status line, card subtitles and window title are formatted every
     * frame while training, and parsing a pattern builds its number formats (DecimalFormat and its
     * symbols) anew each time: that showed in the FX thread's CPU and allocation profiles.
     */
    private final Map<String, MessageFormat> formats = new ConcurrentHashMap<>();

    private Messages(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    /** The user's language (English when there is no translation for it). */
    public static Messages forDefaultLocale() {
        return forLocale(Locale.getDefault());
    }

    /**
     * The words in {@code locale}'s language, or English when there is no translation. Never the
     * system's language instead: English chosen on a Chinese system must give English.
     */
    public static Messages forLocale(Locale locale) {
        return new Messages(ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_DEFAULT)));
    }

    public Locale locale() {
        return bundle.getLocale();
    }

    public String get(String key) {
        return bundle.getString(key);
    }

    /** The message with {0}, {1}, … filled in, numbers written the way the language writes them. */
    public String format(String key, Object... arguments) {
        MessageFormat format = formats.computeIfAbsent(key, k -> new MessageFormat(get(k), locale()));
        // A MessageFormat is not safe to share between threads. The window formats on the FX thread
        // only, but one Messages is handed to every view and nothing confines it there (tests read it
        // from their own thread); an uncontended lock costs next to nothing.
        synchronized (format) {
            return format.format(arguments);
        }
    }
}
