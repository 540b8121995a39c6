package org.backproplab.ui.compare;

import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.backproplab.training.LabSnapshot;
import org.backproplab.ui.boundary.DecisionBoundaryView;
import org.backproplab.ui.common.Messages;
import org.backproplab.ui.common.Palette;
import org.backproplab.ui.common.ViewCard;
import org.backproplab.ui.graph.NetworkGraphView;
import org.backproplab.ui.help.Legend;

/**
 * One run of a comparison: its name, a line under it (for B, the settings it changes), what its
 * trainer last had to say (in the lab banner's words), and its
 * network graph beside its decision boundary, the lab's own views drawing from the run's snapshots.
 */
final class RunColumn {

    private final Label subtitle = new Label();
    /** What the run's trainer last had to say (it diverged, failed, refused a command), until it plays again. */
    private final Label notice = new Label();
    private final NetworkGraphView graph;
    private final DecisionBoundaryView boundary;
    private final ViewCard graphCard;
    private final ViewCard boundaryCard;
    private int classesShown = -1;
    private final Messages messages;
    private final VBox header;
    private final HBox views;

    RunColumn(String id, String name, Palette palette, Messages messages) {
        this.messages = messages;
        Label title = new Label(name);
        title.getStyleClass().add("compare-run-name");
        subtitle.getStyleClass().add("compare-run-changes");
        subtitle.setId(id + "-changes");
        subtitle.setWrapText(true);
        // As tall as its wrapped lines: a long list of B's changes is read whole, not cut off.
        subtitle.setMinHeight(Region.USE_PREF_SIZE);
        graph = new NetworkGraphView(palette, messages);
        boundary = new DecisionBoundaryView(palette, messages);
        graphCard = new ViewCard(graph, new Legend(palette));
        graphCard.setTitle(messages.get("graph.title"));
        boundaryCard = new ViewCard(boundary, new Legend(palette));
        boundaryCard.setTitle(messages.get("boundary.title"));
        graphCard.setMinSize(0, 0);
        boundaryCard.setMinSize(0, 0);
        // The lab's window keeps the keys to the colours; here the room goes to the drawings.
        graphCard.setFooterShown(false);
        boundaryCard.setFooterShown(false);
        views = new HBox(8, graphCard, boundaryCard);
        HBox.setHgrow(graphCard, Priority.ALWAYS);
        HBox.setHgrow(boundaryCard, Priority.ALWAYS);
        graphCard.setPrefWidth(0);
        boundaryCard.setPrefWidth(0);
        views.setId(id);
        notice.getStyleClass().add("compare-run-notice");
        notice.setId(id + "-notice");
        notice.setWrapText(true);
        // As tall as its lines at the width it got: the grid sizes the row at the column's preferred
        // width, wider than the half it gives, which would cut the last line off.
        notice.widthProperty().addListener((property, was, width) ->
                notice.setMinHeight(notice.prefHeight(width.doubleValue())));
        notice.textProperty().addListener((property, was, text) ->
                notice.setMinHeight(notice.prefHeight(notice.getWidth())));
        notice.managedProperty().bind(notice.visibleProperty());
        notice.setVisible(false);
        header = new VBox(2, title, subtitle, notice);
        header.getStyleClass().add("compare-run");
    }

    /** The run's name and the line under it. */
    VBox header() {
        return header;
    }

    /** The run's graph and decision boundary, side by side. */
    HBox views() {
        return views;
    }

    /** Writes the line under the run's name. */
    void setChanges(String text) {
        subtitle.setText(text);
    }

    /** Says what the run's trainer told, under the run's name; empty takes the message away. */
    void setNotice(String text) {
        notice.setText(text);
        notice.setVisible(!text.isEmpty());
    }

    void show(LabSnapshot snapshot) {
        graph.show(snapshot.network(), snapshot.heatmaps(), snapshot.lastUpdate());
        if (snapshot.classes() != classesShown) {
            classesShown = snapshot.classes();
            boundaryCard.setTitle(messages.get(classesShown == 0 ? "boundary.title.regression" : "boundary.title"));
        }
        boundary.show(snapshot);
    }

    NetworkGraphView graph() {
        return graph;
    }

    DecisionBoundaryView boundary() {
        return boundary;
    }
}
