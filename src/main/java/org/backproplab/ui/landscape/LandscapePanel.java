package org.backproplab.ui.landscape;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.backproplab.engine.GradientCheck;
import org.backproplab.engine.LandscapePlane;
import org.backproplab.training.FaultLog;
import org.backproplab.training.LandscapePicture;
import org.backproplab.training.LandscapeWorker;
import org.backproplab.training.TrainerSnapshot;
import org.backproplab.ui.common.Messages;
import org.backproplab.ui.common.Palette;
import org.backproplab.ui.common.ParameterLabel;
import org.backproplab.ui.common.Tips;
import org.backproplab.ui.graph.NetworkGraphView;

/**
 * The loss landscape, docked at the window's right beside the gradient check: the training loss
 * over a plane through the weights now, with the path training took on it. The plane is two random
 * directions, or two parameters the user picks by clicking them in the network graph. A
 * {@link LandscapeWorker} computes everything on its own thread while the panel is open; the panel
 * hands it each snapshot and, each frame, draws the worker's newest picture.
 */
public final class LandscapePanel extends VBox {

    /** Ctrl+L (⌘L on a Mac) opens and closes the panel: the View menu item's accelerator. */
    static final KeyCombination SHORTCUT = KeyCombination.keyCombination("Shortcut+L");

    /** The panel's share of the window's width, and the bounds of its width in pixels. */
    private static final double WINDOW_SHARE = 0.34;
    private static final double LEAST_WIDTH = 300;
    private static final double MOST_WIDTH = 560;

    private final Messages messages;
    private final FaultLog faults;
    private final ToggleButton toggle;
    private final ToggleButton random;
    private final ToggleButton pick;
    private final Label status = new Label();
    private final LandscapeMap map;
    private final ParameterPicker picker;
    private final AnimationTimer frames;
    /** Running only while the panel is open: a closed panel costs no thread and no frame time. */
    private LandscapeWorker worker;
    private TrainerSnapshot latest;
    private LandscapePlane plane = new LandscapePlane.RandomDirections(1);
    private long randomDraws = 1;
    private long recomputes;
    /** The x parameter picked, while waiting for the y. */
    private GradientCheck.Parameter firstPick;
    private LandscapePicture shown;

    /**
     * What a new look (language, theme) keeps of the panel: whether it is open, and its plane.
     *
     * @param plane the two parameters picked, or the random directions last drawn
     */
    public record Choice(boolean open, LandscapePlane plane) {

        public static Choice first() {
            return new Choice(false, new LandscapePlane.RandomDirections(1));
        }
    }

    public LandscapePanel(Messages messages, Palette palette, NetworkGraphView graph, FaultLog faults) {
        this.messages = messages;
        this.faults = faults;
        this.map = new LandscapeMap(palette, messages);
        this.picker = new ParameterPicker(graph);
        getStyleClass().add("landscape-panel");
        setSpacing(8);

        toggle = new ToggleButton(messages.get("landscape.toggle"));
        toggle.setId("landscape-toggle");
        toggle.getStyleClass().add("landscape-toggle");
        toggle.setTooltip(Tips.of(messages.get("landscape.toggle.tip")));
        toggle.setFocusTraversable(false);
        visibleProperty().bind(toggle.selectedProperty());
        managedProperty().bind(toggle.selectedProperty());
        toggle.selectedProperty().addListener((property, was, on) -> opened(on));
        // A share of the window rather than a fixed width: at 1024 px a fixed one crushed the graph.
        sceneProperty().addListener((property, before, scene) -> {
            prefWidthProperty().unbind();
            if (scene != null) {
                prefWidthProperty().bind(Bindings.createDoubleBinding(
                        () -> Math.clamp(scene.getWidth() * WINDOW_SHARE, LEAST_WIDTH, MOST_WIDTH), scene.widthProperty()));
            }
        });

        Label title = new Label(messages.get("landscape.title"));
        title.getStyleClass().add("landscape-title");
        Label explanation = new Label(messages.get("landscape.explanation"));
        explanation.setWrapText(true);
        explanation.getStyleClass().add("landscape-explanation");

        ToggleGroup planes = new ToggleGroup();
        random = new ToggleButton(messages.get("landscape.random"));
        random.setId("landscape-random");
        random.setTooltip(Tips.of(messages.get("landscape.random.tip")));
        random.setToggleGroup(planes);
        random.setSelected(true);
        random.setOnAction(event -> chooseRandom());
        pick = new ToggleButton(messages.get("landscape.pick"));
        pick.setId("landscape-pick");
        pick.setTooltip(Tips.of(messages.get("landscape.pick.tip")));
        pick.setToggleGroup(planes);
        pick.setOnAction(event -> startPicking());
        Button recompute = new Button(messages.get("landscape.recompute"));
        recompute.setId("landscape-recompute");
        recompute.setTooltip(Tips.of(messages.get("landscape.recompute.tip")));
        recompute.setOnAction(event -> {
            recomputes++;
            offer();
        });
        // Wrapping: in Chinese, or at a presenter's text size, the three no longer fit on one line.
        FlowPane choices = new FlowPane(8, 6, random, pick, recompute);
        choices.getStyleClass().add("landscape-choices");
        status.setId("landscape-status");
        status.setWrapText(true);
        status.getStyleClass().add("landscape-status");
        VBox.setVgrow(map, Priority.ALWAYS);
        map.setMinSize(200, 200);
        getChildren().addAll(title, explanation, choices, status, map);

        frames = new AnimationTimer() {
            @Override
            public void handle(long now) {
                showPicture();
            }
        };
    }

