package org.backproplab.ui.common;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import org.backproplab.data.TextFile;

/**
 * Writes JavaFX images as PNG files. The encoder is our own (a few dozen lines: signature, IHDR,
 * one deflated IDAT, IEND) because the usual route, SwingFXUtils, would pull AWT and javafx-swing
 * into the application for this one job.
 */
public final class PngImage {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final int BYTES_PER_PIXEL = 4;

    private PngImage() {
    }

    /** A picture of {@code node} as it is drawn now, at screen resolution. */
    public static Image snapshot(Node node) {
        return node.snapshot(new SnapshotParameters(), null);
    }

    /** Saves {@code image} as a PNG file, atomically. */
    public static void save(Image image, Path file) throws IOException {
        TextFile.saveBytes(file, encode(image));
    }

    /** The image as PNG bytes: 8-bit RGBA, no interlace, filter "none" on every row. */
    static byte[] encode(Image image) {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        PixelReader pixels = image.getPixelReader();
        byte[] raw = new byte[height * (1 + width * BYTES_PER_PIXEL)];
        int at = 0;
        for (int y = 0; y < height; y++) {
            raw[at++] = 0;
            for (int x = 0; x < width; x++) {
                int argb = pixels.getArgb(x, y);
                raw[at++] = (byte) (argb >>> 16);
                raw[at++] = (byte) (argb >>> 8);
                raw[at++] = (byte) argb;
                raw[at++] = (byte) (argb >>> 24);
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(png)) {
            out.write(SIGNATURE);
            ByteArrayOutputStream header = new ByteArrayOutputStream();
            DataOutputStream headerData = new DataOutputStream(header);
            headerData.writeInt(width);
            headerData.writeInt(height);
            headerData.writeByte(8); // bit depth
            headerData.writeByte(6); // colour type: RGBA
            headerData.writeByte(0); // compression: deflate
            headerData.writeByte(0); // filter method
            headerData.writeByte(0); // no interlace
            chunk(out, "IHDR", header.toByteArray());
            chunk(out, "IDAT", deflate(raw));
            chunk(out, "IEND", new byte[0]);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return png.toByteArray();
    }

    private static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 4 + 64);
        byte[] buffer = new byte[64 * 1024];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeInt(data.length);
        out.write(typeBytes);
        out.write(data);
        out.writeInt((int) crc.getValue());
    }
}
