package org.backproplab.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import org.backproplab.engine.Activation;
import org.backproplab.engine.Initializer;
import org.junit.jupiter.api.Test;

class MessagesTest {

    @Test
    void chineseTranslatesEveryEnglishKey() throws IOException {
        // Read the files themselves: a ResourceBundle would quietly fill gaps from the English parent.
        Properties english = load("/org/backproplab/ui/messages.properties");
        Properties chinese = load("/org/backproplab/ui/messages_zh_CN.properties");
        assertEquals(english.stringPropertyNames(), chinese.stringPropertyNames());
        chinese.stringPropertyNames().forEach(key -> assertFalse(chinese.getProperty(key).isBlank(), key));
        assertNotEquals(english.getProperty("graph.title"), chinese.getProperty("graph.title"));
    }

    @Test
    void chineseIsReadAsUtf8() {
        assertEquals("网络", Messages.forLocale(Locale.SIMPLIFIED_CHINESE).get("graph.title"));
    }

    @Test
    void englishChosenOnAChineseSystemIsEnglish() {
        Locale system = Locale.getDefault();
        Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
        try {
            assertEquals("Network", Messages.forLocale(Locale.ENGLISH).get("graph.title"));
            assertEquals("网络", Messages.forDefaultLocale().get("graph.title"), "the system's language on a first start");
        } finally {
            Locale.setDefault(system);
        }
    }

    @Test
    void everyActivationHasADisplayName() {
        Messages messages = Messages.forLocale(Locale.ROOT);
        for (Activation activation : Activation.values()) {
            assertFalse(messages.get("activation." + activation.id()).isBlank(), activation.id());
        }
    }

    @Test
    void everyInitializerHasADisplayNameInBothLanguages() {
        for (Locale locale : List.of(Locale.ROOT, Locale.SIMPLIFIED_CHINESE)) {
            Messages messages = Messages.forLocale(locale);
            for (Initializer initializer : Initializer.values()) {
                assertFalse(messages.get("initializer." + initializer.id()).isBlank(), initializer.id());
            }
        }
    }

    @Test
    void messagesFillInTheirArguments() {
        Messages messages = Messages.forLocale(Locale.ROOT);
        assertEquals("Backprop Lab — XOR", messages.format("window.title", "XOR"));
        assertEquals("1 feature", messages.format("graph.layer.features", 1));
        assertEquals("7 features", messages.format("graph.layer.features", 7));
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(
                Objects.requireNonNull(Messages.class.getResourceAsStream(name), name), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
