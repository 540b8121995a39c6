package org.backproplab.ui.shell;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.scene.control.Menu;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;
import org.backproplab.ui.common.Messages;

/**
 * The Language menu: the languages the lab ships, each named in itself, switched while the lab
 * runs. The menu's title carries both languages' word for "language", so someone who finds the
 * window in a language they cannot read still finds the way back.
 */
final class LanguageMenu {

    /** The languages with a full translation, in the order the menu lists them. */
    static final List<Locale> SHIPPED = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE);

    private LanguageMenu() {
    }

    /** @param choose switches the window to a language (the menu is rebuilt in it) */
    static Menu create(Messages messages, Consumer<Locale> choose) {
        Menu menu = new Menu(messages.get("menu.language"));
        menu.setId("menu-language");
        ToggleGroup group = new ToggleGroup();
        Locale current = shipped(messages.locale());
        for (Locale language : SHIPPED) {
            RadioMenuItem item = new RadioMenuItem(messages.get("language." + language.toLanguageTag()));
            item.setId("language-" + language.toLanguageTag());
            item.setToggleGroup(group);
            item.setSelected(language.equals(current));
            item.setOnAction(event -> {
                if (!language.equals(current)) {
                    choose.accept(language);
                }
            });
            menu.getItems().add(item);
        }
        return menu;
    }

    /** The shipped language a bundle's locale stands for (the root bundle is the English one). */
    static Locale shipped(Locale bundleLocale) {
        return SHIPPED.stream().filter(language -> language.equals(bundleLocale)).findFirst().orElse(Locale.ENGLISH);
    }
}
