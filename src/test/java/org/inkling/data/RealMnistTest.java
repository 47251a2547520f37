package org.inkling.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reads the real MNIST where {@link TestMnist} finds it. */
class RealMnistTest {
    private static Path mnistDir() {
        return TestMnist.dir();
    }

    @Test
    void readsTheFourFilesWithPlausibleContents() throws IOException {
        Path dir = mnistDir();
        MnistLocator locator = new MnistLocator(dir, java.util.Map.of(), Path.of("/nonexistent-home"));
        Optional<MnistFiles> files = locator.findLocal();
        assertThat(files).isPresent();
        Mnist mnist = Mnist.load(files.get());
        assertThat(mnist.train().size()).isEqualTo(60000);
        assertThat(mnist.test().size()).isEqualTo(10000);
        assertThat(mnist.train().label(0)).isEqualTo(5);
        assertThat(mnist.test().label(0)).isEqualTo(7);
        // Each digit is 9-11.3% of either set (the real extremes are 5: 9.0%, 1: 11.2%).
        for (MnistDataset d : new MnistDataset[] {mnist.train(), mnist.test()}) {
            int[] counts = d.labelCounts();
            for (int c = 0; c < 10; c++) {
                assertThat(counts[c] / (double) d.size()).as("share of %d in %s", c, d.name()).isBetween(0.085, 0.115);
            }
        }
        assertThat(mnist.train().labelCounts()[5]).isEqualTo(5421);
        // The first training image (a 5) has ink in its middle and blank corners.
        float[] x = new float[784];
        mnist.train().copyInput(0, x, 0);
        double mass = 0;
        for (float v : x) {
            assertThat(v).isBetween(0f, 1f);
            mass += v;
        }
        assertThat(mass).isBetween(50.0, 200.0);
        assertThat(x[0]).isZero();
    }

    @Test
    void decodedBytesMatchTheCanonicalChecksumsInTheCode() throws Exception {
        Path dir = mnistDir();
        for (MnistFile f : MnistFile.values()) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(IdxReader.decode(Files.newInputStream(MnistLocator.scan(dir).get(f)),
                    f.fileName()), md)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            assertThat(HexFormat.of().formatHex(md.digest())).as(f.fileName()).isEqualTo(f.sha256());
        }
    }
}
