package org.inkling.nn;

import java.util.BitSet;
import java.util.Random;

/** In-memory examples for tests; remembers which ones were read. */
final class ArrayExamples implements Examples {
    final float[][] x;
    final int[] y;
    final BitSet read = new BitSet();

    ArrayExamples(float[][] x, int[] y) {
        this.x = x;
        this.y = y;
    }

    /** Two Gaussian blobs per class around random centres: separable with a margin. */
    static ArrayExamples blobs(int n, int inputs, int classes, long seed) {
        Random rnd = new Random(seed);
        float[][] centres = new float[classes][inputs];
        for (float[] c : centres) for (int i = 0; i < inputs; i++) c[i] = (float) rnd.nextGaussian() * 3;
        float[][] x = new float[n][inputs];
        int[] y = new int[n];
        for (int k = 0; k < n; k++) {
            y[k] = k % classes;
            for (int i = 0; i < inputs; i++) x[k][i] = centres[y[k]][i] + (float) rnd.nextGaussian() * 0.3f;
        }
        return new ArrayExamples(x, y);
    }

    static ArrayExamples xor() {
        return new ArrayExamples(new float[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}}, new int[] {0, 1, 1, 0});
    }

    @Override
    public int size() {
        return y.length;
    }

    @Override
    public int inputSize() {
        return x[0].length;
    }

    @Override
    public int label(int i) {
        return y[i];
    }

    @Override
    public void copyInput(int i, float[] dst, int offset) {
        read.set(i);
        System.arraycopy(x[i], 0, dst, offset, x[i].length);
    }
}
