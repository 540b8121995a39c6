package org.backproplab.ui.view;

import java.util.Set;
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
import org.backproplab.trace.OutputNames;
import org.backproplab.training.LabSnapshot;
import org.backproplab.training.NetworkSnapshot;
import org.backproplab.ui.boundary.DecisionBoundaryView;
import org.backproplab.ui.common.Messages;
import org.backproplab.ui.common.Palette;
import org.backproplab.ui.common.Preferences;
import org.backproplab.ui.common.ViewCard;
import org.backproplab.ui.graph.EdgeValue;
import org.backproplab.ui.graph.NetworkGraphView;
import org.backproplab.ui.help.Legend;

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
    /** Space between the graph and the boundary's column. */
    private static final double VIEW_GAP = 14;

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
    private final ColumnConstraints graphColumn = new ColumnConstraints();
    private final ColumnConstraints boundaryColumn = new ColumnConstraints();
    /** The boundary's card, or the column of the boundary and the charts once the live controls are added. */
    private Region rightColumn;
    /** The lesson header, with the step-through switch beside it once there is one. */
    private final HBox headerRow;
    /** The header row, with the live lab's toolbar under it once there is one. */
    private final VBox top;
    /** The live lab's controls, once added. */
    private LiveControls live;
    /** The panels the user folded away; the step-through folds the live controls on top of these. */
    private Set<Preferences.Panel> hidden = Set.of();
    private boolean liveControlsShown = true;
    /** Whether the boundary's column is tall enough for the charts under the boundary. */
    private boolean roomForCharts = true;
    /** How much larger than normal text and drawings are shown. */
    private double scale = 1;
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
        graphColumn.setPercentWidth(GRAPH_SHARE);
        boundaryColumn.setPercentWidth(100 - GRAPH_SHARE);
        RowConstraints row = new RowConstraints();
        row.setVgrow(Priority.ALWAYS);
        views.getColumnConstraints().addAll(graphColumn, boundaryColumn);
        views.getRowConstraints().add(row);
        views.add(graphCard, 0, 0);
        views.add(boundaryCard, 1, 0);
        rightColumn = boundaryCard;

        heightProperty().addListener((property, before, height) -> fit());
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
                ? messages.format("boundary.subtitle.regression", OutputNames.output(0))
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
        graphCard.heightProperty().addListener((property, before, height) -> fit());
        graphCard.setTools(controls.graphTools());
        boundaryCard.setLegendTools(controls.boundaryTools());
        views.getChildren().remove(boundaryCard);
        Node charts = controls.charts();
        VBox rightColumn = new VBox(14, boundaryCard, charts);
        VBox.setVgrow(boundaryCard, Priority.ALWAYS);
        // With the boundary hidden, the charts take its room.
        VBox.setVgrow(charts, Priority.SOMETIMES);
        // In a short window the charts give way: the decision boundary is what the class looks at.
        rightColumn.heightProperty().addListener((property, before, height) -> fit());
        rightColumn.setMinWidth(0);
        views.add(rightColumn, 1, 0);
        this.rightColumn = rightColumn;
        showPanels();
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
        liveControlsShown = shown;
        showPanels();
    }

    /**
     * Folds away the panels the user chose to hide (a presenter keeping only the drawings, say). They
     * stay hidden whatever the step-through folds and unfolds meanwhile.
     */
    public void setHiddenPanels(Set<Preferences.Panel> panels) {
        hidden = Set.copyOf(panels);
        showPanels();
    }

    /**
     * Draws the graph and the boundary {@code scale} times their normal size. Text is as much larger
     * (the window scales it), so what gives way in a short window gives way sooner.
     */
    public void setDrawingScale(double scale) {
        this.scale = scale;
        graph.setDrawingScale(scale);
        boundary.setDrawingScale(scale);
        fit();
    }

    /** Folds away what a short window has no room for: long commentary, the graph's legend, the charts. */
    private void fit() {
        header.setCompact(getHeight() < COMPACT_HEIGHT * scale);
        graphCard.setFooterShown(graphCard.getHeight() >= ROOM_FOR_GRAPH_LEGEND * scale);
        boolean room = rightColumn.getHeight() >= ROOM_FOR_CHARTS * scale;
        if (room != roomForCharts) {
            roomForCharts = room;
            showPanels();
        }
    }

    /** Whether a panel is on screen now: not hidden by the user, nor folded by the step-through or a short window. */
    public boolean showsPanel(Preferences.Panel panel) {
        return switch (panel) {
            case TOOLBAR, SETTINGS, LAYER_STRIP -> live != null && liveControlsShown && !hidden.contains(panel);
            case CHARTS -> live != null && roomForCharts && !hidden.contains(panel);
            case GRAPH, BOUNDARY, STATUS -> !hidden.contains(panel);
        };
    }

    private void showPanels() {
        fold(status, showsPanel(Preferences.Panel.STATUS));
        boolean graphShown = showsPanel(Preferences.Panel.GRAPH);
        boolean boundaryShown = showsPanel(Preferences.Panel.BOUNDARY);
        fold(graphCard, graphShown);
        fold(boundaryCard, boundaryShown);
        if (live != null) {
            fold(live.toolbar(), showsPanel(Preferences.Panel.TOOLBAR));
            fold(live.layerStrip(), showsPanel(Preferences.Panel.LAYER_STRIP));
            fold(live.charts(), showsPanel(Preferences.Panel.CHARTS));
            setLeft(showsPanel(Preferences.Panel.SETTINGS) ? live.settings() : null);
        }
        // A drawing left alone takes the whole width, so the room sees it as large as the screen allows.
        boolean rightShown = boundaryShown || live != null && !hidden.contains(Preferences.Panel.CHARTS);
        fold(rightColumn, rightShown);
        graphColumn.setPercentWidth(graphShown ? rightShown ? GRAPH_SHARE : 100 : 0);
        boundaryColumn.setPercentWidth(rightShown ? graphShown ? 100 - GRAPH_SHARE : 100 : 0);
        views.setHgap(graphShown && rightShown ? VIEW_GAP : 0);
    }

    private static void fold(Node node, boolean shown) {
        node.setVisible(shown);
        node.setManaged(shown);
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

    public StatusLine status() {
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
