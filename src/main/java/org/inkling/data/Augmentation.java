package org.inkling.data;

import java.util.Objects;
import java.util.random.RandomGenerator;
import org.inkling.nn.BatchAugmenter;

/**
 * Random distortions of square grey images (28x28 for MNIST), applied per image to a training
 * batch in place, as configured by an {@link AugmentationConfig}: stroke thickness first, then the
 * affine transform and the elastic displacement together in one bilinear resampling (one pass, so
 * the image is blurred only once). Everything random comes from the generator the trainer passes
 * in, so a run is reproducible from its seed.
 *
 * <p>Values stay in 0..1: bilinear sampling and the thickness blend are convex combinations of
 * input values, and outside the image counts as blank paper (0).
 *
 * <p>Keeps scratch buffers and the elastic Gaussian kernel between batches, so it allocates nothing
 * per batch; for that reason an instance must not be shared between threads.
 */
public final class Augmentation implements BatchAugmenter {
    /** Thinning stops when half of an image's ink is gone, so thin digits stay legible. */
    private static final double MAX_INK_REMOVED = 0.5;

    private final AugmentationConfig config;
    /** Normalised 1-D Gaussian of {@code elasticSigma}, taps {@code -radius..radius}. */
    private final float[] kernel;
    private final int radius;

    private int side = -1;
    /** The image being resampled, with a one-pixel blank border so sampling needs no bounds tests. */
    private float[] padded;
    private float[] source;
    private float[] morph;
    private float[] fieldX;
    private float[] fieldY;
    /** Both noise fields side by side ({@code n} rows of {@code 2n}), so one blur pass treats both. */
    private float[] noise;
    private float[] blurTmp;

    public Augmentation(AugmentationConfig config) {
        this.config = Objects.requireNonNull(config);
        double sigma = config.elasticSigma();
        this.radius = (int) Math.ceil(3 * sigma);
        this.kernel = new float[2 * radius + 1];
        double sum = 0;
        for (int k = -radius; k <= radius; k++) {
            sum += Math.exp(-k * k / (2 * sigma * sigma));
        }
        for (int k = -radius; k <= radius; k++) {
            kernel[k + radius] = (float) (Math.exp(-k * k / (2 * sigma * sigma)) / sum);
        }
    }

    public AugmentationConfig config() {
        return config;
    }

    @Override
    public void augment(float[] x, int rows, int cols, RandomGenerator rng) {
        if (config.isIdentity()) {
            return;
        }
        int n = sideOf(cols);
        Objects.checkFromIndexSize(0, rows * cols, x.length);
        ensureScratch(n);
        for (int r = 0; r < rows; r++) {
            augmentOne(x, r * cols, n, rng);
        }
    }

    private static int sideOf(int cols) {
        int n = (int) Math.round(Math.sqrt(cols));
        if (n * n != cols || n < 2) {
            throw new IllegalArgumentException("augmentation needs square images; " + cols + " values per row is not n*n");
        }
        return n;
    }

    private void ensureScratch(int n) {
        if (side != n) {
            side = n;
            padded = new float[(n + 2) * (n + 2)];
            source = new float[n * n];
            morph = new float[n * n];
            fieldX = new float[n * n];
            fieldY = new float[n * n];
            noise = new float[2 * n * n];
            blurTmp = new float[2 * n * n];
        }
    }

