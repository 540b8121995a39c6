package org.backproplab.ui.common;

import javafx.scene.text.Font;
import javafx.scene.text.Text;

/** How wide a piece of text is drawn, for boxes on a canvas that must fit their label. */
public final class TextWidth {

    private TextWidth() {
    }

    public static double of(String text, Font font) {
        Text measured = new Text(text);
        measured.setFont(font);
        return measured.getLayoutBounds().getWidth();
    }
}
