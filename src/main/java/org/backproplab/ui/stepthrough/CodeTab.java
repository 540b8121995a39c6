package org.backproplab.ui.stepthrough;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.geometry.Orientation;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.backproplab.lesson.CodeListing;
import org.backproplab.lesson.Lesson;
import org.backproplab.lesson.NumpyStep;
import org.backproplab.lesson.PythonTokens;
import org.backproplab.lesson.StepVariables;
import org.backproplab.trace.Matrix;
import org.backproplab.trace.SignificantNumber;
import org.backproplab.trace.StepTrace;
import org.backproplab.trace.SubStep;
import org.backproplab.ui.common.Messages;
import org.backproplab.ui.common.Tips;

/**
 * The step-through's Code tab: the lesson's training step as NumPy, the lines of the current
 * sub-step lit and scrolled into view, and beside them the values those lines read and write, with
 * their shapes, from the pass's trace. The code is the exported program's step ({@link NumpyStep});
 * its text follows the window's text scale (lab.css sizes it in em).
 */
final class CodeTab {

    private final Messages messages;
    private final Tab tab;
    private final VBox code = new VBox();
    private final ScrollPane codeScroll = new ScrollPane(code);
    private final FlowPane values = new FlowPane(18, 8);
    private final Label valuesHeading = new Label();
    private final Button copy = new Button();
    private final List<TextFlow> lines = new ArrayList<>();
    private CodeListing listing;
    private List<Integer> lit = List.of();
    private List<StepVariables.Variable> shown = List.of();