    private void augmentOne(float[] x, int off, int n, RandomGenerator rng) {
        int nn = n * n;
        if (config.hasThickness() && rng.nextDouble() < config.thicknessProbability()) {
            boolean thicker = rng.nextBoolean();
            float strength = 0.5f + 0.5f * rng.nextFloat();
            System.arraycopy(x, off, source, 0, nn);
            morphology(source, morph, n, thicker);
            if (!thicker) {
                // A 3x3 erosion can wipe out a one-pixel stroke; never take away more than half the ink.
                double before = 0;
                double after = 0;
                for (int p = 0; p < nn; p++) {
                    before += source[p];
                    after += morph[p];
                }
                if (before - after > 0) {
                    strength = (float) Math.min(strength, MAX_INK_REMOVED * before / (before - after));
                }
            }
            for (int p = 0; p < nn; p++) {
                float v = source[p];
                x[off + p] = v + strength * (morph[p] - v);
            }
        }
        boolean affine = config.hasAffine() && rng.nextDouble() < config.affineProbability();
        boolean elastic = config.hasElastic() && rng.nextDouble() < config.elasticProbability();
        if (!affine && !elastic) {
            return;
        }
        double angle = 0;
        double scale = 1;
        double shear = 0;
        double dx = 0;
        double dy = 0;
        if (affine) {
            angle = symmetric(rng, config.rotationDegrees());
            scale = 1 + symmetric(rng, config.scale());
            shear = symmetric(rng, config.shear());
            dx = symmetric(rng, config.shiftPixels());
            dy = symmetric(rng, config.shiftPixels());
        }
        if (elastic) {
            elasticField(rng, config.elasticAlpha(), fieldX, fieldY, n);
        }
        for (int i = 0; i < n; i++) {
            System.arraycopy(x, off + i * n, padded, (i + 1) * (n + 2) + 1, n);
        }
        warp(padded, x, off, n, angle, scale, shear, dx, dy, elastic ? fieldX : null, elastic ? fieldY : null);
    }

    private static double symmetric(RandomGenerator rng, double max) {
        return max == 0 ? 0 : (2 * rng.nextDouble() - 1) * max;
    }

