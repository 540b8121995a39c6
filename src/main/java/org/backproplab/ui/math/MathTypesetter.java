package org.backproplab.ui.math;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.layout.Border;
import javafx.scene.layout.BorderStroke;
import javafx.scene.layout.BorderStrokeStyle;
import javafx.scene.layout.BorderWidths;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.FontPosture;
import javafx.scene.text.Text;
import org.backproplab.trace.Formula;
import org.backproplab.trace.Grouping;
import org.backproplab.trace.MathToken;
import org.backproplab.trace.MathToken.Operator;
import org.backproplab.trace.SignificantNumber;

/**
 * Turns the trace package's formula tokens into JavaFX nodes that look like printed mathematics:
 * italic serif letters for quantities, upright numbers and function names, real sub- and
 * superscripts, stacked fractions, roots with a bar, matrices in brackets. Decides only how things
 * look; what a formula says, and where it needs brackets, comes from the trace package.
 */
public final class MathTypesetter {

    /** The first serif family with italics that is installed; DejaVu Serif ships with most Linux desktops. */
    public static final String FAMILY = pickFamily();
    private static final double SCRIPT = 0.68;

    private final double size;
    private final int digits;
    private final Paint ink;

    public MathTypesetter(double size, int digits, Paint ink) {
        this.size = size;
        this.digits = digits;
        this.ink = ink;
    }

    private static String pickFamily() {
        List<String> installed = Font.getFamilies();
        for (String family : List.of("DejaVu Serif", "Cambria Math", "Cambria", "STIX Two Math", "Times New Roman")) {
            if (installed.contains(family)) {
                return family;
            }
        }
        return "Serif";
    }

    /**
     * One formula as a row that wraps between tokens when narrow: the sides joined by = (or ← for an
     * update), the result side set off in a box of style class {@code formula-result}, then the
     * condition in brackets.
     */
    public FlowPane formula(Formula formula) {
        FlowPane line = new FlowPane();
        line.setRowValignment(VPos.BASELINE);
        line.setVgap(size * 0.45);
        line.getStyleClass().add("formula");
        List<List<MathToken>> sides = formula.sides();
        line.getChildren().addAll(nodes(formula.subject(), size));
        for (int s = 1; s < sides.size(); s++) {
            boolean assigns = s == 1 && formula.relation() == Formula.Relation.ASSIGNS;
            line.getChildren().add(text((assigns ? Operator.ASSIGN : Operator.EQUALS).plain(), size, false));
            if (s == sides.size() - 1) {
                HBox result = row(sides.get(s), size);
                result.getStyleClass().add("formula-result");
                line.getChildren().add(natural(result));
            } else {
                line.getChildren().addAll(nodes(sides.get(s), size));
            }
        }
        if (!formula.condition().isEmpty()) {
            line.getChildren().add(text("   (", size, false));
            line.getChildren().addAll(nodes(formula.condition(), size));
            line.getChildren().add(text(")", size, false));
        }
        return line;
    }

    /** Tokens side by side on a common baseline. */
    HBox row(List<MathToken> tokens, double at) {
        HBox row = new HBox();
        row.setAlignment(Pos.BASELINE_LEFT);
        row.getChildren().addAll(nodes(tokens, at));
        return row;
    }

    /** Rows lay their pieces out at exactly their own size: stretched to a taller neighbour, a piece would leave its baseline. */
    private static Node natural(Node node) {
        if (node instanceof Region region) {
            region.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        }
        return node;
    }

    private List<Node> nodes(List<MathToken> tokens, double at) {
        List<Node> nodes = new ArrayList<>();
        Deque<Integer> open = new ArrayDeque<>();
        MathToken previous = null;
        for (MathToken token : tokens) {
            if (token == Operator.OPEN || token == Operator.OPEN_BRACKET) {
                open.push(nodes.size());
            } else if ((token == Operator.CLOSE || token == Operator.CLOSE_BRACKET) && !open.isEmpty()) {
                int start = open.pop();
                nodes.add(natural(token(token, previous, at)));
                fit(nodes, start, nodes.size() - 1, at);
                previous = token;
                continue;
            }
            nodes.add(natural(token(token, previous, at)));
            previous = token;
        }
        return nodes;
    }

