package org.backproplab.ui.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.backproplab.lesson.LessonWords;
import org.backproplab.trace.OutputNames;
import org.backproplab.training.LabSnapshot;
import org.backproplab.training.NetworkSnapshot;
import org.backproplab.ui.boundary.DecisionBoundaryView;
import org.backproplab.ui.common.Messages;
import org.backproplab.ui.common.Palette;
import org.backproplab.ui.common.PlotFrame;
import org.backproplab.ui.common.Preferences;
import org.backproplab.ui.common.ViewCard;
import org.backproplab.ui.graph.EdgeValue;
import org.backproplab.ui.graph.NetworkGraphView;
import org.backproplab.ui.help.Legend;

/**
 * Where each part of the lab sits on screen, and what folds away when there is no room: the menu
 * bar and the lesson at the top, the network graph with the charts under it
 * beside the decision boundary, the training status at the bottom. The drawings sit in split panes
 * the user can resize (and the window remembers, see {@link SplitMemory}); while stepping through a
 * pass, the step-through panel takes a split pane of its own at the right. Everything it shows comes
 * from one {@link LabSnapshot}, so the views always agree with each other.
 *
 * <p>The charts lie under the graph rather than under the boundary: on a 1280×720 projector one
 * column cannot hold both a boundary 300 px square and a chart 120 px tall, and a curve over the
 * epochs wants width more than height.
 */
public final class LabLayout extends BorderPane {

    /** The least height of the graph's card that also shows the graph's legend. */
    private static final double ROOM_FOR_GRAPH_LEGEND = 400;
    /**
     * The least height of the graph's card that also holds the layer strip above a graph worth
     * drawing: room for the card's chrome and the strip, then a slot per neuron of the widest layer.
     * A wide layer (the two moons' ten neurons) needs its neurons apart more than the strip.
     */
    private static final double STRIP_AND_CHROME = 190;
    private static final double NEURON_SLOT = 22;
    /** The height of a chart's curve, which stays the same when text is scaled up for a room. */
    private static final double CHART_PLOT = 120;
    /** What a chart's card adds around its curve at normal size: its title, tick labels, legend and padding. */
    private static final double CHART_CHROME = 140;
    /**
     * The least height of the graph above the charts, at normal size: its layers' names and a few
     * neurons. Shorter than that, the charts take a column of their own beside the boundary.
     */
    private static final double GRAPH_ABOVE_CHARTS = 240;
    /** The least width of the graph's column and of the charts' column, at normal size. */
    private static final double COLUMN_MIN_WIDTH = 260;
    /** The boundary's plot below which its legend folds away, and what its card adds around the plot at normal size. */
    private static final double BOUNDARY_PLOT = 300;
    private static final double BOUNDARY_CHROME = 200;    /**
     * The boundary's card at its narrowest: a 250 px plot, plus its tick labels and the card's
     * padding at normal size. The user may drag it narrower only as far as this.
     */
    private static final double BOUNDARY_MIN_PLOT = 250;
    private static final double BOUNDARY_MIN_MARGIN = PlotFrame.LEFT + PlotFrame.RIGHT + 30;
    private final Palette palette;
    private final Messages messages;
    private final LessonHeader header;
    private final NetworkGraphView graph;
    private final DecisionBoundaryView boundary;
    private final ViewCard graphCard;
    private final ViewCard boundaryCard;
    private final StatusLine status;
    /** The graph with room for layers drawn over it (the step-through's values). */
    private final StackPane graphLayers;
    /** The graph's column (graph | boundary), and the graph over the charts inside it. */
    private final SplitPane views = split(Orientation.HORIZONTAL, "views");
    private final SplitPane graphColumn = split(Orientation.VERTICAL, "graph-column");
    /** The live views beside the step-through's panel, while stepping through. */
    private final SplitPane work = split(Orientation.HORIZONTAL, "work");
    /** The lesson card, with the step-through and gradient-check switches beside it once there are some. */
    private final HBox headerRow;
    /** The menu bar, the header row and the live lab's toolbar, top to bottom. */
    private final VBox top;
    private final SplitMemory splits = new SplitMemory();
    /** The tool panels docked at the right (gradient check, landscape), side by side when both are open. */
    private final HBox sidePanels = new HBox();
    /** The live lab's controls, once added. */
    private LiveControls live;
    /** The step-through's panel, once added, and whether it is on screen. */
    private Node stepPanel;
    private boolean stepping;
    /** The panels the user folded away; the step-through folds the live controls on top of these. */
    private Set<Preferences.Panel> hidden = Set.of();
    private boolean liveControlsShown = true;
    /** Where the charts go: under the graph, in a column of their own, or nowhere (no room). */
    private ChartPlace chartPlace = ChartPlace.UNDER_GRAPH;
    /** Whether the graph's card is tall enough for the layer strip above the graph. */
    private boolean roomForStrip = true;
    /** Neurons in the network's widest layer, inputs included: what the graph needs height for. */
    private int widestLayer = 2;
    /** How much larger than normal text and drawings are shown. */
    private double scale = 1;
    /** What the boundary legend was last made for, so it is rebuilt only when that changes. */
    private BoundaryLegendKey legendKey;

