package org.inkling.nn.kernel;

/**
 * The geometry of a stride-1, valid-padding convolution over channels-last images, as the
 * products see it when they read the unfolded (im2col) matrix straight from the images instead of
 * a copy: row {@code (b, y, x)} of that matrix is output pixel (y, x) of image b, column
 * {@code t = (kh, kw, ch)} a kernel tap, and the value is the image's
 * {@code (y + kh, x + kw, ch)}. Under one kernel row the taps {@code kw, ch} are {@link #run}
 * contiguous values of the image, so a row of the matrix is {@code kernel} runs of the image.
 */
public final class ConvShape {
    final int h;
    final int w;
    final int c;
    final int kernel;
    final int oh;
    final int ow;
    /** Taps: kernel·kernel·c, the unfolded matrix's columns. */
    final int taps;
    /** Contiguous values of one kernel row: kernel·c. */
    final int run;
    /** Output pixels of one image. */
    final int pixels;
    /** Values of one input image. */
    final int imageSize;

    /**
     * @throws IllegalArgumentException when the sizes are not positive or the kernel does not fit
     */
    public ConvShape(int h, int w, int c, int kernel) {
        if (h < 1 || w < 1 || c < 1 || kernel < 1 || kernel > h || kernel > w) {
            throw new IllegalArgumentException("no valid " + kernel + "x" + kernel + " convolution over " + h + "x" + w + "x" + c);
        }
        if ((long) h * w * c > Integer.MAX_VALUE || (long) kernel * kernel * c > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("convolution too large: " + h + "x" + w + "x" + c + ", kernel " + kernel);
        }
        this.h = h;
        this.w = w;
        this.c = c;
        this.kernel = kernel;
        this.oh = h - kernel + 1;
        this.ow = w - kernel + 1;
        this.taps = kernel * kernel * c;
        this.run = kernel * c;
        this.pixels = oh * ow;
        this.imageSize = h * w * c;
    }

    /**
     * Whether the products can read this convolution's unfolded matrix from the images: a tile's
     * eight taps must lie under one kernel row (so {@code kernel·c} is a multiple of eight), which
     * holds for every convolution after the first (channels 32, 64 ...), not for a gray image's.
     */
    public boolean readsImagesInPlace() {
        return run % MicroKernel.MR == 0;
    }

    /** Where row {@code row} (an output pixel of the batch) starts in the images: its tap (0, 0, 0). */
    int rowBase(int row) {
        int b = row / pixels, p = row - b * pixels, y = p / ow, x = p - y * ow;
        return b * imageSize + (y * w + x) * c;
    }

    /** Where tap {@code t} lies relative to its row's start. */
    int tapOffset(int t) {
        int kh = t / run;
        return kh * w * c + (t - kh * run);
    }
}