    /**
     * Fills {@code fx, fy} with Simard's elastic displacement: uniform noise in ±1 per pixel,
     * convolved with the normalised Gaussian (zero outside the image), times {@code alpha}.
     *
     * <p>The blur runs down the columns only, twice, with a transpose in between: the noise is
     * independent per pixel, so blurring the transposed noise is as good a sample, and column
     * passes work on whole contiguous rows, which vectorise. Both fields are blurred in one pass,
     * stored side by side.
     */
    void elasticField(RandomGenerator rng, double alpha, float[] fx, float[] fy, int n) {
        ensureScratch(n);
        float[] u = noise;
        int w2 = 2 * n;
        for (int p = 0; p < u.length; p++) {
            u[p] = 2 * rng.nextFloat() - 1;
        }
        blurColumns(u, blurTmp, n, w2, 1f);
        // Transpose each half of blurTmp back into u.
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                u[j * w2 + i] = blurTmp[i * w2 + j];
                u[j * w2 + n + i] = blurTmp[i * w2 + n + j];
            }
        }
        blurColumns(u, blurTmp, n, w2, (float) alpha);
        for (int i = 0; i < n; i++) {
            System.arraycopy(blurTmp, i * w2, fx, i * n, n);
            System.arraycopy(blurTmp, i * w2 + n, fy, i * n, n);
        }
    }

    /**
     * {@code out = gain * (kernel convolved down the columns of in)}, for {@code rows} rows of
     * {@code width} values; rows outside count as 0.
     */
    private void blurColumns(float[] in, float[] out, int rows, int width, float gain) {
        float[] w = kernel;
        int r = radius;
        java.util.Arrays.fill(out, 0, rows * width, 0f);
        for (int i = 0; i < rows; i++) {
            int o = i * width;
            int k0 = Math.max(-r, -i);
            int k1 = Math.min(r, rows - 1 - i);
            for (int k = k0; k <= k1; k++) {
                Axpy.axpy(gain * w[k + r], in, (i + k) * width, out, o, width);
            }
        }
    }

    /**
     * Resamples {@code src} (an n x n image inside a one-pixel blank border, {@code (n+2)^2} values)
     * into {@code dst[off ..]}: output pixel {@code p} takes the bilinear value of the image at
     * {@code A⁻¹(p - c - t) + c + e(p)}, where {@code c} is the image centre,
     * {@code A = scale · R(angle) · [[1, shear], [0, 1]]}, {@code t = (dx, dy)} and {@code e} the
     * elastic field (or none). Outside the image is blank.
     */
    private static void warp(float[] src, float[] dst, int off, int n, double angleDegrees, double scale,
            double shear, double dx, double dy, float[] ex, float[] ey) {
        double th = Math.toRadians(angleDegrees);
        double cos = Math.cos(th);
        double sin = Math.sin(th);
        // Forward A with y pointing down, so a positive angle turns counter-clockwise on screen.
        double a00 = scale * cos;
        double a01 = scale * (cos * shear + sin);
        double a10 = -scale * sin;
        double a11 = scale * (cos - sin * shear);
        double det = a00 * a11 - a01 * a10;
        float i00 = (float) (a11 / det);
        float i01 = (float) (-a01 / det);
        float i10 = (float) (-a10 / det);
        float i11 = (float) (a00 / det);
        float c = (n - 1) / 2f;
        int stride = n + 2;
        float u0 = (float) (-c - dx);
        for (int i = 0; i < n; i++) {
            float v = (float) (i - c - dy);
            float sx0 = i00 * u0 + i01 * v + c;
            float sy0 = i10 * u0 + i11 * v + c;
            int row = i * n;
            for (int j = 0; j < n; j++) {
                float sx = sx0 + i00 * j;
                float sy = sy0 + i10 * j;
                if (ex != null) {
                    sx += ex[row + j];
                    sy += ey[row + j];
                }
                float value = 0f;
                // Inside (-1, n) at least one of the four neighbours is in the image; the blank
                // border supplies the others.
                if (sx > -1f && sy > -1f && sx < n && sy < n) {
                    // sx, sy > -1, so truncating sx + 1 is floor(sx) + 1: the index in the bordered image.
                    int px = (int) (sx + 1f);
                    int py = (int) (sy + 1f);
                    float fx = sx + 1f - px;
                    float fy = sy + 1f - py;
                    int b = py * stride + px;
                    float p00 = src[b];
                    float p01 = src[b + 1];
                    float p10 = src[b + stride];
                    float p11 = src[b + stride + 1];
                    float top = p00 + fx * (p01 - p00);
                    float bottom = p10 + fx * (p11 - p10);
                    value = top + fy * (bottom - top);
                }
                dst[off + row + j] = value;
            }
        }
    }

    /**
     * Grey dilation (max) or erosion (min) of {@code src} into {@code dst} by a 3x3 cross; pixels
     * outside the image are blank (0).
     */
    private static void morphology(float[] src, float[] dst, int n, boolean dilate) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                int p = i * n + j;
                float up = i > 0 ? src[p - n] : 0f;
                float down = i < n - 1 ? src[p + n] : 0f;
                float left = j > 0 ? src[p - 1] : 0f;
                float right = j < n - 1 ? src[p + 1] : 0f;
                float v = src[p];
                dst[p] = dilate
                        ? Math.max(v, Math.max(Math.max(up, down), Math.max(left, right)))
                        : Math.min(v, Math.min(Math.min(up, down), Math.min(left, right)));
            }
        }
    }

    /**
     * A copy of {@code image} (side x side, row after row) under a fixed affine transform: turned by
     * {@code angleDegrees} counter-clockwise on screen, scaled, sheared ({@code x += shear * y}) and
     * shifted by {@code (dx, dy)} pixels, about the image centre.
     */
    public static float[] affine(float[] image, int side, double angleDegrees, double scale, double shear,
            double dx, double dy) {
        checkImage(image, side);
        if (!(scale > 0)) {
            throw new IllegalArgumentException("scale must be positive, got " + scale);
        }
        float[] border = new float[(side + 2) * (side + 2)];
        for (int i = 0; i < side; i++) {
            System.arraycopy(image, i * side, border, (i + 1) * (side + 2) + 1, side);
        }
        float[] out = new float[side * side];
        warp(border, out, 0, side, angleDegrees, scale, shear, dx, dy, null, null);
        return out;
    }

    /** A copy of {@code image} with thicker strokes: grey dilation by a 3x3 cross. */
    public static float[] dilate(float[] image, int side) {
        checkImage(image, side);
        float[] out = new float[side * side];
        morphology(image, out, side, true);
        return out;
    }

    /** A copy of {@code image} with thinner strokes: grey erosion by a 3x3 cross. */
    public static float[] erode(float[] image, int side) {
        checkImage(image, side);
        float[] out = new float[side * side];
        morphology(image, out, side, false);
        return out; // the full erosion; augment() blends it in and stops at half the ink
    }

    private static void checkImage(float[] image, int side) {
        if (side < 2 || image.length != side * side) {
            throw new IllegalArgumentException("image has " + image.length + " values, expected " + side + "x" + side);
        }
    }
}
