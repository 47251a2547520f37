package org.inkling.data;

import java.util.Arrays;
import java.util.List;
import org.inkling.nn.Examples;

/**
 * Several {@link Examples} read as one, in order, without copying (MNIST followed by extra digits
 * rendered from strokes, for instance). All parts must have the same input size.
 */
public final class ConcatExamples implements Examples {
    private final Examples[] parts;
    /** {@code starts[k]} is the index of part {@code k}'s first example; {@code starts[n]} the total. */
    private final int[] starts;
    private final int inputSize;

    public ConcatExamples(List<? extends Examples> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("ConcatExamples needs at least one part");
        }
        this.parts = parts.toArray(new Examples[0]);
        this.inputSize = this.parts[0].inputSize();
        this.starts = new int[this.parts.length + 1];
        long total = 0;
        for (int k = 0; k < this.parts.length; k++) {
            Examples p = this.parts[k];
            if (p.inputSize() != inputSize) {
                throw new IllegalArgumentException("part " + k + " has inputs of " + p.inputSize()
                        + " values, part 0 of " + inputSize);
            }
            starts[k] = (int) total;
            total += p.size();
            if (total > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("more than " + Integer.MAX_VALUE + " examples in total");
            }
        }
        starts[this.parts.length] = (int) total;
    }

    public static ConcatExamples of(Examples... parts) {
        return new ConcatExamples(List.of(parts));
    }

    @Override
    public int size() {
        return starts[parts.length];
    }

    @Override
    public int inputSize() {
        return inputSize;
    }

    @Override
    public int label(int i) {
        int k = part(i);
        return parts[k].label(i - starts[k]);
    }

    @Override
    public void copyInput(int i, float[] dst, int offset) {
        int k = part(i);
        parts[k].copyInput(i - starts[k], dst, offset);
    }

    private int part(int i) {
        if (i < 0 || i >= size()) {
            throw new IndexOutOfBoundsException("index " + i + " out of 0.." + (size() - 1));
        }
        int k = Arrays.binarySearch(starts, i);
        if (k >= 0) {
            // i is the first index of part k, but empty parts share a start: take the last of them.
            while (k + 1 < parts.length && starts[k + 1] == i) {
                k++;
            }
            return k;
        }
        return -k - 2;
    }
}
