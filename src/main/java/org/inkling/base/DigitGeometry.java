package org.inkling.base;

/**
 * The shape of MNIST, which every room of Inkling shares: 28x28 grey images, read as 784 values,
 * into ten digit classes.
 */
public final class DigitGeometry {
    /** Width and height of an image in pixels. */
    public static final int SIDE = 28;
    /** Values in one image, row after row. */
    public static final int PIXELS = SIDE * SIDE;
    /** The digits 0 to 9. */
    public static final int DIGITS = 10;

    private DigitGeometry() {}
}
