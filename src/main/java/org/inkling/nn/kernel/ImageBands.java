package org.inkling.nn.kernel;

import static org.inkling.nn.kernel.MicroKernel.MR;

/**
 * Which eight rows of C a packed panel covers in the weight gradient of a layer fed with square
 * images ({@code Xᵀ·dZ} with X a batch of flattened w×w images, so that row i of C is pixel i):
 * a block of two image rows by four columns, rather than eight pixels side by side on one image
 * row. A step (one image of the batch) is skipped when the panel's eight pixels are all blank in
 * it, and ink is about as tall as it is wide: on batches of 128 MNIST digits a 2×4 block is blank
 * at 68% of the steps against 61% for a 1×8 strip, so the product does a fifth less arithmetic.
 *
 * <p>Which rows share a panel changes no bit: each element of C is still its own FMA chain over
 * the kept steps, in order. Whether the rows are an image's pixels is a guess from the shape (a
 * square number of rows whose side is a multiple of four, such as 784 = 28²) and the blankness of
 * A (as {@link SparsePairs#sparseEnough} judges it: a relu layer's output, such as a convolutional
 * network's 5×5×64 = 40² features, is not taken); a wrong guess only costs speed.
 */
final class ImageBands {
    /** Sides below this are not taken for images. */
    private static final int MIN_SIDE = 8;

    private ImageBands() {}

    /**
     * The image side w when {@code m} rows are taken as a w×w image (then every panel is whole: m
     * is a multiple of 2w and of {@value MicroKernel#MR}), else 0.
     */
    static int side(int m) {
        int w = (int) Math.round(Math.sqrt(m));
        return w >= MIN_SIDE && w * w == m && w % 4 == 0 ? w : 0;
    }

    /**
     * The first row of C of panel {@code ir / MR} (ir a multiple of MR): panels run along pairs of
     * image rows, four columns at a time; the panel's rows 4 to 7 are {@code side} rows further.
     */
    static int firstRow(int ir, int side) {
        int panel = ir / MR, perBand = side / 4;
        return panel / perBand * 2 * side + panel % perBand * 4;
    }
}
