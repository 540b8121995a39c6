package org.backproplab.ui.shell;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.backproplab.ui.common.Messages;
import org.backproplab.ui.common.Palette;
import org.backproplab.ui.help.Legend;

/**
 * Help ▸ Legend: every colour and line style the lab draws, each sample drawn with the very colours
 * the drawings use (the palette, the step-through's colours), beside what it means. It is a window
 * of its own and not modal, so a student can keep it open beside the lab while training runs.
 */
final class LegendWindow {

    /** How many class colours to show: the most any shipped data set has. */
    static final int CLASSES_SHOWN = 3;

    private final Stage stage = new Stage();
    private final Legend samples;
    private final Palette palette;
    private final Messages messages;
    private final VBox sections = new VBox(14);

    LegendWindow(Window owner, Palette palette, Messages messages) {
        this.palette = palette;
        this.messages = messages;
        this.samples = new Legend(palette);
        graph();
        boundary();
        charts();
        stepThrough();
        everywhere();
        sections.getStyleClass().add("help-legend");
        ScrollPane scroll = new ScrollPane(sections);
        scroll.setFitToWidth(true);
        Scene scene = new Scene(scroll, 600, 820);
        scene.getStylesheets().add(LabWindow.stylesheet());
        stage.setScene(scene);
        stage.setTitle(messages.get("help.legend.title"));
        stage.initOwner(owner);
    }

    void show() {
        stage.show();
        stage.toFront();
    }

    Stage stage() {
        return stage;
    }

    private void graph() {
        GridPane rows = section("help.legend.graph");
        entry(rows, samples.line(palette.positive(), false), "help.legend.positive");
        entry(rows, samples.line(palette.negative(), true), "help.legend.negative");
        entry(rows, widths(), "help.legend.width");
        entry(rows, samples.biasMarker(), "help.legend.bias");
        entry(rows, samples.ramp(), "help.legend.nodeMap");
    }

    private void boundary() {
        GridPane rows = section("help.legend.boundary");
        entry(rows, samples.ramp(), "help.legend.heatmap");
        entry(rows, new Rectangle(26, 12, palette.missing()), "help.legend.missing");
        for (int c = 0; c < CLASSES_SHOWN; c++) {
            row(rows, samples.point(palette.classColor(c), true), messages.format("help.legend.class", c));
        }
        entry(rows, samples.point(palette.mutedText(), true), "help.legend.trainPoint");
        entry(rows, samples.point(palette.mutedText(), false), "help.legend.testPoint");
    }

    private void charts() {
        GridPane rows = section("help.legend.charts");
        entry(rows, samples.line(palette.trainingCurve(), false), "help.legend.trainCurve");
        entry(rows, samples.line(palette.testCurve(), true), "help.legend.testCurve");
    }

    private void stepThrough() {
        GridPane rows = section("help.legend.step");
        entry(rows, travelling(palette.forward()), "help.legend.forward");
        entry(rows, travelling(palette.backward()), "help.legend.backward");
        entry(rows, samples.line(palette.update(), false), "help.legend.update");
    }

    private void everywhere() {
        GridPane rows = section("help.legend.everywhere");
        Circle halo = new Circle(10, Color.TRANSPARENT);
        halo.setStroke(palette.highlight());
        halo.setStrokeWidth(3);
        entry(rows, new StackPane(halo, samples.point(palette.classColor(1), true)), "help.legend.halo");
    }

    /** A thin and a thick edge side by side: the width is the size of the weight. */
    private Node widths() {
        Line thin = samples.line(palette.positive(), false);
        thin.setStrokeWidth(1);
        Line thick = samples.line(palette.positive(), false);
        thick.setStrokeWidth(6);
        VBox both = new VBox(7, thin, thick);
        both.setAlignment(Pos.CENTER_LEFT);
        return both;
    }

    /** An edge with a value on its way along it, as the step-through draws them. */
    private Node travelling(Color color) {
        return new StackPane(samples.line(color, false), new Circle(5, color));
    }

    private GridPane section(String key) {
        Label heading = new Label(messages.get(key));
        heading.getStyleClass().add("help-legend-heading");
        GridPane rows = new GridPane(12, 8);
        sections.getChildren().addAll(heading, rows);
        return rows;
    }

    private void entry(GridPane rows, Node sample, String key) {
        row(rows, sample, messages.get(key));
    }

    private void row(GridPane rows, Node sample, String text) {
        Label meaning = new Label(text);
        meaning.setWrapText(true);
        meaning.getStyleClass().add("help-legend-text");
        StackPane cell = new StackPane(sample);
        cell.setMinWidth(50);
        cell.setAlignment(Pos.CENTER);
        int row = rows.getRowCount();
        rows.add(cell, 0, row);
        rows.add(meaning, 1, row);
    }
}
