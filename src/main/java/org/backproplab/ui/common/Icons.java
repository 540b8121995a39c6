package org.backproplab.ui.common;

import javafx.scene.Node;
import javafx.scene.shape.SVGPath;

/**
 * The toolbar's symbols, drawn as shapes rather than font glyphs: every machine draws them the
 * same, with or without the fonts that have ▶ and ⏸, and they stay sharp on a projector.
 */
public final class Icons {

    private Icons() {
    }

    public static Node play() {
        return shape("M2 0 L16 9 L2 18 Z", "icon");
    }

    public static Node pause() {
        return shape("M2 0 H7 V18 H2 Z M11 0 H16 V18 H11 Z", "icon");
    }

    /** Play with a bar: one step forward. */
    public static Node step() {
        return shape("M0 1 L10 8 L0 15 Z M11 1 H14 V15 H11 Z", "icon");
    }

    /** An arrow going back round to its start. */
    public static Node reset() {
        return shape("M8 1 A7 7 0 1 1 1.3 10 L3.6 9.3 A4.8 4.8 0 1 0 8 3.2 L8 6.5 L3.2 2.1 L8 -2.3 Z", "icon");
    }

    /** Two arrows chasing each other: draw again. */
    public static Node redraw() {
        return shape("M13.5 5 A6.5 6.5 0 0 0 2 6 L0 6 L3 1.5 L6 6 L4.1 6 A4.5 4.5 0 0 1 12 6 Z "
                + "M2.5 11 A6.5 6.5 0 0 0 14 10 L16 10 L13 14.5 L10 10 L11.9 10 A4.5 4.5 0 0 1 4 10 Z", "icon");
    }

    /** An arrow bending back to the left: undo. */
    public static Node undo() {
        return shape("M0 6 L6 0.5 V4.5 H10 A5.75 5.75 0 0 1 10 16 H5 V13 H10 A2.75 2.75 0 0 0 10 7.5 H6 V11.5 Z", "icon");
    }

    /** The same arrow bending forward to the right: redo. */
    public static Node redo() {
        return shape("M16 6 L10 0.5 V4.5 H6 A5.75 5.75 0 0 0 6 16 H11 V13 H6 A2.75 2.75 0 0 1 6 7.5 H10 V11.5 Z", "icon");
    }

    /** Three sliders: the settings panel. */
    public static Node settings() {
        return shape("M0 2 H16 V4 H0 Z M0 7 H16 V9 H0 Z M0 12 H16 V14 H0 Z "
                + "M3 0.5 H7 V5.5 H3 Z M9 5.5 H13 V10.5 H9 Z M4 10.5 H8 V15.5 H4 Z", "icon");
    }

    /** A tick: agreed, passed. */
    public static Node check() {
        return shape("M0 8 L3 5 L6.5 8.5 L14 1 L17 4 L6.5 14.5 Z", "icon");
    }

    /** A cross: disagreed, failed. */
    public static Node cross() {
        return shape("M0 3 L3 0 L8 5 L13 0 L16 3 L11 8 L16 13 L13 16 L8 11 L3 16 L0 13 L5 8 Z", "icon");
    }

    private static Node shape(String path, String styleClass) {
        SVGPath shape = new SVGPath();
        shape.setContent(path);
        shape.getStyleClass().add(styleClass);
        return shape;
    }
}
