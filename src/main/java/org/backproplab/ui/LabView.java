package org.backproplab.ui;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.backproplab.lesson.LessonWords;
import org.backproplab.training.LabSnapshot;
import org.backproplab.training.NetworkSnapshot;

/**
 * The whole lab: the lesson at the top, the network graph and the decision boundary side by side,
 * the training status at the bottom. Everything it shows comes from one {@link LabSnapshot}, so
 * the views always agree with each other.
 */
public final class LabView extends BorderPane {

    /** Share of the width the graph gets; the boundary plot is square and needs less. */
    private static final double GRAPH_SHARE = 58;
    /** The least height of the graph's card that also shows the graph's legend. */
    private static final double ROOM_FOR_GRAPH_LEGEND = 400;
    /** The least height of the boundary's column that also holds the charts under the boundary. */
    private static final double ROOM_FOR_CHARTS = 470;
    /** Below this height the lesson commentary is shortened so the drawings keep their room. */
    private static final double COMPACT_HEIGHT = 700;

    private final Palette palette;
    private final Messages messages;
    private final LessonHeader header = new LessonHeader();
    private final NetworkGraphView graph;
    private final DecisionBoundaryView boundary;
    private final ViewCard graphCard;
    private final ViewCard boundaryCard;
    private final StatusLine status;
    /** The graph with room for layers drawn over it (the step-through's values). */
    private final StackPane graphLayers;
    private final GridPane views;
    /** The lesson header, with the step-through switch beside it once there is one. */
    private final HBox headerRow;
    /** The header row, with the live lab's toolbar under it once there is one. */
    private final VBox top;
    /** The live lab's controls, once added. */
    private LiveControls live;
    /** What the boundary legend was last made for, so it is rebuilt only when that changes. */
    private BoundaryLegendKey legendKey;

    private record BoundaryLegendKey(int classes, boolean withTestPoints) {
    }

    public LabView(Palette palette, Messages messages) {
        this.palette = palette;
        this.messages = messages;
        graph = new NetworkGraphView(palette, messages);
        boundary = new DecisionBoundaryView(palette, messages);
        graphLayers = new StackPane(graph);
        graphCard = new ViewCard(graphLayers, Legend.forGraph(palette, messages, EdgeValue.WEIGHT));
        graphCard.setTitle(messages.get("graph.title"));
        boundaryCard = new ViewCard(boundary, new Legend(palette));
        status = new StatusLine(messages);

        views = new GridPane();
        views.getStyleClass().add("views");
        ColumnConstraints graphColumn = new ColumnConstraints();
        graphColumn.setPercentWidth(GRAPH_SHARE);
        ColumnConstraints boundaryColumn = new ColumnConstraints();
        boundaryColumn.setPercentWidth(100 - GRAPH_SHARE);
        RowConstraints row = new RowConstraints();
        row.setVgrow(Priority.ALWAYS);
        views.getColumnConstraints().addAll(graphColumn, boundaryColumn);
        views.getRowConstraints().add(row);
        views.add(graphCard, 0, 0);
        views.add(boundaryCard, 1, 0);

        heightProperty().addListener((property, before, height) ->
                header.setCompact(height.doubleValue() < COMPACT_HEIGHT));
        HBox.setHgrow(header, Priority.ALWAYS);
        headerRow = new HBox(header);
        headerRow.setAlignment(Pos.CENTER_RIGHT);
        top = new VBox(headerRow);
        setTop(top);
        setCenter(views);
        setBottom(status);
        getStyleClass().add("lab");
    }

    /** Shows a new moment of the experiment in every view. */
    public void show(LabSnapshot snapshot) {
        LessonWords words = snapshot.words(messages.locale());
        header.show(words.title(), words.commentary());
        NetworkSnapshot network = snapshot.network();
        graphCard.setSubtitle(messages.format("graph.subtitle", shapeText(network), network.parameterCount()));
        graph.show(network, snapshot.heatmaps(), snapshot.lastUpdate());
        BoundaryLegendKey key = new BoundaryLegendKey(snapshot.classes(),
                !snapshot.testPoints().isEmpty() && boundary.showsTestPoints());
        if (!key.equals(legendKey)) {
            legendKey = key;
            boundaryCard.setLegend(Legend.forBoundary(palette, messages, key.classes(), key.withTestPoints()));
        }
        boolean regression = snapshot.classes() == 0;
        boundaryCard.setTitle(messages.get(regression ? "boundary.title.regression" : "boundary.title"));
        boundaryCard.setSubtitle(regression
                ? messages.format("boundary.subtitle.regression", OutputSymbol.of(0, network.outputLayer().size()))
                : messages.get("boundary.subtitle"));
        boundary.show(snapshot);
        status.show(snapshot);
    }

