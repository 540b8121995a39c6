package org.backproplab.ui.common;

import java.util.List;
import javafx.scene.paint.Color;

/**
 * Every colour the drawings use, in one place, so a high-contrast theme can swap them all at once.
 * The standard palette is TensorFlow Playground's orange-for-negative, blue-for-positive scheme,
 * darkened so it survives a washed-out projector. Orange and blue stay apart for the common forms of
 * colour blindness, and the drawings never rely on colour alone (negative weights are also dashed,
 * test points also hollow).
 *
 * @param negative      negative weights, low activations, class 0
 * @param positive      positive weights, high activations, class 1
 * @param neutral       the middle of every diverging scale (activation 0.5 for sigmoid, 0 for tanh)
 * @param missing       cells whose value is not a number (a diverged network)
 * @param classes       class colours in order; the first two are {@code negative} and {@code positive}
 * @param surface       the background of the drawings
 * @param text          labels and captions
 * @param mutedText     secondary labels (biases, tick labels)
 * @param outline       node borders, point outlines and axes
 * @param grid          plot grid lines
 * @param highlight     what the pointer rests on or the user is editing (a halo, never a meaning)
 * @param trainingCurve the training loss and accuracy in the charts
 * @param testCurve     the test loss and accuracy in the charts (also dashed)
 * @param boundaryTint  how far the decision-boundary background goes towards the class colours
 *                      (0 white, 1 full colour): below 1 so the points on top stay visible
 * @param layerRamp     a sequential scale, first layer to output layer, for the gradient flow
 *                      chart's one line per layer: every stop dark enough to read on the surface,
 *                      and none that means a sign or a class
 * @param forward       the step-through's forward pass: inputs and activations travelling, neurons computed
 * @param backward      the step-through's backward pass: δ travelling back, gradients, the loss
 * @param update        the step-through's weight updates
 * @param labelFill     the boxes numbers are written in over a drawing
 * @param bannerFill    the step-through's banner under the graph
 * @param bannerText    the words on the banner
 * @param strokeWeight  how much heavier than normal grid lines, axes and node borders are drawn
 */
public record Palette(
        Color negative,
        Color positive,
        Color neutral,
        Color missing,
        List<Color> classes,
        Color surface,
        Color text,
        Color mutedText,
        Color outline,
        Color grid,
        Color highlight,
        Color trainingCurve,
        Color testCurve,
        double boundaryTint,
        List<Color> layerRamp,
        Color forward,
        Color backward,
        Color update,
        Color labelFill,
        Color bannerFill,
        Color bannerText,
        double strokeWeight) {

    public static final Palette STANDARD = new Palette(
            Color.web("#e8710a"),
            Color.web("#1565c0"),
            Color.WHITE,
            Color.web("#9e9e9e"),
            List.of(Color.web("#e8710a"), Color.web("#1565c0"), Color.web("#009e73"), Color.web("#cc79a7"),
                    Color.web("#6a3d9a"), Color.web("#b8860b")),
            Color.WHITE,
            Color.web("#17202b"),
            Color.web("#4a5665"),
            Color.web("#263238"),
            Color.web("#000000", 0.10),
            Color.web("#ffb300"),
            Color.web("#17202b"),
            Color.web("#7b1fa2"),
            0.55,
            List.of(Color.web("#1a237e"), Color.web("#8e24aa"), Color.web("#d81b60"), Color.web("#e65100")),
            Color.web("#2e7d32"),
            Color.web("#c2185b"),
            Color.web("#5e35b1"),
            Color.web("#ffffff", 0.93),
            Color.web("#17202b", 0.85),
            Color.WHITE,
            1);

    /**
     * For a washed-out projector and the back row: black text and borders on white, nothing grey,
     * heavier lines, and colours from the Okabe–Ito set (vermilion and blue for the signs), which stay
     * apart for the common forms of colour blindness and keep their saturation when the image fades.
     */
    public static final Palette HIGH_CONTRAST = new Palette(
            Color.web("#d55e00"),
            Color.web("#0050b4"),
            Color.WHITE,
            Color.web("#707070"),
            List.of(Color.web("#d55e00"), Color.web("#0050b4"), Color.web("#007d5a"), Color.web("#b0127f"),
                    Color.web("#5a2d91"), Color.web("#8c6a00")),
            Color.WHITE,
            Color.BLACK,
            Color.BLACK,
            Color.BLACK,
            Color.web("#000000", 0.28),
            Color.web("#e0a000"),
            Color.BLACK,
            Color.web("#7a005f"),
            0.72,
            List.of(Color.web("#000066"), Color.web("#5a0096"), Color.web("#b0003a"), Color.web("#a03c00")),
            Color.web("#007d32"),
            Color.web("#c4004f"),
            Color.web("#4b1fa0"),
            Color.WHITE,
            Color.BLACK,
            Color.WHITE,
            1.7);

    public Palette {
        classes = List.copyOf(classes);
        if (classes.isEmpty()) {
            throw new IllegalArgumentException("a palette needs at least one class colour");
        }
        layerRamp = List.copyOf(layerRamp);
        if (layerRamp.size() < 2) {
            throw new IllegalArgumentException("a layer ramp needs at least two colours");
        }
    }

    /** The colour of class {@code index}; colours repeat beyond the palette's length. */
    public Color classColor(int index) {
        return classes.get(Math.floorMod(index, classes.size()));
    }

    /** The colour for the sign of a weight or bias. */
    public Color signColor(double value) {
        return value < 0 ? negative : positive;
    }

    /** The colour of layer {@code layer} of {@code count}, spread evenly along the layer ramp. */
    public Color layerColor(int layer, int count) {
        double t = (count <= 1 ? 1 : (double) layer / (count - 1)) * (layerRamp.size() - 1);
        int stop = Math.min((int) t, layerRamp.size() - 2);
        return layerRamp.get(stop).interpolate(layerRamp.get(stop + 1), t - stop);
    }
}
