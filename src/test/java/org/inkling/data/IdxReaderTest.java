package org.inkling.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
    @TempDir
    Path dir;

    private static IdxImages images(byte[] file) throws IOException {
        return IdxReader.readImages(new ByteArrayInputStream(file), "imgs");
    }

    private static IdxLabels labels(byte[] file) throws IOException {
        return IdxReader.readLabels(new ByteArrayInputStream(file), "lbls", 10);
    }

    @Test
    void readsRawAndGzippedImagesAlike() throws IOException {
        byte[] raw = IdxFixtures.images(3, 4, 5);
        Path plain = Files.write(dir.resolve("plain.gz"), raw); // misleading extension: content decides
        Path zipped = Files.write(dir.resolve("zipped.idx"), IdxFixtures.gzip(raw));
        for (Path p : new Path[] {plain, zipped}) {
            IdxImages im = IdxReader.readImages(p);
            assertThat(im.count()).isEqualTo(3);
            assertThat(im.rows()).isEqualTo(4);
            assertThat(im.cols()).isEqualTo(5);
            assertThat(im.pixels()).isEqualTo(Arrays.copyOfRange(raw, 16, raw.length));
            assertThat(im.source()).isEqualTo(p.toString());
        }
    }

    @Test
    void readsLabels() throws IOException {
        IdxLabels l = labels(IdxFixtures.gzip(IdxFixtures.labels(23)));
        assertThat(l.count()).isEqualTo(23);
        assertThat(l.label(17)).isEqualTo(7);
    }

    @Test
    void namesTheFileAndHowFarATruncatedFileGot() throws IOException {
        byte[] raw = IdxFixtures.images(10, 28, 28);
        Path p = Files.write(dir.resolve("train-images-idx3-ubyte"), Arrays.copyOf(raw, 1234));
        assertThatThrownBy(() -> IdxReader.readImages(p))
                .isInstanceOf(MnistFileException.class)
                .hasMessage(p + ": ends after 1234 of 7856 bytes (16 header + 10 images of 28x28)");
    }

    @Test
    void reportsAGzipStreamCutShort() {
        byte[] gz = IdxFixtures.gzip(IdxFixtures.images(50, 28, 28));
        byte[] cut = Arrays.copyOf(gz, gz.length / 2);
        assertThatThrownBy(() -> images(cut))
                .isInstanceOf(MnistFileException.class)
                .hasMessageStartingWith("imgs: ends after ")
                .hasMessageContaining(" of 39216 bytes (16 header + 50 images of 28x28)")
                .hasMessageContaining("gzip stream is cut short");
    }

    @Test
    void reportsCorruptGzipData() {
        byte[] gz = IdxFixtures.gzip(IdxFixtures.images(50, 28, 28));
        for (int i = 20; i < gz.length - 8; i += 3) {
            gz[i] ^= 0x5a;
        }
        assertThatThrownBy(() -> images(gz)).isInstanceOf(MnistFileException.class).hasMessageStartingWith("imgs: ");
    }

    @Test
    void rejectsTrailingBytes() {
        byte[] raw = IdxFixtures.images(2, 3, 3);
        byte[] longer = Arrays.copyOf(raw, raw.length + 5);
        assertThatThrownBy(() -> images(longer))
                .hasMessage("imgs: has 5 trailing bytes after the 34 its header declares (16 header + 2 images of 3x3)");
        byte[] lbl = Arrays.copyOf(IdxFixtures.labels(4), 8 + 4 + 1);
        assertThatThrownBy(() -> labels(IdxFixtures.gzip(lbl)))
                .hasMessage("lbls: has 1 trailing bytes after the 12 its header declares (8 header + 4 labels)");
    }

    @Test
    void tellsImageAndLabelFilesApart() {
        assertThatThrownBy(() -> images(IdxFixtures.labels(3)))
                .hasMessage("imgs: is an IDX label file (magic 0x00000801), expected an image file (0x00000803)");
        assertThatThrownBy(() -> labels(IdxFixtures.images(1, 2, 2)))
                .hasMessage("lbls: is an IDX image file (magic 0x00000803), expected a label file (0x00000801)");
    }

    @Test
    void rejectsForeignFilesAndOtherDataTypes() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 0, 0, 0, 0, 0};
        assertThatThrownBy(() -> images(png))
                .hasMessage("imgs: is not an IDX file: it starts with 0x89504e47, expected 0x00000803 (an image file)");
        byte[] floats = ByteBuffer.allocate(16).putInt(0x00000D03).putInt(0).putInt(1).putInt(1).array();
        assertThatThrownBy(() -> images(floats)).hasMessageContaining("data type 0x0d");
        byte[] twoDims = ByteBuffer.allocate(12).putInt(0x00000802).putInt(1).putInt(1).array();
        assertThatThrownBy(() -> images(twoDims)).hasMessageContaining("has 2 dimensions");
    }

    @Test
    void rejectsEmptyShortHeaderAndImpossibleDimensions() {
        assertThatThrownBy(() -> images(new byte[0])).hasMessage("imgs: is empty");
        byte[] shortHeader = Arrays.copyOf(IdxFixtures.images(1, 2, 2), 10);
        assertThatThrownBy(() -> images(shortHeader)).hasMessage("imgs: ends after 10 of 16 header bytes");
        byte[] zeroRows = ByteBuffer.allocate(16).putInt(IdxReader.IMAGES_MAGIC).putInt(1).putInt(0).putInt(28).array();
        assertThatThrownBy(() -> images(zeroRows)).hasMessage("imgs: declares images of 0x28 pixels");
        byte[] huge = ByteBuffer.allocate(16).putInt(IdxReader.IMAGES_MAGIC).putInt(-1).putInt(28).putInt(28).array();
        assertThatThrownBy(() -> images(huge)).hasMessageContaining("declares 4294967295 images of 28x28");
    }

    @Test
    void rejectsLabelsOutsideTheClassRange() {
        byte[] l = IdxFixtures.labels(6);
        l[8 + 4] = 12;
        assertThatThrownBy(() -> labels(l)).hasMessage("lbls: label 12 at index 4 is outside 0..9");
    }

    @Test
    void namesMissingFiles() {
        Path missing = dir.resolve("nope-idx3-ubyte");
        assertThatThrownBy(() -> IdxReader.readImages(missing))
                .isInstanceOf(MnistFileException.class)
                .hasMessage(missing + ": no such file");
        assertThatThrownBy(() -> IdxReader.readImages(dir)).hasMessage(dir + ": is a folder, not a file");
    }
}
