package org.backproplab.ui.view;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.backproplab.ui.common.Messages;

/**
 * The lesson's card: its title, and the teacher's commentary. Folded, it takes one line (the title
 * and the commentary's first words), so the drawings keep the room; a click unfolds the whole
 * commentary, and another folds it again. The window remembers which the user chose.
 */
public final class LessonHeader extends VBox {

    private final Label marker = new Label();
    private final Label title = new Label();
    /** The commentary's first words, beside the title while folded. */
    private final Label gist = new Label();
    private final Label commentary = new Label();
    private final Tooltip tip = new Tooltip();
    private final BooleanProperty folded = new SimpleBooleanProperty(true);
    private final Messages messages;

    LessonHeader(Messages messages) {
        this.messages = messages;
        marker.getStyleClass().add("lesson-marker");
        marker.setMinWidth(Region.USE_PREF_SIZE);
        title.getStyleClass().add("lesson-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        gist.getStyleClass().add("lesson-gist");
        gist.setTextOverrun(OverrunStyle.WORD_ELLIPSIS);
        gist.setMinWidth(0);
        HBox.setHgrow(gist, Priority.ALWAYS);
        gist.setMaxWidth(Double.MAX_VALUE);
        commentary.getStyleClass().add("lesson-commentary");
        commentary.setWrapText(true);
        HBox line = new HBox(10, marker, title, gist);
        line.setAlignment(Pos.BASELINE_LEFT);
        line.setMinWidth(0);
        setMinWidth(0);
        getChildren().addAll(line, commentary);
        getStyleClass().add("lesson-header");
        setId("lesson-card");
        setCursor(Cursor.HAND);
        Tooltip.install(this, tip);
        setOnMouseClicked(event -> folded.set(!folded.get()));
        folded.addListener((property, was, now) -> showFolding());
        showFolding();
    }

    void show(String lessonTitle, String lessonCommentary) {
        title.setText(lessonTitle);
        commentary.setText(lessonCommentary);
        gist.setText(lessonCommentary.isBlank() ? "" : "— " + lessonCommentary);
        showFolding();
    }

    /** Whether the card shows one line (true) or the whole commentary. */
    public BooleanProperty foldedProperty() {
        return folded;
    }

    private void showFolding() {
        boolean fold = folded.get();
        boolean any = !commentary.getText().isBlank();
        marker.setText(fold ? "▸" : "▾");
        marker.setVisible(any);
        gist.setVisible(fold && any);
        commentary.setVisible(!fold && any);
        commentary.setManaged(!fold && any);
        tip.setText(messages.get(fold ? "lesson.unfold.tip" : "lesson.fold.tip"));
    }
}
