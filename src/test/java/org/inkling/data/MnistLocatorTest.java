package org.inkling.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistLocatorTest {
    @TempDir
    Path tmp;

    private static Path fill(Path dir, boolean gzipped) throws IOException {
        Files.createDirectories(dir);
        for (MnistFile f : MnistFile.values()) {
            byte[] raw = f.fileName().contains("images") ? IdxFixtures.images(2, 28, 28) : IdxFixtures.labels(2);
            Files.write(dir.resolve(gzipped ? f.gzipName() : f.fileName()), gzipped ? IdxFixtures.gzip(raw) : raw);
        }
        return dir;
    }

    @Test
    void explicitFolderComesFirstThenEnvironmentThenCache() throws IOException {
        Path home = tmp.resolve("home");
        Path explicit = fill(tmp.resolve("explicit"), false);
        Path env = fill(tmp.resolve("env"), true);
        fill(home.resolve(".cache/inkling/mnist"), true);

        MnistFiles a = new MnistLocator(explicit, Map.of(MnistLocator.ENV, env.toString()), home).findLocal().orElseThrow();
        assertThat(a.path(MnistFile.TRAIN_IMAGES)).isEqualTo(explicit.resolve("train-images-idx3-ubyte"));
        assertThat(a.source()).isEqualTo("--data " + explicit);

        MnistFiles b = new MnistLocator(null, Map.of(MnistLocator.ENV, env.toString()), home).findLocal().orElseThrow();
        assertThat(b.path(MnistFile.TEST_LABELS)).isEqualTo(env.resolve("t10k-labels-idx1-ubyte.gz"));

        MnistFiles c = new MnistLocator(null, Map.of(), home).findLocal().orElseThrow();
        assertThat(c.path(MnistFile.TEST_IMAGES)).isEqualTo(home.resolve(".cache/inkling/mnist/t10k-images-idx3-ubyte.gz"));
        assertThat(Mnist.load(c).train().size()).isEqualTo(2);
    }

    @Test
    void anIncompleteCacheMeansDownloadButAnIncompleteNamedFolderIsAnError() throws IOException {
        Path home = tmp.resolve("home");
        Path cache = fill(home.resolve(".cache/inkling/mnist"), false);
        Files.delete(cache.resolve("t10k-labels-idx1-ubyte"));
        assertThat(new MnistLocator(null, Map.of(), home).findLocal()).isEmpty();

        assertThatThrownBy(() -> new MnistLocator(cache, Map.of(), home).findLocal())
                .isInstanceOf(MnistFileException.class)
                .hasMessage(cache + ": does not hold t10k-labels-idx1-ubyte (given by --data; each file may also be"
                        + " gzipped, with .gz added to its name)");
        Path nowhere = tmp.resolve("nowhere");
        assertThatThrownBy(() -> new MnistLocator(null, Map.of(MnistLocator.ENV, nowhere.toString()), home).findLocal())
                .hasMessage(nowhere + ": is not a folder (given by INKLING_MNIST)");
    }
}