    /** The switch in the header row. */
    public ToggleButton toggle() {
        return toggle;
    }

    /** A View-menu item that opens and closes the panel, its check mark following the switch. */
    public CheckMenuItem menuItem() {
        CheckMenuItem item = new CheckMenuItem(messages.get("landscape.menu"));
        item.setId("view-landscape");
        item.setAccelerator(SHORTCUT);
        item.selectedProperty().bindBidirectional(toggle.selectedProperty());
        return item;
    }

    /** Takes the newest snapshot; the worker hears of it only while the panel is open. */
    public void show(TrainerSnapshot snapshot) {
        latest = snapshot;
        offer();
    }

    /** Whether the panel is open, and on which plane: to hand to the next content's panel. */
    public Choice choice() {
        return new Choice(toggle.isSelected(), plane);
    }

    /** Opens the panel as {@code choice} has it, on its plane: the previous content's panel, carried over. */
    public void restore(Choice choice) {
        plane = choice.plane();
        switch (plane) {
            case LandscapePlane.RandomDirections drawn -> randomDraws = drawn.seed();
            case LandscapePlane.TwoParameters two -> pick.setSelected(true);
        }
        toggle.setSelected(choice.open());
    }

    /** Stops the worker and the frame timer: this panel's window content is being replaced or closed; again, nothing. */
    public void retire() {
        toggle.setSelected(false);
        opened(false);
    }

    private void opened(boolean on) {
        if (on && worker == null) {
            worker = new LandscapeWorker(faults);
            shown = null;
            frames.start();
            offer();
        } else if (!on && worker != null) {
            frames.stop();
            worker.close();
            worker = null;
            picker.disarm();
            if (pick.isSelected() && !(plane instanceof LandscapePlane.TwoParameters)) {
                random.setSelected(true);
            }
        }
    }

    private void offer() {
        if (worker != null && latest != null) {
            worker.offer(latest, plane, recomputes);
        }
    }

    /** Each press draws two new directions: another look at the same weights. */
    private void chooseRandom() {
        picker.disarm();
        random.setSelected(true);
        plane = new LandscapePlane.RandomDirections(++randomDraws);
        offer();
    }

    private void startPicking() {
        pick.setSelected(true);
        firstPick = null;
        status.setText(messages.get("landscape.pick.first"));
        picker.arm(this::pickedFirst);
    }

    private void pickedFirst(GradientCheck.Parameter x) {
        firstPick = x;
        status.setText(messages.format("landscape.pick.second", name(x)));
        picker.arm(this::pickedSecond);
    }

    private void pickedSecond(GradientCheck.Parameter y) {
        if (y.equals(firstPick)) {
            status.setText(messages.format("landscape.pick.same", name(y)));
            picker.arm(this::pickedSecond);
            return;
        }
        plane = new LandscapePlane.TwoParameters(firstPick, y);
        firstPick = null;
        offer();
    }

    private void showPicture() {
        if (worker == null) {
            return;
        }
        LandscapePicture picture = worker.picture();
        if (picture == shown) {
            return;
        }
        shown = picture;
        switch (picture) {
            case LandscapePicture.Ready ready -> {
                map.show(ready, this::axisNames);
                if (!picker.armed()) {
                    status.setText(messages.format("landscape.status", axisNames(ready).get(0), axisNames(ready).get(1)));
                }
            }
            case LandscapePicture.Unavailable unavailable -> {
                map.clear();
                status.setText(messages.get("landscape.unavailable." + unavailable.reason().name().toLowerCase(Locale.ROOT)));
            }
        }
    }

    /** The axes' names as the formulas write them (w₂₁⁽¹⁾), or "direction 1" and "direction 2". */
    private List<String> axisNames(LandscapePicture.Ready picture) {
        return switch (picture.plane()) {
            case LandscapePlane.TwoParameters two -> List.of(name(two.x()), name(two.y()));
            case LandscapePlane.RandomDirections random -> List.of(messages.format("landscape.direction", 1),
                    messages.format("landscape.direction", 2));
        };
    }

    private static String name(GradientCheck.Parameter parameter) {
        return ParameterLabel.of(parameter);
    }

    /** What the map shows now, for tests. */
    LandscapeMap map() {
        return map;
    }

    Optional<LandscapePicture> shown() {
        return Optional.ofNullable(shown);
    }
}
