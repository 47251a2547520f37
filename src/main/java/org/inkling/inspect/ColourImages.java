package org.inkling.inspect;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.inkling.base.AtomicFiles;

/** Colour PNGs of ARGB pixels (the "why" overlays), magnified with square pixels, saved atomically. */
public final class ColourImages {
    private ColourImages() {}

    public static void writePng(int[] argb, int width, int height, int scale, Path out) throws IOException {
        if (scale < 1 || scale > 64) throw new IllegalArgumentException("scale must be 1..64, got " + scale);
        if (argb.length != width * height) {
            throw new IllegalArgumentException(argb.length + " pixels do not make a " + width + "x" + height + " image");
        }
        BufferedImage img = new BufferedImage(width * scale, height * scale, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height * scale; y++) {
            for (int x = 0; x < width * scale; x++) img.setRGB(x, y, argb[(y / scale) * width + x / scale]);
        }
        AtomicFiles.write(out, os -> {
            if (!ImageIO.write(img, "png", os)) throw new IOException("no PNG writer available");
        });
    }
}