    private enum ChartPlace {
        UNDER_GRAPH, BESIDE, NONE
    }

    private record BoundaryLegendKey(int classes, boolean withTestPoints) {
    }

    public LabLayout(Palette palette, Messages messages) {
        this.palette = palette;
        this.messages = messages;
        header = new LessonHeader(messages);
        graph = new NetworkGraphView(palette, messages);
        boundary = new DecisionBoundaryView(palette, messages);
        graphLayers = new StackPane(graph);
        graphCard = new ViewCard(graphLayers, Legend.forGraph(palette, messages, EdgeValue.WEIGHT));
        graphCard.setTitle(messages.get("graph.title"));
        boundaryCard = new ViewCard(boundary, new Legend(palette));
        status = new StatusLine(messages);
        graphCard.setMinSize(0, 0);
        boundaryCard.setMinHeight(0);
        boundaryCard.setMinWidth(BOUNDARY_MIN_PLOT + BOUNDARY_MIN_MARGIN);

        views.getStyleClass().add("views");
        heightProperty().addListener((property, before, height) -> fit());
        work.heightProperty().addListener((property, before, height) -> fit());
        widthProperty().addListener((property, before, width) -> splits.sizeChanged(this));
        splits.watch(this, views, graphColumn, work);
        graphCard.heightProperty().addListener((property, before, height) -> fit());
        HBox.setHgrow(header, Priority.ALWAYS);
        headerRow = new HBox(8, header);
        headerRow.setAlignment(Pos.CENTER_RIGHT);
        headerRow.getStyleClass().add("lab-top");
        top = new VBox(headerRow);
        setTop(top);
        setCenter(work);
        setBottom(status);
        getStyleClass().add("lab");
        arrange();
    }

