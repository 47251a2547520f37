package org.inkling.app.inspection;

import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.inkling.inspect.OverlayColours;
import org.inkling.inspect.Picture;

/** Images from the engine's arrays, magnified with square pixels (an ImageView would blur a 28x28 image). */
final class Pictures {
    private Pictures() {}

    /** A grey image (0..1, ink white on black), each value {@code scale}×{@code scale} pixels. */
    static Image grey(float[] values, int width, int height, int scale) {
        int[] argb = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            int g = Math.round(Math.clamp(values[i], 0f, 1f) * 255);
            argb[i] = 0xFF000000 | g << 16 | g << 8 | g;
        }
        return argb(argb, width, height, scale);
    }

    /** A signed picture (weights, activations): orange positive, blue negative. */
    static Image signed(Picture p, int scale) {
        return argb(OverlayColours.signed(p), p.width(), p.height(), scale);
    }

    static Image argb(int[] argb, int width, int height, int scale) {
        WritableImage img = new WritableImage(width * scale, height * scale);
        int[] row = new int[width * scale];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width * scale; x++) row[x] = argb[y * width + x / scale];
            for (int k = 0; k < scale; k++) {
                img.getPixelWriter().setPixels(0, y * scale + k, width * scale, 1, PixelFormat.getIntArgbInstance(), row, 0, row.length);
            }
        }
        return img;
    }
}