    /** Makes the brackets at {@code open} and {@code close} as tall as what lies between, when that is taller than a line. */
    private void fit(List<Node> nodes, int open, int close, double at) {
        double ascent = 0;
        double descent = 0;
        for (int k = open + 1; k < close; k++) {
            Node node = nodes.get(k);
            ascent = Math.max(ascent, node.getBaselineOffset());
            descent = Math.max(descent, node.prefHeight(-1) - node.getBaselineOffset());
        }
        if (ascent + descent > 1.6 * at && nodes.get(open) instanceof Text left && nodes.get(close) instanceof Text right) {
            nodes.set(open, new MathBoxes.Fence(left, ascent, descent));
            nodes.set(close, new MathBoxes.Fence(right, ascent, descent));
        }
    }

    private Node token(MathToken token, MathToken previous, double at) {
        return switch (token) {
            case MathToken.Value value -> number(value, Grouping.parenthesised(value, previous, digits), at);
            case MathToken.Symbol symbol -> new MathBoxes.Scripted(text(symbol.base(), at, italicBase(symbol.base())),
                    script(symbol.subscript(), at), script(symbol.superscript(), at), at);
            case MathToken.FunctionName function -> text(function.name(), at, false);
            case Operator.HALF -> new MathBoxes.Fraction(text("1", at * 0.8, false), text("2", at * 0.8, false), at, ink);
            case Operator operator -> text(operator.plain(), at, false);
            case MathToken.Fraction fraction ->
                    new MathBoxes.Fraction(row(fraction.numerator(), at), row(fraction.denominator(), at), at, ink);
            case MathToken.Power power -> new MathBoxes.Scripted(base(power.base(), at), null,
                    row(power.exponent(), at * SCRIPT), at);
            case MathToken.Root root -> new MathBoxes.Root(row(root.radicand(), at), at, ink);
            case MathToken.MatrixValue matrix ->
                    new MatrixView(matrix.matrix(), digits, Font.font(FAMILY, at * 0.9), ink);
            case MathToken.Blank _ -> blank(at);
        };
    }

    /** An empty box as wide as a number of the shown digits, where the student's answer goes. */
    private Node blank(double at) {
        Region box = new Region();
        box.getStyleClass().add("formula-blank");
        box.setMinSize(at * (digits + 1.5) * 0.6, at * 1.1);
        box.setPrefSize(at * (digits + 1.5) * 0.6, at * 1.1);
        box.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        box.setBorder(new Border(new BorderStroke(ink, BorderStrokeStyle.SOLID, new CornerRadii(3), new BorderWidths(2))));
        // Sits on the baseline like the number it stands for.
        box.setTranslateY(at * 0.2);
        return box;
    }

    private Node base(List<MathToken> tokens, double at) {
        if (!Grouping.powerBaseParenthesised(tokens, digits)) {
            return row(tokens, at);
        }
        HBox bracketed = row(tokens, at);
        bracketed.getChildren().addFirst(text("(", at, false));
        bracketed.getChildren().add(text(")", at, false));
        return bracketed;
    }

    /** A number as the trace recorded it, rounded; tiny and huge ones as m×10ⁿ with a real superscript. */
    private Node number(MathToken.Value value, boolean parenthesised, double at) {
        SignificantNumber number = SignificantNumber.of(value.value(), digits);
        Node shown;
        if (number.scientific() && number.special() == SignificantNumber.Special.NONE) {
            String mantissa = (number.negative() ? "−" : "") + number.mantissa() + "×10";
            String exponent = Integer.toString(number.exponent()).replace('-', '−');
            shown = new MathBoxes.Scripted(text(mantissa, at, false), null, text(exponent, at * SCRIPT, false), at);
        } else {
            shown = text(number.toPlainText(), at, false);
        }
        if (!parenthesised) {
            return shown;
        }
        HBox bracketed = new HBox(text("(", at, false), shown, text(")", at, false));
        bracketed.setAlignment(Pos.BASELINE_LEFT);
        return bracketed;
    }

    private Node script(String script, double at) {
        if (script.isEmpty()) {
            return null;
        }
        // Indices that are letters (k, t) are quantities and lean; numbers, brackets and ᵀ stand upright.
        boolean letters = script.chars().allMatch(c -> c >= 'a' && c <= 'z');
        return text(script, at * SCRIPT, letters);
    }

    /** Quantities lean (w, z, δ, ∂E); capital Greek (Δ, Σ) stands upright, as in print. */
    private static boolean italicBase(String base) {
        char first = base.charAt(0);
        return !(first >= 'Α' && first <= 'Ω');
    }

    Text text(String content, double at, boolean italic) {
        Text text = new Text(content);
        text.setFont(Font.font(FAMILY, italic ? FontPosture.ITALIC : FontPosture.REGULAR, at));
        text.setFill(ink);
        text.setTextOrigin(VPos.TOP);
        return text;
    }
}
