package org.inkling.data;

/**
 * The contents of an IDX image file: {@code count} images of {@code rows x cols} unsigned bytes,
 * stored image after image, row after row. Kept as bytes so that the MNIST training set takes 47 MB
 * in memory rather than 188 MB of floats.
 *
 * @param source the file the images came from, for messages
 */
public record IdxImages(String source, int count, int rows, int cols, byte[] pixels) {
    public IdxImages {
        if (count < 0 || rows <= 0 || cols <= 0 || (long) count * rows * cols != pixels.length) {
            throw new IllegalArgumentException(source + ": " + count + " images of " + rows + "x" + cols
                    + " do not match " + pixels.length + " pixel bytes");
        }
    }

    /** Values per image ({@code rows * cols}). */
    public int imageSize() {
        return rows * cols;
    }
}
