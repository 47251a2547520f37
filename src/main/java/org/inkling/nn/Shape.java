package org.inkling.nn;

import java.util.Arrays;
import java.util.List;

/**
 * The shape of one example as a layer sees it, without the batch dimension. Flat vectors have one
 * dimension ({@code (512)}); images are channels-last {@code (height, width, channels)} as in Keras,
 * because im2col then turns a convolution into one matrix product with no transpose, and a
 * flattened image has the same element order as in Keras. Every example is stored as one row of a
 * batch matrix, so a shape only says how a layer reads its row.
 */
public final class Shape {
    private final int[] dims;

    private Shape(int[] dims) {
        if (dims.length != 1 && dims.length != 3) {
            throw new IllegalArgumentException("a shape has 1 or 3 dimensions, got " + Arrays.toString(dims));
        }
        for (int d : dims) {
            if (d <= 0) {
                throw new IllegalArgumentException("shape dimensions must be positive, got " + Arrays.toString(dims));
            }
        }
        this.dims = dims.clone();
    }

    /** A flat vector of {@code size} values. */
    public static Shape flat(int size) {
        return new Shape(new int[] {size});
    }

    /** A channels-last image. */
    public static Shape image(int height, int width, int channels) {
        return new Shape(new int[] {height, width, channels});
    }

    /** A shape from its dimensions (1 → flat, 3 → height, width, channels). */
    public static Shape of(List<? extends Number> dims) {
        return new Shape(dims.stream().mapToInt(Number::intValue).toArray());
    }

    public boolean isFlat() {
        return dims.length == 1;
    }

    /** Number of values in one example. */
    public int size() {
        int s = 1;
        for (int d : dims) s *= d;
        return s;
    }

    public int height() {
        requireImage();
        return dims[0];
    }

    public int width() {
        requireImage();
        return dims[1];
    }

    public int channels() {
        requireImage();
        return dims[2];
    }

    public int[] dims() {
        return dims.clone();
    }

    /** Dimensions as a list, for model files. */
    public List<Integer> toList() {
        return Arrays.stream(dims).boxed().toList();
    }

    private void requireImage() {
        if (dims.length != 3) throw new IllegalStateException("shape " + this + " is not an image");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Shape s && Arrays.equals(dims, s.dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    /** Keras style, with the batch dimension: {@code (None, 26, 26, 32)}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("(None");
        for (int d : dims) sb.append(", ").append(d);
        return sb.append(')').toString();
    }
}
