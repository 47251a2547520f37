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
    private final AugmentationConfig config;
    /** Normalised 1-D Gaussian of {@code elasticSigma}, taps {@code -radius..radius}. */
    private final float[] kernel;
    private final int radius;

    private int side = -1;
    private float[] source;
    private float[] morph;
    private float[] fieldX;
    private float[] fieldY;
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
            source = new float[n * n];
            morph = new float[n * n];
            fieldX = new float[n * n];
            fieldY = new float[n * n];
            blurTmp = new float[n * n];
        }
    }

    private void augmentOne(float[] x, int off, int n, RandomGenerator rng) {
        int nn = n * n;
        if (config.hasThickness() && rng.nextDouble() < config.thicknessProbability()) {
            boolean thicker = rng.nextBoolean();
            float strength = 0.5f + 0.5f * rng.nextFloat();
            System.arraycopy(x, off, source, 0, nn);
            morphology(source, morph, n, thicker);
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
        System.arraycopy(x, off, source, 0, nn);
        warp(source, x, off, n, angle, scale, shear, dx, dy, elastic ? fieldX : null, elastic ? fieldY : null);
    }

    private static double symmetric(RandomGenerator rng, double max) {
        return max == 0 ? 0 : (2 * rng.nextDouble() - 1) * max;
    }

    /**
     * Fills {@code fx, fy} with Simard's elastic displacement: uniform noise in ±1 per pixel,
     * convolved with the normalised Gaussian (zero outside the image), times {@code alpha}.
     */
    void elasticField(RandomGenerator rng, double alpha, float[] fx, float[] fy, int n) {
        ensureScratch(n);
        int nn = n * n;
        for (int p = 0; p < nn; p++) {
            fx[p] = 2 * rng.nextFloat() - 1;
            fy[p] = 2 * rng.nextFloat() - 1;
        }
        blur(fx, n, (float) alpha);
        blur(fy, n, (float) alpha);
    }

    /** Separable Gaussian blur in place, multiplied by {@code gain}; pixels outside count as 0. */
    private void blur(float[] f, int n, float gain) {
        float[] t = blurTmp;
        float[] w = kernel;
        int r = radius;
        for (int i = 0; i < n; i++) {
            int row = i * n;
            for (int j = 0; j < n; j++) {
                int k0 = Math.max(-r, -j);
                int k1 = Math.min(r, n - 1 - j);
                float s = 0;
                for (int k = k0; k <= k1; k++) {
                    s += w[k + r] * f[row + j + k];
                }
                t[row + j] = s;
            }
        }
        for (int i = 0; i < n; i++) {
            int k0 = Math.max(-r, -i);
            int k1 = Math.min(r, n - 1 - i);
            for (int j = 0; j < n; j++) {
                float s = 0;
                for (int k = k0; k <= k1; k++) {
                    s += w[k + r] * t[(i + k) * n + j];
                }
                f[i * n + j] = gain * s;
            }
        }
    }

    /**
     * Resamples {@code src} into {@code dst[off ..]}: output pixel {@code p} takes the bilinear
     * value of {@code src} at {@code A⁻¹(p - c - t) + c + e(p)}, where {@code c} is the image centre,
     * {@code A = scale · R(angle) · [[1, shear], [0, 1]]}, {@code t = (dx, dy)} and {@code e} the
     * elastic field (or none).
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
        double i00 = a11 / det;
        double i01 = -a01 / det;
        double i10 = -a10 / det;
        double i11 = a00 / det;
        double c = (n - 1) / 2.0;
        for (int i = 0; i < n; i++) {
            double v = i - c - dy;
            double u0 = -c - dx;
            double sx0 = i00 * u0 + i01 * v + c;
            double sy0 = i10 * u0 + i11 * v + c;
            int row = i * n;
            for (int j = 0; j < n; j++) {
                double sx = sx0 + i00 * j;
                double sy = sy0 + i10 * j;
                if (ex != null) {
                    sx += ex[row + j];
                    sy += ey[row + j];
                }
                dst[off + row + j] = bilinear(src, n, sx, sy);
            }
        }
    }

    private static float bilinear(float[] src, int n, double sx, double sy) {
        if (!(sx > -1 && sy > -1 && sx < n && sy < n)) {
            return 0f;
        }
        int x0 = (int) Math.floor(sx);
        int y0 = (int) Math.floor(sy);
        float fx = (float) (sx - x0);
        float fy = (float) (sy - y0);
        float p00;
        float p01;
        float p10;
        float p11;
        if (x0 >= 0 && y0 >= 0 && x0 + 1 < n && y0 + 1 < n) {
            int b = y0 * n + x0;
            p00 = src[b];
            p01 = src[b + 1];
            p10 = src[b + n];
            p11 = src[b + n + 1];
        } else {
            p00 = at(src, n, y0, x0);
            p01 = at(src, n, y0, x0 + 1);
            p10 = at(src, n, y0 + 1, x0);
            p11 = at(src, n, y0 + 1, x0 + 1);
        }
        float top = p00 + fx * (p01 - p00);
        float bottom = p10 + fx * (p11 - p10);
        return top + fy * (bottom - top);
    }

    private static float at(float[] src, int n, int y, int x) {
        return x >= 0 && y >= 0 && x < n && y < n ? src[y * n + x] : 0f;
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
        float[] out = new float[side * side];
        warp(image, out, 0, side, angleDegrees, scale, shear, dx, dy, null, null);
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
        return out;
    }

    private static void checkImage(float[] image, int side) {
        if (side < 2 || image.length != side * side) {
            throw new IllegalArgumentException("image has " + image.length + " values, expected " + side + "x" + side);
        }
    }
}
