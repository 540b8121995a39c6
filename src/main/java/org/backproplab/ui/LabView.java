package org.backproplab.ui;

import javafx.scene.Node;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
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
    private final GridPane views;
    /** What the boundary legend was last made for, so it is rebuilt only when that changes. */
    private BoundaryLegendKey legendKey;

    private record BoundaryLegendKey(int classes, boolean withTestPoints) {
    }

    public LabView(Palette palette, Messages messages) {
        this.palette = palette;
        this.messages = messages;
        graph = new NetworkGraphView(palette, messages);
        boundary = new DecisionBoundaryView(palette, messages);
        graphCard = new ViewCard(graph, Legend.forGraph(palette, messages, EdgeValue.WEIGHT));
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
        setTop(header);
        setCenter(views);
        setBottom(status);
        getStyleClass().add("lab");
    }

    /** Shows a new moment of the experiment in every view. */
    public void show(LabSnapshot snapshot) {
        header.show(snapshot.title(), snapshot.commentary());
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
     * Surrounds the drawings with the live lab's controls: the toolbar under the lesson header, the
     * settings at the left, the layer strip above the graph, the edge toggle in the graph's header,
     * the boundary's toggles beside its legend, and the charts under it (in a tall enough window).
     */
    public void addLiveControls(LiveControls controls) {
        setTop(new VBox(header, controls.toolbar()));
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
