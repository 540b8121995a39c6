package org.backproplab.ui.boundary;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.shape.Circle;
import org.backproplab.data.DataPoint;
import org.backproplab.lesson.DataSpec;
import org.backproplab.training.LabSnapshot;
import org.backproplab.training.TrainerCommand;
import org.backproplab.ui.common.Messages;
import org.backproplab.ui.common.Palette;
import org.backproplab.ui.common.PlotFrame;
import org.backproplab.ui.common.Tips;
import org.controlsfx.control.SegmentedButton;

/**
 * The user's own points, edited on the decision boundary: a click adds a point of the class chosen
 * in the palette (Shift-click: class 1), dragging a point moves it, a right-click deletes it. Each
 * edit sends the whole set as inline data, so training carries on with it at once.
 *
 * <p>Every edited point is a training point (a train ratio of 1): a point the user just placed
 * should visibly pull the boundary, and a hidden test/train split would make some clicks seem to do
 * nothing. The first edit of a generated data set therefore turns all its points, test points
 * included, into the user's own training points.
 */
public final class PointEditor {

    private final DecisionBoundaryView boundary;
    private final Messages messages;
    private final Palette palette;
    private final Consumer<TrainerCommand> send;
    /** Editing is off while something else owns clicks on the boundary (the step-through). */
    private final BooleanSupplier enabled;
    private final SegmentedButton classChoice = new SegmentedButton();
    private final HBox tools;
    private List<DataPoint> points = List.of();
    private int classes;
    /** The point under the press, while it is held; −1 for none. */
    private int held = -1;
    private boolean pressedOnPoint;

    public PointEditor(DecisionBoundaryView boundary, Messages messages, Palette palette, Consumer<TrainerCommand> send,
            BooleanSupplier enabled) {
        this.boundary = boundary;
        this.messages = messages;
        this.palette = palette;
        this.send = send;
        this.enabled = enabled;
        Button clear = new Button(messages.get("points.clear"));
        clear.setId("clear-points");
        clear.setFocusTraversable(false);
        clear.setTooltip(Tips.of(messages.get("points.clear.tip")));
        clear.setOnAction(event -> clear());
        classChoice.getStyleClass().add("card-toggle");
        classChoice.setId("point-class");
        tools = new HBox(6, classChoice, clear);
        tools.setAlignment(Pos.CENTER_LEFT);
        tools.getStyleClass().add("point-tools");
        Tooltip.install(boundary, Tips.of(messages.get("points.tip")));
        boundary.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        boundary.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        boundary.addEventHandler(MouseEvent.MOUSE_RELEASED, event -> held = -1);
        boundary.addEventHandler(MouseEvent.MOUSE_CLICKED, this::clicked);
    }

    /** The class palette and the clear button, for beside the boundary. */
    public Node tools() {
        return tools;
    }

    /**
     * Takes the points from a snapshot that shows every command sent; an older one would undo the
     * edits still on their way. While a point is held, the editor's own list is the truth.
     */
    public void show(LabSnapshot lab, boolean settled) {
        if (lab.classes() != classes) {
            classes = lab.classes();
            buildClassChoice();
        }
        tools.setVisible(classes >= 2);
        tools.setManaged(classes >= 2);
        if (settled && held < 0) {
            List<DataPoint> all = new ArrayList<>(lab.trainPoints());
            all.addAll(lab.testPoints());
            points = all;
        }
    }

    /** The class a plain click adds. */
    int chosenClass() {
        List<ToggleButton> buttons = classChoice.getButtons();
        for (int i = 0; i < buttons.size(); i++) {
            if (buttons.get(i).isSelected()) {
                return i;
            }
        }
        return 0;
    }

    private void buildClassChoice() {
        classChoice.getButtons().clear();
        for (int c = 0; c < classes; c++) {
            // Just the class's colour: the legend beside it names the classes, and the room is narrow.
            ToggleButton button = new ToggleButton();
            button.setGraphic(new Circle(5, palette.classColor(c)));
            button.setId("point-class-" + c);
            button.setFocusTraversable(false);
            button.setTooltip(Tips.of(messages.format("points.class", c) + "\n" + messages.get("points.tip")));
            button.setOnAction(event -> button.setSelected(true));
            classChoice.getButtons().add(button);
        }
        if (!classChoice.getButtons().isEmpty()) {
            classChoice.getButtons().getFirst().setSelected(true);
        }
    }

    private boolean editable() {
        return enabled.getAsBoolean() && classes >= 2 && boundary.frame() != null;
    }

    private void pressed(MouseEvent event) {
        pressedOnPoint = false;
        if (!editable()) {
            return;
        }
        int hit = pointAt(event.getX(), event.getY());
        pressedOnPoint = hit >= 0;
        if (event.getButton() == MouseButton.PRIMARY) {
            held = hit;
        }
    }

    private void dragged(MouseEvent event) {
        if (held < 0 || !editable() || !inside(event.getX(), event.getY())) {
            return;
        }
        PlotFrame frame = boundary.frame();
        DataPoint old = points.get(held);
        edit(list -> list.set(held, new DataPoint(frame.x1(event.getX()), frame.x2(event.getY()), old.label(), old.targets())));
    }

    private void clicked(MouseEvent event) {
        if (!editable() || !event.isStillSincePress()) {
            return;
        }
        if (event.getButton() == MouseButton.SECONDARY) {
            int hit = pointAt(event.getX(), event.getY());
            if (hit >= 0) {
                edit(list -> list.remove(hit));
            }
        } else if (event.getButton() == MouseButton.PRIMARY && !pressedOnPoint && inside(event.getX(), event.getY())) {
            PlotFrame frame = boundary.frame();
            int label = event.isShiftDown() ? 1 : chosenClass();
            edit(list -> list.add(new DataPoint(frame.x1(event.getX()), frame.x2(event.getY()), label)));
        }
    }

    private void clear() {
        edit(List::clear);
    }

    private void edit(Consumer<List<DataPoint>> change) {
        List<DataPoint> edited = new ArrayList<>(points);
        change.accept(edited);
        points = edited;
        send.accept(new TrainerCommand.SetData(new DataSpec.Inline(edited, classes, 1.0)));
    }

    /** The point drawn under a pixel, the nearest if several overlap; −1 for none. */
    private int pointAt(double x, double y) {
        PlotFrame frame = boundary.frame();
        double best = boundary.pointRadius() + 3;
        int nearest = -1;
        for (int i = 0; i < points.size(); i++) {
            double distance = frame.pixel(points.get(i).x1(), points.get(i).x2()).distance(x, y);
            if (distance <= best) {
                best = distance;
                nearest = i;
            }
        }
        return nearest;
    }

    private boolean inside(double x, double y) {
        PlotFrame frame = boundary.frame();
        return x >= frame.left() && x <= frame.right() && y >= frame.top() && y <= frame.bottom();
    }
}
