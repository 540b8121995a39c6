package org.backproplab.ui.files;

import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/** The few sentences at the top of a dialog that asks for something, saying what it will do. */
final class DialogExplanation {

    private DialogExplanation() {
    }

    /**
     * The explanation wraps at a readable width and keeps its full height; as the dialog's header it
     * would stretch the dialog off the screen.
     */
    static Label of(String text, double width) {
        Label explanation = new Label(text);
        explanation.setWrapText(true);
        explanation.setMaxWidth(width);
        explanation.setMinHeight(Region.USE_PREF_SIZE);
        return explanation;
    }
}
