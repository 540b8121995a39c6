package org.backproplab.ui;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A titled panel around one drawing, with its legend underneath. Optional tools (toggles for the
 * drawing) sit at the right of the header, and an optional strip of controls above the drawing.
 */
final class ViewCard extends VBox {

    private final Label heading = new Label();
    private final Label subtitle = new Label();
    private final HBox header;
    private final Region spacer = new Region();
    private Node tools;
    private Node legend;

    ViewCard(Node content, Node legend) {
        heading.getStyleClass().add("card-title");
        // When space runs out the subtitle gives way; the title always stays whole.
        heading.setMinWidth(Region.USE_PREF_SIZE);
        subtitle.getStyleClass().add("card-subtitle");
        subtitle.setMinWidth(0);
        HBox.setHgrow(spacer, Priority.ALWAYS);
        header = new HBox(12, heading, subtitle, spacer);
        header.getStyleClass().add("card-header");
        VBox.setVgrow(content, Priority.ALWAYS);
        this.legend = legend;
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
    void setLegend(Node replacement) {
        getChildren().set(getChildren().indexOf(legend), replacement);
        legend = replacement;
    }

    /** Puts controls for the drawing at the right end of the header. */
    void setTools(Node replacement) {
        if (tools != null) {
            header.getChildren().remove(tools);
        }
        tools = replacement;
        // The tools keep their size; the subtitle gives way first.
        if (tools instanceof Region region) {
            region.setMinWidth(Region.USE_PREF_SIZE);
        }
        header.getChildren().add(tools);
    }

    /** Puts a strip of controls between the header and the drawing. */
    void addAboveContent(Node strip) {
        getChildren().add(getChildren().indexOf(header) + 1, strip);
    }
}
