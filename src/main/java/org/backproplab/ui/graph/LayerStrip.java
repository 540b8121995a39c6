package org.backproplab.ui.graph;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.backproplab.engine.Activation;
import org.backproplab.engine.InputFeature;
import org.backproplab.engine.LayerSpec;
import org.backproplab.engine.NetworkRules;
import org.backproplab.lesson.Lesson;
import org.backproplab.training.FeatureLabel;
import org.backproplab.training.TrainerCommand;
import org.backproplab.ui.common.Messages;
import org.backproplab.ui.common.Tips;

/**
 * Changing the network where it is drawn: above each column of the graph, the inputs' features,
 * each hidden layer's neurons (− +) and activation, and over the output "+ layer" (a hidden layer
 * before the output) and the output's activation. Everything sits over its own column, so a class
 * sees which layer a click changes. Training goes on through every change.
 */
public final class LayerStrip extends Pane {

    /** Narrower columns than this show the neuron buttons inside the layer's menu only. */
    private static final double ROOM_FOR_BUTTONS = 64;
    /** Narrower columns than this show their menus as bare arrows (the graph's captions still say what they are). */
    private static final double ROOM_FOR_NAMES = 96;
    private static final double ROW_GAP = 4;

    private final Messages messages;
    private final Consumer<TrainerCommand> send;
    private final NetworkGraphView graph;
    private final Button addLayer = new Button();
    private final List<Node> columns = new ArrayList<>();
    private final List<Node> neuronButtons = new ArrayList<>();
    /** Each menu's full name and the short one it shows when columns are close together. */
    private final Map<MenuButton, List<String>> menuNames = new HashMap<>();
    /** What the controls were last built for: rebuilt only when the features or layers change. */
    private Lesson builtFor;

    /** @param graph the network graph under the strip, whose columns the controls line up with */
    public LayerStrip(Messages messages, Consumer<TrainerCommand> send, NetworkGraphView graph) {
        this.messages = messages;
        this.send = send;
        this.graph = graph;
        addLayer.setText(messages.get("strip.addLayer"));
        addLayer.setId("add-layer");
        addLayer.getStyleClass().addAll("strip-button", "add-layer");
        addLayer.setTooltip(Tips.of(messages.get("strip.addLayer.tip")));
        addLayer.setFocusTraversable(false);
        graph.widthProperty().addListener((property, before, width) -> requestLayout());
        graph.heightProperty().addListener((property, before, height) -> requestLayout());
        getStyleClass().add("layer-strip");
        // The graph gives way to the controls above it, never the other way round.
        setMinHeight(Region.USE_PREF_SIZE);
    }

    /** Shows controls for the network the lesson describes now. */
    public void show(Lesson lesson) {
        if (builtFor != null && builtFor.features().equals(lesson.features()) && builtFor.layers().equals(lesson.layers())) {
            builtFor = lesson;
            return;
        }
        builtFor = lesson;
        columns.clear();
        neuronButtons.clear();
        menuNames.clear();
        columns.add(featureMenu(lesson.features()));
        List<LayerSpec> layers = lesson.layers();
        for (int l = 0; l < layers.size() - 1; l++) {
            columns.add(hiddenLayerControls(l, layers));
        }
        int last = layers.size() - 1;
        addLayer.setDisable(NetworkRules.layerCount(layers.size() + 1).isPresent());
        addLayer.setOnAction(event -> {
            // The new layer is like the one before it: the class sees the net grow, not change character.
            LayerSpec like = last > 0 ? layers.get(last - 1) : new LayerSpec(4, Activation.TANH);
            send.accept(new TrainerCommand.AddLayer(last, like.size(), like.activation()));
        });
        columns.add(column(addLayer, outputMenu(lesson)));
        getChildren().setAll(columns);
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        if (builtFor == null || graph.getWidth() <= 0) {
            return;
        }
        List<Integer> shape = new ArrayList<>();
        shape.add(builtFor.features().size());
        builtFor.layers().forEach(layer -> shape.add(layer.size()));
        GraphGeometry geometry = GraphGeometry.of(shape, graph.getWidth(), Math.max(graph.getHeight(), 1),
                graph.drawingScale());
        double gap = columns.size() > 1 ? geometry.columnX(1) - geometry.columnX(0) : graph.getWidth();
        boolean roomForButtons = gap >= ROOM_FOR_BUTTONS;
        neuronButtons.forEach(buttons -> {
            buttons.setVisible(roomForButtons);
            buttons.setManaged(roomForButtons);
        });
        boolean roomForNames = gap >= ROOM_FOR_NAMES;
        menuNames.forEach((menu, names) -> menu.setText(names.get(roomForNames ? 0 : 1)));
        addLayer.setText(messages.get(roomForNames ? "strip.addLayer" : "strip.addLayer.short"));
        double top = snappedTopInset();
        for (int column = 0; column < columns.size(); column++) {
            Node controls = columns.get(column);
            double width = Math.min(controls.prefWidth(-1), Math.max(gap - 8, 40));
            double height = controls.prefHeight(width);
            controls.resizeRelocate(Math.round(geometry.columnX(column) - width / 2), top, width, height);
        }
    }

    @Override
    protected double computePrefHeight(double width) {
        double tallest = 0;
        for (Node child : getChildren()) {
            tallest = Math.max(tallest, child.prefHeight(-1));
        }
        return snappedTopInset() + tallest + snappedBottomInset();
    }

