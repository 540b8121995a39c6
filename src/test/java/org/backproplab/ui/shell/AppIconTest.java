package org.backproplab.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeoutException;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** The icon's PNGs: one per size, each decoding to a square picture of that size that shows the network. */
class AppIconTest {

    @BeforeAll
    static void startToolkit() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void everySizeDecodesToASquareOfThatSize() {
        List<Image> icons = AppIcon.images();
        assertEquals(List.of(16, 32, 48, 64, 128, 256), AppIcon.SIZES);
        assertEquals(AppIcon.SIZES, icons.stream().map(icon -> (int) icon.getWidth()).toList(), "widths");
        assertEquals(AppIcon.SIZES, icons.stream().map(icon -> (int) icon.getHeight()).toList(), "heights");
        for (Image icon : icons) {
            assertFalse(icon.isError(), icon.getUrl());
        }
    }

    @Test
    void everySizeShowsTheNetworkNotAnEmptyPicture() {
        for (Image icon : AppIcon.images()) {
            int size = (int) icon.getWidth();
            // The middle is the hidden layer's middle neuron: opaque blue (#1565c0).
            Color middle = icon.getPixelReader().getColor(size / 2, size / 2);
            assertTrue(middle.getOpacity() == 1 && middle.getBlue() > middle.getRed() + 0.3, size + " px: " + middle);
            // Towards the right, at mid-height, the output neuron: orange (#e8710a).
            Color output = icon.getPixelReader().getColor(size * 206 / 256, size / 2);
            assertTrue(output.getRed() > output.getBlue() + 0.3, size + " px output neuron: " + output);
        }
    }
}
