package org.inkling.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ExamplesTest {
    @Test
    void arrayExamplesHoldFloatsOrScaledBytes() {
        ArrayExamples f = ArrayExamples.ofFloats(new float[] {0.1f, 0.2f, 0.3f, 0.4f}, 2, new int[] {1, 0});
        float[] dst = new float[4];
        f.copyInput(1, dst, 1);
        assertThat(dst).containsExactly(0f, 0.3f, 0.4f, 0f);
        ArrayExamples b = ArrayExamples.ofBytes(new byte[] {0, (byte) 255, (byte) 128, 51}, 2, new int[] {7, 8});
        b.copyInput(0, dst, 0);
        assertThat(dst[0]).isEqualTo(0f);
        assertThat(dst[1]).isEqualTo(1f);
        b.copyInput(1, dst, 2);
        assertThat(dst[2]).isEqualTo(128 / 255f);
        assertThat(dst[3]).isEqualTo(0.2f);
        assertThat(b.label(1)).isEqualTo(8);
        assertThatThrownBy(() -> ArrayExamples.ofFloats(new float[5], 2, new int[] {0, 1}))
                .hasMessage("5 input values are not 2 examples of 2");
        assertThatThrownBy(() -> ArrayExamples.ofFloats(new float[2], 2, new int[] {-1}))
                .hasMessage("label -1 at index 0 is negative");
    }

    @Test
    void builderGrowsAndCopiesRows() {
        ArrayExamples.Builder bld = ArrayExamples.builder(3);
        float[] row = new float[3];
        for (int i = 0; i < 40; i++) {
            row[0] = i;
            bld.add(row, i % 10);
        }
        row[0] = -1;
        ArrayExamples e = bld.build();
        assertThat(e.size()).isEqualTo(40);
        float[] dst = new float[3];
        e.copyInput(37, dst, 0);
        assertThat(dst[0]).isEqualTo(37f);
        assertThat(e.label(37)).isEqualTo(7);
    }

    @Test
    void concatReadsPartsInOrderAndSkipsEmptyOnes() {
        ArrayExamples a = ArrayExamples.ofFloats(new float[] {1, 2}, 1, new int[] {1, 2});
        ArrayExamples empty = ArrayExamples.ofFloats(new float[0], 1, new int[0]);
        ArrayExamples c = ArrayExamples.ofFloats(new float[] {3, 4, 5}, 1, new int[] {3, 4, 5});
        ConcatExamples all = ConcatExamples.of(empty, a, empty, empty, c, empty);
        assertThat(all.size()).isEqualTo(5);
        float[] dst = new float[1];
        for (int i = 0; i < 5; i++) {
            all.copyInput(i, dst, 0);
            assertThat(dst[0]).isEqualTo(i + 1f);
            assertThat(all.label(i)).isEqualTo(i + 1);
        }
        assertThatThrownBy(() -> all.label(5)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> ConcatExamples.of(a, ArrayExamples.ofFloats(new float[2], 2, new int[] {0})))
                .hasMessage("part 1 has inputs of 2 values, part 0 of 1");
    }
}
