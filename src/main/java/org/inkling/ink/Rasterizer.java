package org.inkling.ink;

import java.util.List;

/**
 * Draws thick polylines with round caps and joins into a grey image, anti-aliased.
 *
 * <p>Every line piece is a capsule (all points within the pen radius of the segment). Each sub-pixel of
 * a {@code supersample}-times finer grid takes the coverage {@code clamp(r + 1/2 - d, 0, 1)} from its
 * distance {@code d} to the nearest segment, and blocks of sub-pixels are then averaged, the way
 * MNIST's grey levels came from averaging a finer binary image. Taking the maximum over segments of
 * that clamp equals the clamp of the minimum distance, so overlapping strokes and joins never add up
 * beyond full ink and pieces can be drawn one at a time.
 *
 * <p>Pure Java so the app and the command line produce the same pixels on every platform.
 */
public final class Rasterizer {
    private final int width;
    private final int height;
    private final int supersample;

    public Rasterizer(int width, int height, int supersample) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + width + "x" + height);
        }
        if (supersample < 1 || supersample > 16) {
            throw new IllegalArgumentException("supersample must be 1..16, got " + supersample);
        }
        this.width = width;
        this.height = height;
        this.supersample = supersample;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /**
     * Renders polylines given in output-pixel coordinates, where pixel {@code (i, j)} spans
     * {@code [i, i+1) x [j, j+1)}.
     *
     * @param polylines interleaved {@code x0, y0, x1, y1, ...}; a single point draws a dot
     * @param penRadius half the pen width, in output pixels
     * @return row-major grey levels 0..1, {@code width * height} of them
     */
    public float[] render(List<double[]> polylines, double penRadius) {
        int k = supersample;
        int hw = width * k;
        int hh = height * k;
        float[] hi = new float[hw * hh];
        double r = penRadius * k;
        for (double[] line : polylines) {
            if (line.length < 2) {
                continue;
            }
            if (line.length == 2) {
                capsule(hi, hw, hh, line[0] * k, line[1] * k, line[0] * k, line[1] * k, r);
            }
            for (int i = 0; i + 3 < line.length; i += 2) {
                capsule(hi, hw, hh, line[i] * k, line[i + 1] * k, line[i + 2] * k, line[i + 3] * k, r);
            }
        }
        return downsample(hi, hw, k);
    }

    private static void capsule(float[] hi, int hw, int hh, double ax, double ay, double bx, double by, double r) {
        double reach = r + 0.5;
        int x0 = Math.max(0, (int) Math.floor(Math.min(ax, bx) - reach));
        int x1 = Math.min(hw - 1, (int) Math.ceil(Math.max(ax, bx) + reach));
        int y0 = Math.max(0, (int) Math.floor(Math.min(ay, by) - reach));
        int y1 = Math.min(hh - 1, (int) Math.ceil(Math.max(ay, by) + reach));
        double dx = bx - ax;
        double dy = by - ay;
        double len2 = dx * dx + dy * dy;
        double inv = len2 > 0 ? 1.0 / len2 : 0.0;
        for (int y = y0; y <= y1; y++) {
            double py = y + 0.5 - ay;
            int row = y * hw;
            for (int x = x0; x <= x1; x++) {
                double px = x + 0.5 - ax;
                double t = (px * dx + py * dy) * inv;
                t = t < 0 ? 0 : (t > 1 ? 1 : t);
                double ex = px - t * dx;
                double ey = py - t * dy;
                double c = reach - Math.sqrt(ex * ex + ey * ey);
                if (c > 0) {
                    float v = c >= 1 ? 1f : (float) c;
                    if (v > hi[row + x]) {
                        hi[row + x] = v;
                    }
                }
            }
        }
    }

    private float[] downsample(float[] hi, int hw, int k) {
        float[] out = new float[width * height];
        float norm = 1f / (k * k);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float s = 0;
                for (int j = 0; j < k; j++) {
                    int row = (y * k + j) * hw + x * k;
                    for (int i = 0; i < k; i++) {
                        s += hi[row + i];
                    }
                }
                out[y * width + x] = Math.min(1f, s * norm);
            }
        }
        return out;
    }
}
