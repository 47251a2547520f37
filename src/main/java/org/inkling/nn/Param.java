package org.inkling.nn;

import java.util.Arrays;
import org.ejml.data.FMatrixRMaj;

/**
 * A trainable array and its gradient. The matrix holds the values row-major; {@link #shape()} is
 * the logical shape written to model files (Keras order: dense kernel {@code (in, units)}, bias
 * {@code (units)}, conv kernel {@code (kh, kw, inChannels, filters)}).
 */
public final class Param {
    private final String name;
    private final int[] shape;
    private final FMatrixRMaj value;
    private final FMatrixRMaj grad;

    public Param(String name, int[] shape, int rows, int cols) {
        this.name = name;
        this.shape = shape.clone();
        int n = 1;
        for (int d : shape) n *= d;
        if (n != rows * cols) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " does not hold " + rows + "x" + cols);
        }
        this.value = new FMatrixRMaj(rows, cols);
        this.grad = new FMatrixRMaj(rows, cols);
    }

    /** Keras-style name, e.g. {@code dense_1/kernel}. */
    public String name() {
        return name;
    }

    public int[] shape() {
        return shape.clone();
    }

    public FMatrixRMaj value() {
        return value;
    }

    public FMatrixRMaj grad() {
        return grad;
    }

    /** Number of scalars. */
    public int size() {
        return value.getNumElements();
    }
}