    private Node featureMenu(List<InputFeature> features) {
        MenuButton menu = menuButton(messages.get("strip.features"), "x", messages.get("strip.features.tip"));
        Set<InputFeature> chosen = EnumSet.copyOf(features);
        for (InputFeature feature : InputFeature.values()) {
            CheckMenuItem item = new CheckMenuItem(FeatureLabel.of(feature));
            item.setSelected(chosen.contains(feature));
            // The network needs at least one input: the last one cannot be switched off.
            item.setDisable(chosen.contains(feature) && NetworkRules.features(features.stream()
                    .filter(other -> other != feature).toList()).isPresent());
            item.setOnAction(event -> {
                EnumSet<InputFeature> wanted = EnumSet.copyOf(chosen);
                if (item.isSelected()) {
                    wanted.add(feature);
                } else {
                    wanted.remove(feature);
                }
                send.accept(new TrainerCommand.SetFeatures(List.copyOf(wanted)));
            });
            menu.getItems().add(item);
        }
        return column(menu);
    }

    private Node hiddenLayerControls(int layer, List<LayerSpec> layers) {
        LayerSpec spec = layers.get(layer);
        Button fewer = stripButton("−", messages.get("strip.removeNeuron.tip"), new TrainerCommand.RemoveNeuron(layer));
        fewer.setDisable(NetworkRules.layerSize(spec.size() - 1).isPresent());
        Button more = stripButton("+", messages.get("strip.addNeuron.tip"), new TrainerCommand.AddNeuron(layer));
        more.setDisable(NetworkRules.layerSize(spec.size() + 1).isPresent());
        HBox buttons = new HBox(4, fewer, more);
        buttons.setAlignment(Pos.CENTER);
        neuronButtons.add(buttons);

        MenuButton menu = activationMenu(spec.activation(), NetworkRules.offeredActivations(layer, layers.size(), spec.size()),
                activation -> new TrainerCommand.SetActivation(layer, activation));
        MenuItem addNeuron = item("strip.addNeuron", new TrainerCommand.AddNeuron(layer));
        addNeuron.setDisable(more.isDisable());
        MenuItem removeNeuron = item("strip.removeNeuron", new TrainerCommand.RemoveNeuron(layer));
        removeNeuron.setDisable(fewer.isDisable());
        MenuItem insertLayer = item("strip.insertLayer", new TrainerCommand.AddLayer(layer + 1, spec.size(), spec.activation()));
        insertLayer.setDisable(addLayer.isDisable());
        menu.getItems().addAll(new SeparatorMenuItem(), addNeuron, removeNeuron, new SeparatorMenuItem(), insertLayer,
                item("strip.removeLayer", new TrainerCommand.RemoveLayer(layer)));
        return column(buttons, menu, remedies(new DropoutMenu(messages, send, layer, spec.dropout()),
                new BatchNormToggle(messages, send, layer, spec)));
    }

    private MenuButton outputMenu(Lesson lesson) {
        int layer = lesson.layers().size() - 1;
        LayerSpec output = lesson.layers().getLast();
        // The trainer brings a loss that can follow the chosen activation, if the one in use cannot.
        return activationMenu(output.activation(), NetworkRules.offeredActivations(layer, layer + 1, output.size()),
                TrainerCommand.ChooseOutputActivation::new);
    }

    /** A menu button showing the layer's activation, offering the others, each choice sent as {@code choose} makes it. */
    private MenuButton activationMenu(Activation current, List<Activation> offered,
            Function<Activation, TrainerCommand> choose) {
        MenuButton menu = menuButton(messages.get("activation." + current.id()), shortName(current),
                messages.get("strip.activation.tip"));
        ToggleGroup group = new ToggleGroup();
        for (Activation activation : offered) {
            RadioMenuItem item = new RadioMenuItem(messages.get("activation." + activation.id()));
            item.setToggleGroup(group);
            item.setSelected(activation == current);
            item.setOnAction(event -> {
                if (activation != current) {
                    send.accept(choose.apply(activation));
                }
            });
            menu.getItems().add(item);
        }
        return menu;
    }

    /** How an activation is written when there is no room for its name: the symbol a board would use. */
    private static String shortName(Activation activation) {
        return switch (activation) {
            case SIGMOID -> "σ";
            case TANH -> "tanh";
            case RELU -> "ReLU";
            case LEAKY_RELU -> "LReLU";
            case LINEAR -> "id";
            case SOFTMAX -> "soft";
        };
    }

    private MenuButton menuButton(String text, String shortText, String tip) {
        MenuButton menu = new MenuButton(text);
        menuNames.put(menu, List.of(text, shortText));
        menu.setTooltip(Tips.of(tip));
        menu.setFocusTraversable(false);
        menu.getStyleClass().add("strip-menu");
        menu.setMinWidth(0);
        return menu;
    }

    private Button stripButton(String text, String tip, TrainerCommand command) {
        Button button = new Button(text);
        button.setTooltip(Tips.of(tip));
        button.setFocusTraversable(false);
        button.getStyleClass().add("strip-button");
        button.setOnAction(event -> send.accept(command));
        return button;
    }

    private MenuItem item(String key, TrainerCommand command) {
        MenuItem item = new MenuItem(messages.get(key));
        item.setOnAction(event -> send.accept(command));
        return item;
    }

    /** A hidden layer's remedies on one row, so that they cost the graph one row of height, not two. */
    private static Node remedies(DropoutMenu dropout, BatchNormToggle batchNorm) {
        dropout.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(dropout, Priority.ALWAYS);
        // The dropout menu shortens its text in a narrow column; "BN" is already as short as it gets.
        batchNorm.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(4, dropout, batchNorm);
        row.setAlignment(Pos.CENTER);
        return row;
    }

    private static Node column(Node... rows) {
        VBox column = new VBox(ROW_GAP, rows);
        column.setAlignment(Pos.TOP_CENTER);
        column.setFillWidth(true);
        for (Node row : rows) {
            if (row instanceof Region region) {
                region.setMaxWidth(Double.MAX_VALUE);
            }
        }
        return column;
    }
}