    /** Shows a new moment of the experiment in every view. */
    public void show(LabSnapshot snapshot) {
        LessonWords words = snapshot.words(messages.locale());
        header.show(words.title(), words.commentary());
        NetworkSnapshot network = snapshot.network();
        int widest = network.shape().stream().mapToInt(Integer::intValue).max().orElse(1);
        if (widest != widestLayer) {
            widestLayer = widest;
            fit();
        }
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
     * Makes room for the step-through: its switch to the right of the lesson card, its overlay over
     * the graph (same size, so it can use the same geometry), its panel beside the views while it is on.
     */
    public void addStepThrough(Node toggle, Node overlay, Node panel) {
        addHeaderToggle(toggle);
        graphLayers.getChildren().add(overlay);
        stepPanel = panel;
        if (panel instanceof Region region) {
            region.setMinWidth(0);
        }
    }

    /** Shows the step-through's panel beside the views, or gives the views the whole width again. */
    public void setStepping(boolean on) {
        stepping = on;
        arrange();
        fit();
    }

    /**
     * Docks a tool panel at the right of the drawings (the gradient check, the landscape), with its
     * switch in the header row after the step-through's: a teacher finds the tools in the same place.
     */
    public void addSidePanel(Region toggle, Node panel) {
        addHeaderToggle(toggle);
        sidePanels.getChildren().add(panel);
        setRight(sidePanels);
    }

    private void addHeaderToggle(Node toggle) {
        if (toggle instanceof Region region) {
            region.setMinWidth(Region.USE_PREF_SIZE);
        }
        headerRow.getChildren().add(toggle);
    }

    /**
     * Surrounds the drawings with the live lab's controls: the toolbar under the lesson card, the
     * settings at the left, the layer strip above the graph, the edge toggle in the graph's header,
     * the boundary's toggles beside its legend, and the charts under the graph (in a tall enough window).
     */
    public void addLiveControls(LiveControls controls) {
        live = controls;
        top.getChildren().add(controls.toolbar());
        graphCard.addAboveContent(controls.layerStrip());
        graphCard.setTools(controls.graphTools());
        boundaryCard.setLegendTools(controls.boundaryTools());
        sizeCharts();
        showPanels();
    }

    /** Puts the window's menu bar at the very top, across the whole width, as every desktop application has it. */
    public void addMenuBar(Region menuBar) {
        top.getChildren().addFirst(menuBar);
    }

    /** The lesson's title and commentary, which folds to one line. */
    public LessonHeader lessonCard() {
        return header;
    }

    /** Where the split panes' dividers are kept per window size; the window makes it outlive this view. */
    public SplitMemory splitMemory() {
        return splits;
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
        boundaryCard.setMinWidth(BOUNDARY_MIN_PLOT + BOUNDARY_MIN_MARGIN * scale);
        sizeCharts();
        fit();
    }

    /**
     * Folds away what a short window has no room for: the graph's legend, the charts. While stepping
     * through, the legends give their room to the pass's numbers: the class has seen them already.
     */
    private void fit() {
        graphCard.setFooterShown(!stepping && graphCard.getHeight() >= ROOM_FOR_GRAPH_LEGEND * scale);
        // The plot grows into the room its legend leaves, so the legend gives way before the plot gets small.
        boundaryCard.setFooterShown(!stepping && work.getHeight() >= BOUNDARY_PLOT + BOUNDARY_CHROME * scale);
        // Judged by the height of the views' area, which the charts do not change: folding them must not unfold them.
        ChartPlace place = chartPlace();
        // The strip's height does not change the card's: the split pane gives the card its height.
        boolean strip = graphCard.getHeight() <= 0
                || graphCard.getHeight() >= STRIP_AND_CHROME * scale + NEURON_SLOT * widestLayer;
        if (place != chartPlace || strip != roomForStrip) {
            chartPlace = place;
            roomForStrip = strip;
            showPanels();
        }
    }

    /**
     * Under the graph while both fit in the height; in a short, wide window (a 720p projector with
     * text scaled up) a column of their own beside the boundary; in a window too small for either, none.
     */
    private ChartPlace chartPlace() {
        double height = work.getHeight();
        double width = work.getWidth();
        if (height <= 0 || height >= chartsMinHeight() + GRAPH_ABOVE_CHARTS * scale) {
            return ChartPlace.UNDER_GRAPH;
        }
        double threeColumns = 2 * COLUMN_MIN_WIDTH * scale + boundaryCard.minWidth(-1);
        return width >= threeColumns ? ChartPlace.BESIDE : ChartPlace.NONE;
    }

    /**
     * The charts may be squeezed to a curve 120 px tall and a column's least width, but no further:
     * the user dragging a divider widens the boundary at the charts' cost only that far.
     */
    private void sizeCharts() {
        if (live != null && live.charts() instanceof Region charts) {
            charts.setMinHeight(chartsMinHeight());
            charts.setMinWidth(COLUMN_MIN_WIDTH);
        }
    }

    private double chartsMinHeight() {
        return CHART_PLOT + CHART_CHROME * scale;
    }

    /** Whether a panel is on screen now: not hidden by the user, nor folded by the step-through or a short window. */
    public boolean showsPanel(Preferences.Panel panel) {
        return switch (panel) {
            case TOOLBAR, SETTINGS -> live != null && liveControlsShown && !hidden.contains(panel);
            case LAYER_STRIP -> live != null && liveControlsShown && roomForStrip && !hidden.contains(panel);
            // A pass's numbers need the room; the curves do not move while it is explained.
            case CHARTS -> live != null && chartPlace != ChartPlace.NONE && !stepping && !hidden.contains(panel);
            case GRAPH, BOUNDARY, STATUS -> !hidden.contains(panel);
        };
    }

    private void showPanels() {
        fold(status, showsPanel(Preferences.Panel.STATUS));
        if (live != null) {
            fold(live.toolbar(), showsPanel(Preferences.Panel.TOOLBAR));
            fold(live.layerStrip(), showsPanel(Preferences.Panel.LAYER_STRIP));
            setLeft(showsPanel(Preferences.Panel.SETTINGS) ? live.settings() : null);
        }
        arrange();
    }

    /**
     * Puts the shown parts into the split panes. A split pane lays out every item it holds, hidden or
     * not, so folding a view means taking it out; the dividers then go back where the user left them.
     */
    private void arrange() {
        boolean charts = showsPanel(Preferences.Panel.CHARTS);
        List<Node> column = new ArrayList<>();
        if (showsPanel(Preferences.Panel.GRAPH)) {
            column.add(graphCard);
        }
        if (charts && chartPlace == ChartPlace.UNDER_GRAPH) {
            column.add(live.charts());
        }
        List<Node> side = new ArrayList<>();
        if (!column.isEmpty()) {
            side.add(graphColumn);
        }
        if (showsPanel(Preferences.Panel.BOUNDARY)) {
            side.add(boundaryCard);
        }
        if (charts && chartPlace == ChartPlace.BESIDE) {
            side.add(live.charts());
        }
        List<Node> whole = new ArrayList<>();
        if (!side.isEmpty()) {
            whole.add(views);
        }
        if (stepping && stepPanel != null) {
            whole.add(stepPanel);
        }
        // Non-short-circuit: every pane gets its items.
        if (setItems(graphColumn, column) | setItems(views, side) | setItems(work, whole)) {
            splits.restore(this);
        }
    }

    /** Gives the pane these items; whether that changed them (and so put its dividers back where they start). */
    private static boolean setItems(SplitPane pane, List<Node> items) {
        if (pane.getItems().equals(items)) {
            return false;
        }
        pane.getItems().setAll(items);
        return true;
    }

    /** The split panes whose dividers the window remembers, each with its name and the divider it starts with. */
    List<SplitMemory.Split> splits() {
        SplitMemory.Split drawings = stepping ? new SplitMemory.Split("views.stepping", views, 0.55)
                : chartPlace == ChartPlace.BESIDE ? new SplitMemory.Split("views.wide", views, 0.34, 0.72)
                : new SplitMemory.Split("views", views, 0.52);
        return List.of(drawings, new SplitMemory.Split("graph-column", graphColumn, 0.64),
                new SplitMemory.Split("work", work, 0.6));
    }

    private static SplitPane split(Orientation orientation, String styleClass) {
        SplitPane pane = new SplitPane();
        pane.setOrientation(orientation);
        pane.getStyleClass().add(styleClass);
        pane.setMinSize(0, 0);
        return pane;
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

    ViewCard boundaryCard() {
        return boundaryCard;
    }
}
