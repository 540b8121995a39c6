package org.backproplab.ui.stepthrough;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.backproplab.trace.Caption;
import org.backproplab.trace.Formula;
import org.backproplab.trace.MathToken;
import org.backproplab.trace.MathToken.Fraction;
import org.backproplab.trace.MathToken.Operator;
import org.backproplab.trace.MathToken.Power;
import org.backproplab.trace.MathToken.Symbol;
import org.backproplab.trace.MathToken.Value;
import org.backproplab.trace.Matrix;
import org.backproplab.ui.common.Messages;
import org.backproplab.ui.common.Palette;
import org.backproplab.ui.math.MatrixView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Formulas typeset as printed mathematics: where each piece lands, not just what it says. */
@ExtendWith(ApplicationExtension.class)
class FormulaViewTest {

    /** a₁⁽¹⁾ = σ(z₁⁽¹⁾) = 1/(1 + e^(−0.3775)) = 0.5933 */
    private static final Formula ACTIVATION = Formula.equation(Caption.ACTIVATION, List.of(
            List.of(new Symbol("a", "1", "(1)")),
            List.of(new MathToken.FunctionName("σ"), Operator.OPEN, new Symbol("z", "1", "(1)"), Operator.CLOSE),
            List.of(new Fraction(List.of(new Value(1)), List.of(new Value(1), Operator.PLUS,
                    new Power(List.of(new Symbol("e")), List.of(new Value(-0.3775)))))),
            List.of(new Value(0.593269992))));

    private FormulaView view;

    @Start
    void start(Stage stage) {
        view = new FormulaView(Messages.forLocale(Locale.ROOT), 20, Palette.STANDARD.text(), FormulaView.Lines.WRAP);
        stage.setScene(new Scene(view, 900, 300));
        stage.show();
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get();
    }

    private Text text(String content) {
        return (Text) view.lookupAll("Text").stream()
                .filter(node -> node instanceof Text t && t.getText().equals(content))
                .findFirst().orElseThrow(() -> new AssertionError("no text " + content));
    }

    /** A text's baseline, in the view's coordinates. */
    private double baseline(Text text) {
        return view.sceneToLocal(text.localToScene(0, text.getBaselineOffset())).getY();
    }

    private Bounds bounds(Node node) {
        return view.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
    }

    @Test
    void aRunOfFormulasOfOneKindIsCaptionedOnce() throws Exception {
        onFx(() -> {
            view.addFormulas(List.of(ACTIVATION, ACTIVATION, ACTIVATION), 4);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(3, onFx(() -> view.lines().size()), "every formula is shown");
        assertEquals(1, onFx(() -> view.lookupAll(".formula-caption").size()),
                "one caption over the three, not three: a layer's step needs less scrolling");
    }

    @Test
    void eachLineReadsAsItsPlainTextUnderItsCaption() throws Exception {
        onFx(() -> {
            view.addFormulas(List.of(ACTIVATION), 4);
            return null;
        });
        assertEquals(List.of("a₁⁽¹⁾ = σ(z₁⁽¹⁾) = 1/(1 + e^(−0.3775)) = 0.5933"), view.lines());
        assertEquals("a₁⁽¹⁾ = σ(z₁⁽¹⁾) = 1/(1 + e^(−0.3775)) = 0.5933", onFx(() -> view.lookup(".formula").getAccessibleText()));
        assertTrue(onFx(() -> view.lookupAll(".formula-caption").stream()
                .anyMatch(node -> ((javafx.scene.control.Label) node).getText().equals("Activation"))));
        assertEquals("0.5933", onFx(() -> ((Text) view.lookup(".formula-result").lookup("Text")).getText()),
                "the result is set off in its own box");
    }

    @Test
    void scriptsSitBelowAndAboveTheBaselineAndQuantitiesLean() throws Exception {
        onFx(() -> {
            view.addFormulas(List.of(ACTIVATION), 4);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        onFx(() -> {
            Text a = text("a");
            Text subscript = text("1");
            Text layer = text("(1)");
            assertTrue(a.getFont().getStyle().contains("Italic"), "a quantity leans: " + a.getFont());
            assertTrue(!text("σ").getFont().getStyle().contains("Italic"), "a function name stands upright");
            assertTrue(subscript.getFont().getSize() < a.getFont().getSize(), "scripts are smaller");
            assertTrue(baseline(subscript) > baseline(a) + 2, "the subscript hangs below the baseline");
            assertTrue(baseline(layer) < baseline(a) - 4, "the layer index is raised");
            assertTrue(bounds(subscript).getMinX() >= bounds(a).getMaxX() - 1, "scripts follow their letter");
            return null;
        });
    }

    @Test
    void aFractionStacksItsNumeratorOverItsDenominatorAndTheNegativeExponentIsRaised() throws Exception {
        onFx(() -> {
            view.addFormulas(List.of(ACTIVATION), 4);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        onFx(() -> {
            Text numerator = view.lookupAll("Text").stream().map(Text.class::cast)
                    .filter(t -> t.getText().equals("1")).filter(t -> t.getFont().getSize() == 20)
                    .findFirst().orElseThrow();
            Text e = text("e");
            Text exponent = text("−0.3775");
            assertTrue(bounds(numerator).getMaxY() < bounds(e).getMinY(), "numerator above the denominator");
            assertTrue(baseline(exponent) < baseline(e) - 4, "e to the power −0.3775: the exponent is raised");
            assertTrue(baseline(text("0.5933")) < bounds(e).getMinY() + 2 * e.getFont().getSize(),
                    "the result sits beside the fraction, on the line's baseline");
            return null;
        });
    }

    @Test
    void matricesKeepTheirRowsAndColumnsAndTheChosenDigits() throws Exception {
        Formula weights = Formula.equation(Caption.WEIGHTED_SUM, List.of(
                List.of(new Symbol("W", "", "(1)")),
                List.of(new MathToken.MatrixValue(Matrix.of(new double[][] {{0.15, 0.2}, {0.25, -0.30004}})))));
        onFx(() -> {
            view.addFormulas(List.of(weights), 3);
            return null;
        });
        MatrixView matrix = onFx(() -> (MatrixView) view.lookup(".matrix"));
        assertEquals(List.of(List.of("0.15", "0.2"), List.of("0.25", "−0.3")), onFx(matrix::cells));
    }
}
