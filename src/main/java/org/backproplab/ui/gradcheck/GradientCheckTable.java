package org.backproplab.ui.gradcheck;

import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import org.backproplab.engine.GradientCheck;
import org.backproplab.trace.SignificantNumber;
import org.backproplab.training.NetworkSnapshot;
import org.backproplab.ui.common.GraphNames;
import org.backproplab.ui.common.Icons;
import org.backproplab.ui.common.Messages;
import org.backproplab.ui.common.ParameterLabel;

/**
 * The gradient check parameter by parameter: its name as the formulas write it (w₁₂⁽¹⁾), the
 * derivative backpropagation computed, the central difference, their relative error, and whether
 * it passes. Rows that fail are tinted and say so in words, so colour is never the only sign.
 */
final class GradientCheckTable extends TableView<GradientCheckTable.Row> {

    private static final PseudoClass FAILING = PseudoClass.getPseudoClass("failing");

    /** One parameter's line: what it is called, what it joins, and its comparison. */
    record Row(String name, String joins, GradientCheck.Comparison comparison) {
    }

    private final Messages messages;
    private final GraphNames names;

    /** Relative errors matter by their order of magnitude: two digits say it. */
    static final int ERROR_DIGITS = 2;
    private static final double NAME_WIDTH = 64;
    private static final double VERDICT_WIDTH = 86;

    GradientCheckTable(Messages messages, int derivativeDigits) {
        this.messages = messages;
        this.names = new GraphNames(messages);
        setId("gradcheck-table");
        getStyleClass().add("gradcheck-table");
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        setPlaceholder(new Label(messages.get("gradcheck.table.empty")));
        TableColumn<Row, String> name = column("gradcheck.column.parameter", Row::name);
        fixWidth(name, NAME_WIDTH);
        getColumns().add(name);
        getColumns().add(column("gradcheck.column.analytic",
                row -> SignificantNumber.plain(row.comparison().analytic(), derivativeDigits)));
        getColumns().add(column("gradcheck.column.numeric",
                row -> SignificantNumber.plain(row.comparison().numeric(), derivativeDigits)));
        getColumns().add(column("gradcheck.column.error",
                row -> SignificantNumber.plain(row.comparison().relativeError(), ERROR_DIGITS)));
        TableColumn<Row, Row> verdict = new TableColumn<>(messages.get("gradcheck.column.verdict"));
        verdict.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        verdict.setCellFactory(column -> new VerdictCell());
        verdict.setSortable(false);
        fixWidth(verdict, VERDICT_WIDTH);
        getColumns().add(verdict);
        setRowFactory(table -> new TableRow<>() {
            @Override
            protected void updateItem(Row row, boolean empty) {
                super.updateItem(row, empty);
                boolean failing = !empty && row != null && !row.comparison().passes();
                pseudoClassStateChanged(FAILING, failing);
                setTooltip(empty || row == null ? null : new Tooltip(row.joins()));
            }
        });
    }

    /** Shows one line per comparison; {@code network} is the one checked, for naming what each weight joins. */
    void show(List<GradientCheck.Comparison> comparisons, NetworkSnapshot network) {
        getItems().setAll(comparisons.stream().map(comparison -> row(comparison, network)).toList());
    }

    private Row row(GradientCheck.Comparison comparison, NetworkSnapshot network) {
        return switch (comparison.parameter()) {
            case GradientCheck.Parameter.Weight weight -> new Row(
                    ParameterLabel.of(weight),
                    messages.format("name.weight", names.node(network, weight.layer(), weight.input()),
                            names.node(network, weight.layer() + 1, weight.neuron())),
                    comparison);
            case GradientCheck.Parameter.Bias bias -> new Row(
                    ParameterLabel.of(bias),
                    messages.format("gradcheck.biasOf", names.node(network, bias.layer() + 1, bias.neuron())),
                    comparison);
            case GradientCheck.Parameter.Gamma gamma -> new Row(
                    ParameterLabel.of(gamma),
                    messages.format("gradcheck.gammaOf", names.node(network, gamma.layer() + 1, gamma.neuron())),
                    comparison);
            case GradientCheck.Parameter.Beta beta -> new Row(
                    ParameterLabel.of(beta),
                    messages.format("gradcheck.betaOf", names.node(network, beta.layer() + 1, beta.neuron())),
                    comparison);
        };
    }

    /** The name and the verdict are short: the numbers get the rest of the width. */
    private static void fixWidth(TableColumn<Row, ?> column, double width) {
        column.setMinWidth(width);
        column.setPrefWidth(width);
        column.setMaxWidth(width);
    }

    private TableColumn<Row, String> column(String key, Function<Row, String> text) {
        TableColumn<Row, String> column = new TableColumn<>(messages.get(key));
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(text.apply(cell.getValue())));
        column.setSortable(false);
        return column;
    }

    /** ✔ passes / ✘ fails: an icon and a word. */
    private final class VerdictCell extends TableCell<Row, Row> {
        @Override
        protected void updateItem(Row row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            boolean passes = row.comparison().passes();
            setText(messages.get(passes ? "gradcheck.row.pass" : "gradcheck.row.fail"));
            setGraphic(passes ? Icons.check() : Icons.cross());
            getStyleClass().removeAll("pass", "fail");
            getStyleClass().add(passes ? "pass" : "fail");
        }
    }
}
