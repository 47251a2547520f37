package org.inkling.nn;

import org.inkling.base.Fuzzing;

/** Fuzzes the .npy reader: an array of the expected shape, or an {@code NpyException} with a short, clean message. */
public class NpyFuzz {
    private static final int[] SHAPE = {3, 4};

    public static void fuzzerTestOneInput(byte[] input) {
        try {
            float[] v = Npy.read(input, SHAPE, "weights/dense.kernel.npy");
            if (v.length != 12) throw new AssertionError(v.length + " values for a (3, 4) array");
            for (float x : v) if (!Float.isFinite(x)) throw new AssertionError("a non-finite value passed: " + x);
        } catch (Npy.NpyException e) {
            Fuzzing.checkMessage(e.getMessage(), 300);
        }
    }
}
