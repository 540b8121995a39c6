package org.backproplab.ui.math;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.HPos;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.paint.Paint;
import javafx.scene.shape.Polyline;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import org.backproplab.trace.Matrix;
import org.backproplab.trace.SignificantNumber;
import org.backproplab.ui.common.RigidBox;

/**
 * A matrix or vector of recorded values between square brackets, numbers right-aligned in their
 * columns as in a textbook. Its baseline puts the middle row at the height of the operators beside
 * it, so W·a + b reads on one line.
 */
public final class MatrixView extends RigidBox {

    private static final double BRACKET = 6;
    private static final double INSET = 5;

    private final GridPane grid = new GridPane();
    private final Polyline left = new Polyline();
    private final Polyline right = new Polyline();
    private final double size;

    public MatrixView(Matrix matrix, int digits, Font font, Paint ink) {
        this.size = font.getSize();
        grid.setHgap(size * 0.9);
        grid.setVgap(size * 0.15);
        for (int c = 0; c < matrix.cols(); c++) {
            ColumnConstraints column = new ColumnConstraints();
            column.setHalignment(HPos.RIGHT);
            grid.getColumnConstraints().add(column);
        }
        for (int r = 0; r < matrix.rows(); r++) {
            for (int c = 0; c < matrix.cols(); c++) {
                Text cell = new Text(SignificantNumber.plain(matrix.get(r, c), digits));
                cell.setFont(font);
                cell.setFill(ink);
                grid.add(cell, c, r);
            }
        }
        for (Polyline bracket : List.of(left, right)) {
            bracket.setStroke(ink);
            bracket.setStrokeWidth(Math.max(1.2, size / 14));
            bracket.setManaged(false);
        }
        getChildren().addAll(left, grid, right);
        getStyleClass().add("matrix");
    }

    /** The numbers as shown, row by row: what a reader of the screen would read out. */
    public List<List<String>> cells() {
        List<List<String>> rows = new ArrayList<>();
        for (int r = 0; r < grid.getRowCount(); r++) {
            rows.add(new ArrayList<>());
        }
        grid.getChildren().forEach(node ->
                rows.get(GridPane.getRowIndex(node)).add(((Text) node).getText()));
        return rows;
    }

    @Override
    protected double computePrefWidth(double height) {
        return grid.prefWidth(-1) + 2 * (BRACKET + INSET);
    }

    @Override
    protected double computePrefHeight(double width) {
        return grid.prefHeight(-1) + 6;
    }

    @Override
    public double getBaselineOffset() {
        return computePrefHeight(-1) / 2 + MathBoxes.AXIS * size;
    }

    @Override
    protected void layoutChildren() {
        double w = computePrefWidth(-1);
        double h = computePrefHeight(-1);
        grid.resizeRelocate(BRACKET + INSET, 3, grid.prefWidth(-1), grid.prefHeight(-1));
        left.getPoints().setAll(BRACKET, 0.5, 1.0, 0.5, 1.0, h - 0.5, BRACKET, h - 0.5);
        right.getPoints().setAll(w - BRACKET, 0.5, w - 1, 0.5, w - 1, h - 0.5, w - BRACKET, h - 0.5);
    }
}
