package org.inkling.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** IDX files whose headers lie, with long tails, or that are not files at all. */
class IdxHostileTest {
    @TempDir
    Path dir;

    private static byte[] header(int magic, long... dims) {
        byte[] h = new byte[4 + 4 * dims.length];
        int[] words = new int[dims.length + 1];
        words[0] = magic;
        for (int i = 0; i < dims.length; i++) words[i + 1] = (int) dims[i];
        for (int w = 0; w < words.length; w++) {
            for (int b = 0; b < 4; b++) h[4 * w + b] = (byte) (words[w] >>> (24 - 8 * b));
        }
        return h;
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void aSixteenByteHeaderDeclaringTwoMillionImagesFailsWithoutAllocatingThem() throws Exception {
        byte[] liar = header(IdxReader.IMAGES_MAGIC, 2_000_000, 28, 28); // 1.5 GB declared, 16 bytes given
        long before = usedHeap();
        assertThatThrownBy(() -> IdxReader.readImages(new ByteArrayInputStream(liar), "liar"))
                .hasMessage("liar: ends after 16 of 1568000016 bytes (16 header + 2000000 images of 28x28)");
        assertThat(usedHeap() - before).isLessThan(200L << 20);
    }

    private static long usedHeap() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    @Test
    void dimensionsWhoseProductOverflowsALongAreRefused() {
        // found by fuzz/run.sh: 2^32 x 65535 x 65535 wrapped around in a long to a negative array size
        byte[] h = header(IdxReader.IMAGES_MAGIC, 0xffffffffL, 65535, 65535);
        assertThatThrownBy(() -> IdxReader.readImages(new ByteArrayInputStream(h), "h"))
                .isInstanceOf(MnistFileException.class)
                .hasMessageContaining("declares 4294967295 images of 65535x65535, more than fits in memory");
    }

    @Test
    void sidesBeyondTheLimitAreRefusedEvenWithNoImages() {
        // found by fuzz/run.sh: 0 images of 2,150,279,168 rows passed the size check and broke IdxImages
        byte[] h = header(IdxReader.IMAGES_MAGIC, 0, 2_150_279_168L, 28);
        assertThatThrownBy(() -> IdxReader.readImages(new ByteArrayInputStream(h), "h"))
                .hasMessage("h: declares images of 2150279168x28 pixels; the limit is 65535 on a side");
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void aGzippedFileWithALongTailStopsReadingEarly() throws Exception {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(header(IdxReader.LABELS_MAGIC, 3));
            out.write(new byte[] {1, 2, 3});
        }
        ByteArrayOutputStream zerosMember = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(zerosMember)) {
            out.write(new byte[64 << 20]);
        }
        // gzip members follow one another: 100 of them are 6.4 GB of tail in a 6 MB file
        for (int i = 0; i < 100; i++) gz.write(zerosMember.toByteArray());
        Path p = Files.write(dir.resolve("labels.gz"), gz.toByteArray());
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> IdxReader.readLabels(p))
                .hasMessage(p + ": has more than 1,024 KB of trailing bytes after the 11 its header declares (8 header + 3 labels)");
        assertThat((System.nanoTime() - t0) / 1e9).isLessThan(2);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void aPipeIsRefusedWithoutWaiting() throws Exception {
        Path fifo = dir.resolve("train-images-idx3-ubyte");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        assertThatThrownBy(() -> IdxReader.readImages(fifo)).hasMessage(fifo + ": is not a regular file (a pipe, device or socket); give a file");
    }

    @Test
    void aSetOfNoImagesIsAnError() {
        IdxImages none = new IdxImages("t10k-images", 0, 28, 28, new byte[0]);
        IdxLabels noLabels = new IdxLabels("t10k-labels", new byte[0]);
        assertThatThrownBy(() -> MnistDataset.of(none, noLabels)).hasMessage("t10k-images: holds no images");
    }
}
