package org.backproplab.ui.shell;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.backproplab.data.TextFile;
import org.backproplab.ui.common.Preferences;

/**
 * Keeps {@link Preferences} in a small properties file in the app's home folder. Remembering is a
 * convenience, never an error: a missing, damaged or unwritable file gives the defaults (for the
 * damaged entries only) and the window carries on. Without a folder (tests) nothing is kept.
 */
final class PreferencesStore {

    static final String FILE_NAME = "preferences.properties";
    /** The prefix of each remembered divider: {@code divider.views.medium=0.56}. */
    private static final String DIVIDER = "divider.";

    private final Optional<Path> file;

    /** @param folder the app's home folder; empty keeps the preferences for this session only */
    PreferencesStore(Optional<Path> folder) {
        this.file = folder.map(f -> f.resolve(FILE_NAME));
    }

    Preferences load() {
        return file.filter(Files::isRegularFile).map(PreferencesStore::read).orElse(Preferences.DEFAULTS);
    }

    void save(Preferences preferences) {
        file.ifPresent(target -> {
            try {
                Files.createDirectories(target.toAbsolutePath().getParent());
                TextFile.save(target, text(preferences));
            } catch (IOException e) {
                // The window keeps working with these preferences; only the next run will not know them.
            }
        });
    }

    private static Preferences read(Path from) {
        try (Reader reader = Files.newBufferedReader(from, StandardCharsets.UTF_8)) {
            Properties properties = new Properties();
            properties.load(reader);
            return parse(properties);
        } catch (IOException | IllegalArgumentException e) {
            return Preferences.DEFAULTS;
        }
    }

    private static Preferences parse(Properties properties) {
        Preferences defaults = Preferences.DEFAULTS;
        Optional<Locale> language = Optional.ofNullable(properties.getProperty("language"))
                .filter(tag -> !tag.isBlank())
                .map(Locale::forLanguageTag)
                .filter(locale -> !locale.getLanguage().isEmpty());
        return new Preferences(language,
                bool(properties, "highContrast", defaults.highContrast()),
                number(properties, "scale", defaults.scale()),
                bool(properties, "fullScreen", defaults.fullScreen()),
                panels(properties.getProperty("hiddenPanels", "")),
                bool(properties, "tourSeen", defaults.tourSeen()),
                bool(properties, "lessonFolded", defaults.lessonFolded()),
                dividers(properties));
    }

    private static String text(Preferences preferences) {
        Properties properties = new Properties();
        preferences.language().ifPresent(locale -> properties.setProperty("language", locale.toLanguageTag()));
        properties.setProperty("highContrast", Boolean.toString(preferences.highContrast()));
        properties.setProperty("scale", Double.toString(preferences.scale()));
        properties.setProperty("fullScreen", Boolean.toString(preferences.fullScreen()));
        properties.setProperty("hiddenPanels", String.join(",",
                preferences.hiddenPanels().stream().sorted().map(Enum::name).toList()));
        properties.setProperty("tourSeen", Boolean.toString(preferences.tourSeen()));
        properties.setProperty("lessonFolded", Boolean.toString(preferences.lessonFolded()));
        preferences.dividers().forEach((split, position) ->
                properties.setProperty(DIVIDER + split, Double.toString(position)));
        StringWriter text = new StringWriter();
        try {
            properties.store(text, "Backprop Lab preferences");
        } catch (IOException e) {
            throw new IllegalStateException("a StringWriter does not fail", e);
        }
        return text.toString();
    }

    private static boolean bool(Properties properties, String key, boolean fallback) {
        String value = properties.getProperty(key);
        return value == null ? fallback : Boolean.parseBoolean(value.strip());
    }

    private static double number(Properties properties, String key, double fallback) {
        try {
            return Double.parseDouble(properties.getProperty(key, "").strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** Divider positions are fractions of their pane; anything else (a hand-edited file) is skipped. */
    private static Map<String, Double> dividers(Properties properties) {
        Map<String, Double> positions = new HashMap<>();
        for (String key : properties.stringPropertyNames()) {
            double position = key.startsWith(DIVIDER) ? number(properties, key, Double.NaN) : Double.NaN;
            if (position >= 0 && position <= 1) {
                positions.put(key.substring(DIVIDER.length()), position);
            }
        }
        return positions;
    }

    /** Names that are not panels (an older or newer version's) are skipped, not fatal. */
    private static Set<Preferences.Panel> panels(String names) {
        Set<Preferences.Panel> panels = EnumSet.noneOf(Preferences.Panel.class);
        for (String name : names.split(",")) {
            try {
                panels.add(Preferences.Panel.valueOf(name.strip()));
            } catch (IllegalArgumentException unknown) {
                // skipped
            }
        }
        return panels;
    }
}
