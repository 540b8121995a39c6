package org.backproplab.ui.view;

import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The lesson's title, large, and the teacher's commentary under it, small. In a short window the
 * commentary is cut to two lines (the whole text stays in its tooltip) so the drawings keep room.
 */
final class LessonHeader extends VBox {

    private static final int COMPACT_LINES = 2;
    /** Line height as a multiple of the font size, for turning lines into pixels. */
    private static final double LINE_HEIGHT = 1.3;

    private final Label title = new Label();
    private final Label commentary = new Label();
    private final Tooltip fullCommentary = new Tooltip();

    LessonHeader() {
        title.getStyleClass().add("lesson-title");
        commentary.getStyleClass().add("lesson-commentary");
        commentary.setWrapText(true);
        fullCommentary.setWrapText(true);
        fullCommentary.setMaxWidth(600);
        commentary.setTooltip(fullCommentary);
        getChildren().addAll(title, commentary);
        getStyleClass().add("lesson-header");
    }

    void show(String lessonTitle, String lessonCommentary) {
        title.setText(lessonTitle);
        commentary.setText(lessonCommentary);
        fullCommentary.setText(lessonCommentary);
        commentary.setVisible(!lessonCommentary.isBlank());
        commentary.setManaged(!lessonCommentary.isBlank());
    }

    void setCompact(boolean compact) {
        commentary.setMaxHeight(compact
                ? Math.ceil(COMPACT_LINES * LINE_HEIGHT * commentary.getFont().getSize())
                : Region.USE_COMPUTED_SIZE);
    }
}
