package org.backproplab.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our own PNG encoder, checked against the JDK's decoder pixel by pixel. */
class PngImageTest {

    @Test
    void aSavedPictureDecodesToTheSamePixelsIncludingTransparency(@TempDir Path folder) throws IOException {
        WritableImage image = new WritableImage(7, 5);
        for (int y = 0; y < 5; y++) {
            for (int x = 0; x < 7; x++) {
                image.getPixelWriter().setColor(x, y, Color.rgb(x * 36, y * 50, (x * y * 13) % 256, (x + y) % 2 == 0 ? 1.0 : 0.4));
            }
        }
        Path file = folder.resolve("picture.png");
        PngImage.save(image, file);

        BufferedImage decoded = ImageIO.read(file.toFile());
        assertEquals(7, decoded.getWidth());
        assertEquals(5, decoded.getHeight());
        for (int y = 0; y < 5; y++) {
            for (int x = 0; x < 7; x++) {
                assertEquals(Integer.toHexString(image.getPixelReader().getArgb(x, y)),
                        Integer.toHexString(decoded.getRGB(x, y)), "pixel " + x + "," + y);
            }
        }
    }
}
