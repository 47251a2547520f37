package org.inkling.data;

import java.util.Arrays;
import java.util.Objects;
import org.inkling.nn.Examples;

/**
 * Examples held in memory: inputs as floats (already 0..1) or as unsigned bytes (scaled by
 * {@code /255f} when copied), with integer labels. For tests and for extra data generated at run
 * time, such as digits rendered from strokes.
 */
public final class ArrayExamples implements Examples {
    private final int inputSize;
    private final int[] labels;
    private final float[] floats;
    private final byte[] bytes;

    private ArrayExamples(int inputSize, int[] labels, float[] floats, byte[] bytes) {
        this.inputSize = inputSize;
        this.labels = labels;
        this.floats = floats;
        this.bytes = bytes;
    }

    /**
     * Float inputs, row after row: {@code inputs.length == labels.length * inputSize}. The arrays
     * are used as given, not copied.
     */
    public static ArrayExamples ofFloats(float[] inputs, int inputSize, int[] labels) {
        check(inputs.length, inputSize, labels);
        return new ArrayExamples(inputSize, labels, inputs, null);
    }

    /**
     * Unsigned byte inputs (0..255), row after row, scaled to 0..1 when copied. The arrays are used
     * as given, not copied.
     */
    public static ArrayExamples ofBytes(byte[] inputs, int inputSize, int[] labels) {
        check(inputs.length, inputSize, labels);
        return new ArrayExamples(inputSize, labels, null, inputs);
    }

    /** Collects float rows one at a time. */
    public static Builder builder(int inputSize) {
        return new Builder(inputSize);
    }

    private static void check(int values, int inputSize, int[] labels) {
        if (inputSize <= 0) {
            throw new IllegalArgumentException("inputSize must be positive, got " + inputSize);
        }
        if (values != (long) labels.length * inputSize) {
            throw new IllegalArgumentException(values + " input values are not " + labels.length
                    + " examples of " + inputSize);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0) {
                throw new IllegalArgumentException("label " + labels[i] + " at index " + i + " is negative");
            }
        }
    }

    @Override
    public int size() {
        return labels.length;
    }

    @Override
    public int inputSize() {
        return inputSize;
    }

    @Override
    public int label(int i) {
        return labels[i];
    }

    @Override
    public void copyInput(int i, float[] dst, int offset) {
        Objects.checkIndex(i, labels.length);
        Objects.checkFromIndexSize(offset, inputSize, dst.length);
        int base = i * inputSize;
        if (floats != null) {
            System.arraycopy(floats, base, dst, offset, inputSize);
        } else {
            for (int j = 0; j < inputSize; j++) {
                dst[offset + j] = (bytes[base + j] & 0xFF) / 255f;
            }
        }
    }

    /** Gathers rows of floats and their labels into an {@link ArrayExamples}. */
    public static final class Builder {
        private final int inputSize;
        private float[] values = new float[0];
        private int[] labels = new int[16];
        private int count;

        private Builder(int inputSize) {
            if (inputSize <= 0) {
                throw new IllegalArgumentException("inputSize must be positive, got " + inputSize);
            }
            this.inputSize = inputSize;
            this.values = new float[16 * inputSize];
        }

        /** Adds one example; the row is copied. */
        public Builder add(float[] input, int label) {
            if (input.length != inputSize) {
                throw new IllegalArgumentException("input has " + input.length + " values, expected " + inputSize);
            }
            if (label < 0) {
                throw new IllegalArgumentException("label " + label + " is negative");
            }
            if (count == labels.length) {
                labels = Arrays.copyOf(labels, count * 2);
                values = Arrays.copyOf(values, count * 2 * inputSize);
            }
            System.arraycopy(input, 0, values, count * inputSize, inputSize);
            labels[count++] = label;
            return this;
        }

        /** Number of examples added so far. */
        public int size() {
            return count;
        }

        public ArrayExamples build() {
            return ofFloats(Arrays.copyOf(values, count * inputSize), inputSize, Arrays.copyOf(labels, count));
        }
    }
}
