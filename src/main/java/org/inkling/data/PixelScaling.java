package org.inkling.data;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Unsigned pixel bytes to floats {@code v / 255f}, a vector of pixels at a time: widened to ints,
 * converted (exactly: every byte is an integer a float holds) and divided, which is the same IEEE
 * division as {@code v / 255f} per pixel and so the same bits as the table the scalar path reads.
 * Copying a batch this way takes about a third of the table loop's time, which the JIT does not
 * vectorise (a gather).
 */
final class PixelScaling {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> I = IntVector.SPECIES_PREFERRED;
    /** As many bytes as F has floats: one load per vector of output. */
    private static final VectorSpecies<Byte> B = ByteVector.SPECIES_PREFERRED.withShape(
            jdk.incubator.vector.VectorShape.forBitSize(F.length() * Byte.SIZE));
    private static final float MAX = 255f;

    private PixelScaling() {}

    /** {@code dst[d + j] = table[src[s + j] & 0xFF]} for j < len, where {@code table[v] == v / 255f}. */
    static void scale(byte[] src, int s, float[] dst, int d, int len, float[] table) {
        int j = 0;
        if (I.length() == F.length()) {
            for (int upper = len - F.length(); j <= upper; j += F.length()) {
                ByteVector b = ByteVector.fromArray(B, src, s + j);
                IntVector wide = (IntVector) b.convertShape(VectorOperators.ZERO_EXTEND_B2I, I, 0);
                FloatVector f = (FloatVector) wide.convertShape(VectorOperators.I2F, F, 0);
                f.div(MAX).intoArray(dst, d + j);
            }
        }
        for (; j < len; j++) {
            dst[d + j] = table[src[s + j] & 0xFF];
        }
    }
}
