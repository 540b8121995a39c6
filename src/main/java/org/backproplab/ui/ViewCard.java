package org.backproplab.ui;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** A titled panel around one drawing, with its legend underneath. */
final class ViewCard extends VBox {

    private final Label heading = new Label();
    private final Label subtitle = new Label();

    ViewCard(Node content, Node legend) {
        heading.getStyleClass().add("card-title");
        // When space runs out the subtitle gives way; the title always stays whole.
        heading.setMinWidth(Region.USE_PREF_SIZE);
        subtitle.getStyleClass().add("card-subtitle");
        HBox header = new HBox(12, heading, subtitle);
        header.getStyleClass().add("card-header");
        VBox.setVgrow(content, Priority.ALWAYS);
        getChildren().addAll(header, content, legend);
        getStyleClass().add("card");
    }

    void setTitle(String text) {
        heading.setText(text);
    }

    void setSubtitle(String text) {
        subtitle.setText(text);
    }

    /** Replaces the legend (it depends on the lesson, e.g. on the number of classes). */
    void setLegend(Node legend) {
        getChildren().set(2, legend);
    }
}