    /**
     * Makes room for the step-through: its switch to the right of the lesson title, its overlay over
     * the graph (same size, so it can use the same geometry), its panel between the views and the
     * status line.
     */
    public void addStepThrough(Node toggle, Node overlay, Node panel) {
        if (toggle instanceof Region region) {
            region.setMinWidth(Region.USE_PREF_SIZE);
        }
        headerRow.getChildren().add(toggle);
        headerRow.getStyleClass().add("lab-top");
        graphLayers.getChildren().add(overlay);
        setBottom(new VBox(panel, status));
    }

    /**
     * Docks a tool panel at the right of the drawings (the gradient check), with its switch in the
     * header row after the step-through's: a teacher finds both tools in the same place.
     */
    public void addSidePanel(Region toggle, Node panel) {
        toggle.setMinWidth(Region.USE_PREF_SIZE);
        headerRow.getChildren().add(toggle);
        setRight(panel);
    }

    /**
     * Surrounds the drawings with the live lab's controls: the toolbar under the lesson header, the
     * settings at the left, the layer strip above the graph, the edge toggle in the graph's header,
     * the boundary's toggles beside its legend, and the charts under it (in a tall enough window).
     */
    public void addLiveControls(LiveControls controls) {
        live = controls;
        top.getChildren().add(controls.toolbar());
        setLeft(controls.settings());
        graphCard.addAboveContent(controls.layerStrip());
        // With the strip above it, a short graph would shrink to dots: its legend gives way first.
        graphCard.heightProperty().addListener((property, before, height) ->
                graphCard.setFooterShown(height.doubleValue() >= ROOM_FOR_GRAPH_LEGEND));
        graphCard.setTools(controls.graphTools());
        boundaryCard.setLegendTools(controls.boundaryTools());
        views.getChildren().remove(boundaryCard);
        Node charts = controls.charts();
        VBox rightColumn = new VBox(14, boundaryCard, charts);
        VBox.setVgrow(boundaryCard, Priority.ALWAYS);
        // In a short window the charts give way: the decision boundary is what the class looks at.
        rightColumn.heightProperty().addListener((property, before, height) -> {
            boolean room = height.doubleValue() >= ROOM_FOR_CHARTS;
            charts.setVisible(room);
            charts.setManaged(room);
        });
        rightColumn.setMinWidth(0);
        views.add(rightColumn, 1, 0);
    }

    /**
     * Puts the window's menu bar at the left of the lesson header, in the same row: on a projector
     * every row of height counts, and the drawings keep the room they had without a menu.
     */
    public void addMenuBar(Region menuBar) {
        // The lesson header grows and shrinks; the menu keeps its words.
        menuBar.setMinWidth(Region.USE_PREF_SIZE);
        headerRow.getChildren().addFirst(menuBar);
    }

    /** Shows or folds away the toolbar, the settings and the layer strip (step-through mode folds them). */
    public void setLiveControlsShown(boolean shown) {
        if (live == null) {
            return;
        }
        for (Node control : List.of(live.toolbar(), live.layerStrip())) {
            control.setVisible(shown);
            control.setManaged(shown);
        }
        setLeft(shown ? live.settings() : null);
    }

    /** Chooses what the graph's edges show, and makes its legend say so. */
    public void setEdgeValue(EdgeValue value) {
        graph.setEdgeValue(value);
        graphCard.setLegend(Legend.forGraph(palette, messages, value));
    }

    /** Shows or hides the test points, in the plot and in its legend. */
    public void setShowTestPoints(boolean show) {
        boundary.setShowTestPoints(show);
        legendKey = null;
    }

    StatusLine status() {
        return status;
    }

    /** "2-3-1": the shape as teachers write it. */
    private static String shapeText(NetworkSnapshot network) {
        return String.join("-", network.shape().stream().map(String::valueOf).toList());
    }

    public NetworkGraphView graph() {
        return graph;
    }

    public DecisionBoundaryView boundary() {
        return boundary;
    }
}
