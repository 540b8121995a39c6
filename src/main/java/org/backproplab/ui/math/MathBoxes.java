package org.backproplab.ui.math;

import javafx.scene.Node;
import javafx.scene.paint.Paint;
import javafx.scene.shape.Polyline;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Text;
import org.backproplab.ui.common.RigidBox;

/**
 * The few layouts a formula needs beyond a row of text: scripts, stacked fractions, roots and tall
 * brackets. Each
 * reports its baseline, so rows of them (HBox, FlowPane with baseline alignment) line up the way
 * printed mathematics does, and a fraction's bar sits at the height of the minus sign.
 */
final class MathBoxes {

    /** Height of the fraction bar (the "math axis") above the baseline, as a share of the font size. */
    static final double AXIS = 0.3;

    private MathBoxes() {
    }

    private static double width(Node node) {
        return node.prefWidth(-1);
    }

    private static double height(Node node) {
        return node.prefHeight(-1);
    }

    /** A base with a subscript, a superscript, or both stacked on top of each other, as in w₁₂⁽¹⁾. */
    static final class Scripted extends RigidBox {

        private final Node base;
        private final Node subscript;
        private final Node superscript;
        private final double size;

        /**
         * @param subscript   null for none
         * @param superscript null for none
         * @param size        the base's font size, which sets how far scripts are shifted
         */
        Scripted(Node base, Node subscript, Node superscript, double size) {
            this.base = base;
            this.subscript = subscript;
            this.superscript = superscript;
            this.size = size;
            getChildren().add(base);
            if (subscript != null) {
                getChildren().add(subscript);
            }
            if (superscript != null) {
                getChildren().add(superscript);
            }
        }

        /** Top of the superscript, relative to the top of the base (negative when it sticks out above). */
        private double superscriptTop() {
            return superscript == null ? 0
                    : base.getBaselineOffset() - 0.42 * size - superscript.getBaselineOffset();
        }

        private double subscriptTop() {
            return subscript == null ? 0
                    : base.getBaselineOffset() + 0.24 * size - subscript.getBaselineOffset();
        }

        private double top() {
            return Math.min(0, superscriptTop());
        }

        private double bottom() {
            double bottom = height(base);
            if (subscript != null) {
                bottom = Math.max(bottom, subscriptTop() + height(subscript));
            }
            return bottom;
        }

        private double scriptWidth() {
            return Math.max(subscript == null ? 0 : width(subscript), superscript == null ? 0 : width(superscript));
        }

        @Override
        protected double computePrefWidth(double height) {
            return width(base) + scriptWidth() + 1;
        }

        @Override
        protected double computePrefHeight(double width) {
            return bottom() - top();
        }

        @Override
        public double getBaselineOffset() {
            return base.getBaselineOffset() - top();
        }

        @Override
        protected void layoutChildren() {
            double shift = -top();
            base.resizeRelocate(0, shift, width(base), height(base));
            double x = width(base) + 1;
            if (superscript != null) {
                superscript.resizeRelocate(x, shift + superscriptTop(), width(superscript), height(superscript));
            }
            if (subscript != null) {
                subscript.resizeRelocate(x, shift + subscriptTop(), width(subscript), height(subscript));
            }
        }
    }

    /** A numerator over a denominator with a bar between, the bar at the height of a minus sign. */
    static final class Fraction extends RigidBox {

        private static final double GAP = 2;
        private static final double PAD = 3;

        private final Node numerator;
        private final Node denominator;
        private final Rectangle bar = new Rectangle();
        private final double size;

        Fraction(Node numerator, Node denominator, double size, Paint ink) {
            this.numerator = numerator;
            this.denominator = denominator;
            this.size = size;
            bar.setFill(ink);
            bar.setHeight(Math.max(1, Math.round(size / 16)));
            getChildren().addAll(numerator, bar, denominator);
        }

        private double barTop() {
            return height(numerator) + GAP;
        }

        @Override
        protected double computePrefWidth(double height) {
            return Math.max(width(numerator), width(denominator)) + 2 * PAD;
        }

        @Override
        protected double computePrefHeight(double width) {
            return barTop() + bar.getHeight() + GAP + height(denominator);
        }

        @Override
        public double getBaselineOffset() {
            return barTop() + bar.getHeight() / 2 + AXIS * size;
        }

        @Override
        protected void layoutChildren() {
            double w = computePrefWidth(-1);
            numerator.resizeRelocate((w - width(numerator)) / 2, 0, width(numerator), height(numerator));
            bar.setX(1);
            bar.setY(barTop());
            bar.setWidth(w - 2);
            denominator.resizeRelocate((w - width(denominator)) / 2, barTop() + bar.getHeight() + GAP,
                    width(denominator), height(denominator));
        }
    }

    /** √ with its bar over the whole radicand, so no brackets are needed. */
    static final class Root extends RigidBox {

        private static final double GAP = 2;

        private final Node radicand;
        private final Polyline sign = new Polyline();
        private final double size;

        Root(Node radicand, double size, Paint ink) {
            this.radicand = radicand;
            this.size = size;
            sign.setStroke(ink);
            sign.setStrokeWidth(Math.max(1, size / 16));
            sign.setStrokeLineJoin(StrokeLineJoin.ROUND);
            sign.setManaged(false);
            getChildren().addAll(sign, radicand);
        }

        private double signWidth() {
            return 0.6 * size;
        }

        @Override
        protected double computePrefWidth(double height) {
            return signWidth() + width(radicand) + 3;
        }

        @Override
        protected double computePrefHeight(double width) {
            return height(radicand) + GAP + 2;
        }

        @Override
        public double getBaselineOffset() {
            return radicand.getBaselineOffset() + GAP + 2;
        }

        @Override
        protected void layoutChildren() {
            double h = computePrefHeight(-1);
            double top = 1;
            double left = signWidth();
            radicand.resizeRelocate(left + 1, top + GAP + 1, width(radicand), height(radicand));
            sign.getPoints().setAll(0.0, h * 0.62, left * 0.35, h * 0.5, left * 0.6, h - 1,
                    left, top, left + width(radicand) + 2, top);
        }
    }

    /**
     * A bracket as tall as what it encloses (a matrix, a fraction), so σ([z]) does not put a
     * text-sized bracket beside a three-line matrix. The glyph is stretched about its middle.
     */
    static final class Fence extends RigidBox {

        private final Text glyph;
        private final double ascent;
        private final double descent;
        private final double widen;

        /**
         * @param ascent  how far the enclosed content reaches above the baseline
         * @param descent how far it reaches below
         */
        Fence(Text glyph, double ascent, double descent) {
            this.glyph = glyph;
            this.ascent = ascent;
            this.descent = descent;
            double stretch = (ascent + descent) / glyph.prefHeight(-1);
            this.widen = Math.min(1.6, 1 + 0.15 * (stretch - 1));
            glyph.setScaleY(stretch);
            glyph.setScaleX(widen);
            getChildren().add(glyph);
        }

        @Override
        protected double computePrefWidth(double height) {
            return glyph.prefWidth(-1) * widen;
        }

        @Override
        protected double computePrefHeight(double width) {
            return ascent + descent;
        }

        @Override
        public double getBaselineOffset() {
            return ascent;
        }

        @Override
        protected void layoutChildren() {
            double w = glyph.prefWidth(-1);
            double h = glyph.prefHeight(-1);
            glyph.relocate((computePrefWidth(-1) - w) / 2, (ascent + descent - h) / 2);
        }
    }
}
