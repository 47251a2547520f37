package org.inkling.nn;

/** A contiguous slice of other examples, e.g. the validation split or the first N images. */
public final class ExampleRange implements Examples {
    private final Examples base;
    private final int from;
    private final int size;

    private ExampleRange(Examples base, int from, int to) {
        if (from < 0 || to > base.size() || from > to) {
            throw new IllegalArgumentException("range " + from + ".." + to + " is outside 0.." + base.size());
        }
        this.base = base;
        this.from = from;
        this.size = to - from;
    }

    /** Examples {@code from} (inclusive) to {@code to} (exclusive) of {@code base}. */
    public static Examples of(Examples base, int from, int to) {
        return new ExampleRange(base, from, to);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public int inputSize() {
        return base.inputSize();
    }

    @Override
    public int label(int i) {
        return base.label(from + check(i));
    }

    @Override
    public void copyInput(int i, float[] dst, int offset) {
        base.copyInput(from + check(i), dst, offset);
    }

    private int check(int i) {
        if (i < 0 || i >= size) throw new IndexOutOfBoundsException("example " + i + " of " + size);
        return i;
    }
}
