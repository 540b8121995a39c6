package org.backproplab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import org.backproplab.ui.common.Preferences;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreferencesStoreTest {

    @TempDir
    Path home;

    @Test
    void whatIsSavedComesBackNextRun() {
        Preferences chosen = Preferences.DEFAULTS.withLanguage(Optional.of(Locale.SIMPLIFIED_CHINESE))
                .withHighContrast(true).withScale(1.5).withFullScreen(true)
                .withHiddenPanels(EnumSet.of(Preferences.Panel.SETTINGS, Preferences.Panel.CHARTS)).withTourSeen(true);
        new PreferencesStore(Optional.of(home)).save(chosen);

        assertEquals(chosen, new PreferencesStore(Optional.of(home)).load());
    }

    @Test
    void aFirstRunHasTheDefaults() {
        assertEquals(Preferences.DEFAULTS, new PreferencesStore(Optional.of(home.resolve("new"))).load());
        assertEquals(Preferences.DEFAULTS, new PreferencesStore(Optional.empty()).load());
    }

    @Test
    void damagedEntriesFallBackOneByOne() throws IOException {
        Preferences read = read("""
                language=
                highContrast=true
                scale=huge
                hiddenPanels=GRAPH, SOMETHING_NEW ,CHARTS
                """);

        assertEquals(Optional.empty(), read.language());
        assertEquals(true, read.highContrast());
        assertEquals(1, read.scale());
        assertEquals(EnumSet.of(Preferences.Panel.GRAPH, Preferences.Panel.CHARTS), read.hiddenPanels());
    }

    @Test
    void anAbsurdScaleIsKeptWithinReach() throws IOException {
        assertEquals(Preferences.MAX_SCALE, read("scale=40").scale());
        assertEquals(Preferences.MIN_SCALE, read("scale=-3").scale());
        assertEquals(1, read("scale=NaN").scale());
    }

    /** What the store makes of a preferences file with this text. */
    private Preferences read(String text) throws IOException {
        Files.writeString(home.resolve(PreferencesStore.FILE_NAME), text);
        return new PreferencesStore(Optional.of(home)).load();
    }

    @Test
    void anUnreadableFileGivesTheDefaults() throws IOException {
        Files.write(home.resolve(PreferencesStore.FILE_NAME), new byte[] {'s', 'c', 'a', 'l', 'e', '=', '\\', 'u', 'z'});
        assertEquals(Preferences.DEFAULTS, new PreferencesStore(Optional.of(home)).load());
    }
}
