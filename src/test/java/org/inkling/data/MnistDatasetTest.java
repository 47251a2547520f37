package org.inkling.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistDatasetTest {
    @TempDir
    Path dir;

    private MnistDataset dataset(int n) throws IOException {
        Path im = Files.write(dir.resolve("im.gz"), IdxFixtures.gzip(IdxFixtures.images(n, 28, 28)));
        Path lb = Files.write(dir.resolve("lb"), IdxFixtures.labels(n));
        return MnistDataset.load(im, lb);
    }

    @Test
    void scalesBytesToUnitRangeWhenCopied() throws IOException {
        MnistDataset d = dataset(5);
        assertThat(d.size()).isEqualTo(5);
        assertThat(d.inputSize()).isEqualTo(784);
        float[] dst = new float[3 + 784];
        d.copyInput(2, dst, 3);
        for (int p = 0; p < 784; p++) {
            int expected = (2 * 31 + p * 7) & 0xFF;
            assertThat(dst[3 + p]).isEqualTo(expected / 255f);
            assertThat(d.pixel(2, p / 28, p % 28)).isEqualTo(expected);
        }
        assertThat(dst[0]).isZero();
        assertThat(d.label(3)).isEqualTo(3);
    }

    @Test
    void everyByteScalesToTheBitsOfItsDivisionBy255() {
        // the vector path converts and divides; each of the 256 values must give v / 255f exactly
        byte[] pixels = new byte[256 * 784];
        for (int i = 0; i < pixels.length; i++) pixels[i] = (byte) (i % 256 + i / 784);
        MnistDataset d = MnistDataset.of("all-bytes", pixels, new byte[256]);
        float[] dst = new float[784];
        for (int img = 0; img < 256; img++) {
            d.copyInput(img, dst, 0);
            for (int p = 0; p < 784; p++) {
                int v = pixels[img * 784 + p] & 0xFF;
                assertThat(Float.floatToRawIntBits(dst[p])).as("image %d pixel %d (%d)", img, p, v)
                        .isEqualTo(Float.floatToRawIntBits(v / 255f));
            }
        }
    }

    @Test
    void aBatchCopiedAtOnceEqualsItsImagesCopiedOneByOne() throws IOException {
        MnistDataset s = dataset(12).subset(2, 12);
        int[] order = {9, 0, 4, 4, 7, 1, 3};
        float[] batch = new float[5 + 4 * 784 + 1];
        java.util.Arrays.fill(batch, -1f);
        s.copyInputs(order, 2, 6, batch, 5);
        float[] one = new float[784];
        for (int r = 0; r < 4; r++) {
            s.copyInput(order[2 + r], one, 0);
            assertThat(java.util.Arrays.copyOfRange(batch, 5 + r * 784, 5 + (r + 1) * 784)).as("row %d", r).isEqualTo(one);
        }
        assertThat(batch[4]).isEqualTo(-1f);
        assertThat(batch[batch.length - 1]).isEqualTo(-1f);
        assertThatThrownBy(() -> s.copyInputs(new int[] {10}, 0, 1, batch, 0)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> s.copyInputs(order, 0, 7, new float[784], 0)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void subsetIsAViewWithShiftedIndices() throws IOException {
        MnistDataset d = dataset(12);
        MnistDataset s = d.subset(4, 9);
        assertThat(s.size()).isEqualTo(5);
        float[] a = new float[784];
        float[] b = new float[784];
        s.copyInput(1, a, 0);
        d.copyInput(5, b, 0);
        assertThat(a).isEqualTo(b);
        assertThat(s.label(1)).isEqualTo(d.label(5));
        MnistDataset ss = s.subset(2, 4);
        assertThat(ss.label(0)).isEqualTo(d.label(6));
        assertThat(ss.imageBytes(1)).isEqualTo(d.imageBytes(7));
        assertThat(s.labelCounts()).containsExactly(0, 0, 0, 0, 1, 1, 1, 1, 1, 0);
        assertThatThrownBy(() -> s.label(5)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> d.subset(3, 13)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void refusesImagesAndLabelsThatDoNotPair() throws IOException {
        IdxImages im = IdxReader.readImages(new ByteArrayInputStream(IdxFixtures.images(4, 28, 28)), "a-images");
        IdxLabels lb = IdxReader.readLabels(new ByteArrayInputStream(IdxFixtures.labels(3)), "a-labels", 10);
        assertThatThrownBy(() -> MnistDataset.of(im, lb))
                .isInstanceOf(MnistFileException.class)
                .hasMessage("a-images: holds 4 images but a-labels holds 3 labels; they must pair one to one");
    }

    @Test
    void refusesImagesThatAreNot28x28() throws IOException {
        IdxImages im = IdxReader.readImages(new ByteArrayInputStream(IdxFixtures.images(3, 32, 32)), "big");
        IdxLabels lb = IdxReader.readLabels(new ByteArrayInputStream(IdxFixtures.labels(3)), "l", 10);
        assertThatThrownBy(() -> MnistDataset.of(im, lb))
                .hasMessage("big: holds images of 32x32 pixels, MNIST images are 28x28");
    }
}
