package org.backproplab.ui.common;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A titled panel around one drawing, with its legend underneath. Optional tools (toggles for the
 * drawing) sit at the right of the header or of the legend, and an optional strip of controls
 * above the drawing.
 */
public final class ViewCard extends VBox {

    private final Label heading = new Label();
    private final Label subtitle = new Label();
    private final HBox header;
    /** Under the header: the tools, when the card is too narrow for them beside the title. */
    private final HBox toolsRow = new HBox();
    private final HBox footer;
    private Node tools;
    private Node legendTools;
    private Node legend;

    public ViewCard(Node content, Node legend) {
        heading.getStyleClass().add("card-title");
        // When space runs out the subtitle gives way; the title always stays whole.
        heading.setMinWidth(Region.USE_PREF_SIZE);
        subtitle.getStyleClass().add("card-subtitle");
        subtitle.setMinWidth(0);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        header = new HBox(12, heading, subtitle, spacer);
        header.getStyleClass().add("card-header");
        // The header takes the card's width, however narrow: placeTools moves what does not fit.
        header.setMinWidth(0);
        header.widthProperty().addListener((property, before, width) -> placeTools());
        toolsRow.setAlignment(Pos.CENTER_RIGHT);
        VBox.setVgrow(content, Priority.ALWAYS);
        this.legend = legend;
        HBox.setHgrow(legend, Priority.ALWAYS);
        footer = new HBox(12, legend);
        footer.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(header, content, footer);
        getStyleClass().add("card");
    }

    public void setTitle(String text) {
        heading.setText(text);
    }

    public void setSubtitle(String text) {
        subtitle.setText(text);
    }

    /** Replaces the legend (it depends on the lesson, e.g. on the number of classes). */
    public void setLegend(Node replacement) {
        HBox.setHgrow(replacement, Priority.ALWAYS);
        footer.getChildren().set(footer.getChildren().indexOf(legend), replacement);
        legend = replacement;
    }

    /** Puts controls for the drawing at the right end of the header. */
    public void setTools(Node replacement) {
        if (tools != null) {
            toolsRow.getChildren().remove(tools);
        }
        tools = replace(header, tools, replacement);
        placeTools();
    }

    /**
     * Keeps the tools whole: beside the title while they fit, otherwise on a row of their own under
     * it (a narrow card, or a large scale), rather than cut off at the card's edge.
     */
    private void placeTools() {
        if (tools == null || header.getWidth() <= 0) {
            return;
        }
        Insets padding = header.getInsets();
        double beside = padding.getLeft() + heading.prefWidth(-1) + 2 * header.getSpacing() + tools.prefWidth(-1)
                + padding.getRight();
        boolean fits = beside <= header.getWidth();
        if (fits && tools.getParent() != header) {
            toolsRow.getChildren().remove(tools);
            header.getChildren().add(tools);
            getChildren().remove(toolsRow);
        } else if (!fits && tools.getParent() != toolsRow) {
            header.getChildren().remove(tools);
            toolsRow.getChildren().add(tools);
            getChildren().add(getChildren().indexOf(header) + 1, toolsRow);
        }
    }

    /** Puts controls for the drawing at the right end of the legend, where they take no extra height. */
    public void setLegendTools(Node replacement) {
        legendTools = replace(footer, legendTools, replacement);
    }

    /** Shows or hides the row under the drawing (legend and its tools), to give a short card's drawing the room. */
    public void setFooterShown(boolean shown) {
        footer.setVisible(shown);
        footer.setManaged(shown);
    }

    /** Puts a strip of controls between the header and the drawing. */
    public void addAboveContent(Node strip) {
        getChildren().add(getChildren().indexOf(header) + 1, strip);
    }

    /** Swaps the tools at the end of a row; the tools keep their size and the row's text gives way first. */
    private static Node replace(HBox row, Node old, Node replacement) {
        if (old != null) {
            row.getChildren().remove(old);
        }
        if (replacement instanceof Region region) {
            region.setMinWidth(Region.USE_PREF_SIZE);
        }
        row.getChildren().add(replacement);
        return replacement;
    }
}
