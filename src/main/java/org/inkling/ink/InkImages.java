package org.inkling.ink;

import org.inkling.base.AtomicFiles;
import org.inkling.base.DigitGeometry;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * PNG output of network inputs so that people can look at what the network sees.
 *
 * <p>Uses {@link BufferedImage} and ImageIO only, which need no display (they work with
 * {@code java.awt.headless=true}). Ink is drawn white on black, as in MNIST.
 */
public final class InkImages {
    private InkImages() {}

    /** Writes a 28x28 grey PNG. */
    public static void writePng(float[] pixels, Path out) throws IOException {
        writePng(pixels, out, 1);
    }

    /** Writes a 28x28 grey PNG magnified {@code scale} times with square pixels. */
    public static void writePng(float[] pixels, Path out, int scale) throws IOException {
        if (pixels.length != DigitGeometry.PIXELS) {
            throw new IllegalArgumentException("expected " + DigitGeometry.PIXELS + " pixels (28x28), got " + pixels.length);
        }
        writeGrid(new float[][] {pixels}, DigitGeometry.SIDE, DigitGeometry.SIDE, 1, scale, out);
    }

    /**
     * Writes several images as one sheet, {@code columns} per row, with a one-pixel grey gutter, for
     * looking at many digits at once.
     */
    public static void writeGrid(float[][] images, int width, int height, int columns, int scale, Path out) throws IOException {
        if (scale < 1 || scale > 64) {
            throw new IllegalArgumentException("scale must be 1..64, got " + scale);
        }
        if (images.length == 0) {
            throw new IllegalArgumentException("no images to write");
        }
        int cols = Math.min(columns, images.length);
        int rows = (images.length + cols - 1) / cols;
        int gutter = images.length > 1 ? 1 : 0;
        int cw = width * scale + gutter;
        int ch = height * scale + gutter;
        BufferedImage img = new BufferedImage(cols * cw, rows * ch, BufferedImage.TYPE_BYTE_GRAY);
        var raster = img.getRaster();
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                raster.setSample(x, y, 0, gutter == 1 ? 90 : 0);
            }
        }
        for (int n = 0; n < images.length; n++) {
            float[] px = images[n];
            if (px.length != width * height) {
                throw new IllegalArgumentException("image " + n + " has " + px.length + " pixels, expected " + width * height);
            }
            int bx = (n % cols) * cw;
            int by = (n / cols) * ch;
            for (int y = 0; y < height * scale; y++) {
                for (int x = 0; x < width * scale; x++) {
                    float v = px[(y / scale) * width + x / scale];
                    int g = Math.round(Math.max(0f, Math.min(1f, v)) * 255f);
                    raster.setSample(bx + x, by + y, 0, g);
                }
            }
        }
        AtomicFiles.write(out, os -> {
            if (!ImageIO.write(img, "png", os)) {
                throw new IOException("no PNG writer available");
            }
        });
    }
}
