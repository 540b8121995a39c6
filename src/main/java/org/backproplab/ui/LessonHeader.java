package org.backproplab.ui;

import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** The lesson's title, large, and the teacher's commentary under it, small. */
final class LessonHeader extends VBox {

    private final Label title = new Label();
    private final Label commentary = new Label();

    LessonHeader() {
        title.getStyleClass().add("lesson-title");
        commentary.getStyleClass().add("lesson-commentary");
        commentary.setWrapText(true);
        getChildren().addAll(title, commentary);
        getStyleClass().add("lesson-header");
    }

    void show(String lessonTitle, String lessonCommentary) {
        title.setText(lessonTitle);
        commentary.setText(lessonCommentary);
        commentary.setVisible(!lessonCommentary.isBlank());
        commentary.setManaged(!lessonCommentary.isBlank());
    }
}