    CodeTab(Messages messages) {
        this.messages = messages;
        code.getStyleClass().add("code-lines");
        // Code is never wrapped: a long line scrolls sideways rather than read as two statements.
        codeScroll.setFitToWidth(false);
        // At least as wide as the tab, so a lit line is lit from edge to edge, not to its last character.
        codeScroll.viewportBoundsProperty().addListener((property, before, bounds) -> code.setMinWidth(bounds.getWidth()));
        codeScroll.getStyleClass().addAll("formula-scroll", "code-scroll");
        values.getStyleClass().add("code-values");
        valuesHeading.getStyleClass().add("code-values-heading");
        valuesHeading.setWrapText(true);
        ScrollPane valuesScroll = new ScrollPane(new VBox(6, valuesHeading, values));
        valuesScroll.setFitToWidth(true);
        valuesScroll.getStyleClass().addAll("formula-scroll", "code-values-scroll");

        copy.setText(messages.get("step.code.copy"));
        copy.setTooltip(Tips.of(messages.get("step.code.copy.tooltip")));
        copy.getStyleClass().add("code-copy");
        copy.setOnAction(event -> copyCode());
        Label about = new Label(messages.get("step.code.about"));
        about.getStyleClass().add("code-about");
        about.setWrapText(true);
        about.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(about, Priority.ALWAYS);
        about.setMaxWidth(Double.MAX_VALUE);
        HBox bar = new HBox(10, about, copy);
        bar.setAlignment(Pos.CENTER_LEFT);
        copy.setMinWidth(Region.USE_PREF_SIZE);

        // The lines above, what they hold below, as a debugger shows them; both keep the panel's width.
        SplitPane split = new SplitPane(codeScroll, valuesScroll);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.6);
        split.getStyleClass().add("code-split");
        VBox.setVgrow(split, Priority.ALWAYS);
        VBox content = new VBox(6, bar, split);
        content.getStyleClass().add("step-code");
        tab = new Tab(messages.get("step.tab.code"), content);
        tab.setId("step-code-tab");
        showValues(List.of(), messages.get("step.code.noValues"));
    }

    Tab tab() {
        return tab;
    }

    /**
     * Shows the training step of {@code settings} with the lines of sub-step {@code at} lit, and the
     * values they read and write in {@code trace}; with no sub-step (an epoch, or before the first
     * pass) the code alone.
     */
    void show(Lesson settings, Optional<StepTrace> trace, Optional<SubStep> at, int digits) {
        CodeListing wanted = CodeListing.of(NumpyStep.of(settings));
        if (!wanted.equals(listing)) {
            listing = wanted;
            // The lit numbers counted lines of the old listing; the new lines start unlit.
            lit = List.of();
            lines.clear();
            code.getChildren().clear();
            for (int i = 0; i < listing.lines().size(); i++) {
                TextFlow line = line(i, listing.lines().get(i));
                lines.add(line);
                code.getChildren().add(line);
            }
        }
        for (int i : lit) {
            lines.get(i).getStyleClass().remove("code-line-current");
        }
        lit = at.map(listing::linesOf).orElse(List.of());
        for (int i : lit) {
            lines.get(i).getStyleClass().add("code-line-current");
        }
        if (!lit.isEmpty()) {
            scrollTo(lines.get(lit.getFirst()));
        }
        if (trace.isPresent() && at.isPresent()) {
            showValues(StepVariables.of(trace.get(), at.get()), null);
            valuesHeading.setText(messages.get("step.code.values"));
            renderValues(digits);
        } else {
            showValues(List.of(), messages.get("step.code.noValues"));
        }
    }

    /** The numbers of the lines lit now, counting from 0. */
    List<Integer> litLines() {
        return lit;
    }

    /** The variables the values pane lists now. */
    List<StepVariables.Variable> shownVariables() {
        return shown;
    }

    /** The code's lines as shown, for tests and the clipboard. */
    String text() {
        return listing == null ? "" : listing.text();
    }

    private void showValues(List<StepVariables.Variable> variables, String note) {
        shown = variables;
        if (note != null) {
            valuesHeading.setText(note);
            values.getChildren().clear();
        }
    }

    private void renderValues(int digits) {
        values.getChildren().clear();
        // What the lines compute comes first: it is the news of the sub-step, and must not hide below the fold.
        List<StepVariables.Variable> newsFirst = new ArrayList<>(shown);
        newsFirst.sort(Comparator.comparing(variable -> !variable.written()));
        for (StepVariables.Variable variable : newsFirst) {
            Text name = new Text(variable.name());
            name.getStyleClass().addAll("code-token", variable.written() ? "code-written" : "code-read");
            Text shape = new Text("  " + variable.shape() + "  " + messages.get(variable.written()
                    ? "step.code.written" : "step.code.read"));
            shape.getStyleClass().addAll("code-token", "code-shape");
            Text value = new Text(numbers(variable.value(), digits, variable.shape().equals("()")));
            value.getStyleClass().addAll("code-token", "code-value");
            VBox entry = new VBox(2, new TextFlow(name, shape), new TextFlow(value));
            entry.getStyleClass().add("code-variable");
            values.getChildren().add(entry);
        }
    }

    /** A value as NumPy prints an array (rows on lines of their own), at the step-through's digits. */
    private static String numbers(Matrix m, int digits, boolean scalar) {
        if (scalar) {
            return SignificantNumber.plain(m.get(0, 0), digits);
        }
        List<String> rows = new ArrayList<>();
        for (int r = 0; r < m.rows(); r++) {
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < m.cols(); c++) {
                cells.add(SignificantNumber.plain(m.get(r, c), digits));
            }
            rows.add("[" + String.join(", ", cells) + "]");
        }
        return "[" + String.join(",\n ", rows) + "]";
    }

    private static TextFlow line(int number, String text) {
        Text gutter = new Text(String.format(Locale.ROOT, "%3d  ", number + 1));
        gutter.getStyleClass().addAll("code-token", "code-gutter");
        TextFlow line = new TextFlow(gutter);
        for (PythonTokens.Token token : PythonTokens.of(text)) {
            Text piece = new Text(token.text());
            piece.getStyleClass().addAll("code-token", "code-" + token.kind().name().toLowerCase(Locale.ROOT));
            line.getChildren().add(piece);
        }
        if (text.isEmpty()) {
            line.getChildren().add(new Text(" "));
        }
        line.getStyleClass().add("code-line");
        return line;
    }

    /** Brings {@code line} into view a third of the way down, so the lines after it show too. */
    private void scrollTo(Node line) {
        code.applyCss();
        code.layout();
        double content = code.getBoundsInLocal().getHeight();
        double viewport = codeScroll.getViewportBounds().getHeight();
        if (content <= viewport || viewport <= 0) {
            return;
        }
        double y = line.getBoundsInParent().getMinY() - viewport / 3;
        codeScroll.setVvalue(Math.clamp(y / (content - viewport), 0, 1));
    }

    private void copyCode() {
        ClipboardContent content = new ClipboardContent();
        content.putString(text());
        Clipboard.getSystemClipboard().setContent(content);
    }
}
