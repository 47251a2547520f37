package org.inkling.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tests look for MNIST in the app's order and, with nothing anywhere, fail fast with one message. */
class TestMnistTest {
    @TempDir
    Path tmp;

    private Path fill(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (MnistFile f : MnistFile.values()) Files.write(dir.resolve(f.gzipName()), new byte[] {1});
        return dir;
    }

    @Test
    void thePropertyComesFirstThenTheEnvironmentThenTheCache() throws IOException {
        Path prop = fill(tmp.resolve("prop"));
        Path env = fill(tmp.resolve("env"));
        Path home = tmp.resolve("home");
        Path cache = fill(home.resolve(".cache/inkling/mnist"));
        Map<String, String> withEnv = Map.of(MnistLocator.ENV, env.toString());
        assertThat(TestMnist.find(prop.toString(), withEnv, tmp.resolve("none"), home, null)).isEqualTo(prop);
        assertThat(TestMnist.find("", withEnv, tmp.resolve("none"), home, null)).isEqualTo(env);
        Path shared = fill(tmp.resolve("shared"));
        assertThat(TestMnist.find(null, Map.of(), shared, home, null)).isEqualTo(shared);
        assertThat(TestMnist.find(null, Map.of(), tmp.resolve("fresh-clone-has-none"), home, null)).isEqualTo(cache);
    }

    @Test
    void aNamedFolderWithoutTheFilesIsReportedNotReplaced() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        fill(tmp.resolve("home/.cache/inkling/mnist"));
        assertThatThrownBy(() -> TestMnist.find(empty.toString(), Map.of(), tmp.resolve("none"), tmp.resolve("home"), null))
                .hasMessageContaining(empty.toString()).hasMessageContaining("-Dinkling.mnist")
                .hasMessageContaining("~/.cache/inkling/mnist");
    }

    @Test
    void nowhereAndNoMirrorFailsFastWithWhereToPutTheFiles() throws IOException {
        // a closed local port stands for a machine without internet
        MnistDownloader offline = new MnistDownloader(List.of(URI.create("http://127.0.0.1:9/")),
                Duration.ofSeconds(2), Duration.ofSeconds(2));
        Path home = tmp.resolve("home");
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> TestMnist.find(null, Map.of(), tmp.resolve("none"), home, offline))
                .isInstanceOf(MnistFileException.class)
                .hasMessageContaining("could not be downloaded")
                .hasMessageContaining("train-images-idx3-ubyte")
                .hasMessageContaining("~/.cache/inkling/mnist");
        assertThat((System.nanoTime() - t0) / 1e9).isLessThan(10);
    }

    @Test
    void theCheckBeforeCompilingProbesTheDownloadersMirrors() throws IOException {
        String check = Files.readString(Path.of("src/build/MnistCheck.java"));
        for (URI mirror : MnistDownloader.DEFAULT_MIRRORS) assertThat(check).contains('"' + mirror.toString() + '"');
        for (MnistFile f : MnistFile.values()) assertThat(check).contains('"' + f.fileName() + '"');
    }

    @Test
    void theCheckBeforeCompilingStopsOnlyABuildThatRunsTheTests() throws Exception {
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        Path check = Path.of("src/build/MnistCheck.java").toAbsolutePath();
        Path home = Files.createDirectories(tmp.resolve("empty-home"));
        Path cwd = Files.createDirectories(tmp.resolve("fresh-clone")); // nothing beside it
        for (String args : List.of("-q compile exec:exec", "verify")) {
            ProcessBuilder pb = new ProcessBuilder(javaBin.toString(), check.toString()).directory(cwd.toFile()).redirectErrorStream(true);
            pb.environment().put("MAVEN_CMD_LINE_ARGS", args);
            pb.environment().put("HOME", home.toString());
            pb.environment().remove(MnistLocator.ENV);
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            int code = p.waitFor();
            if (args.equals("verify")) {
                // this machine may reach a mirror; then the download comes after compiling, from TestMnist
                if (code != 0) assertThat(out).contains("No MNIST for the tests").contains("~/.cache/inkling/mnist");
            } else {
                assertThat(code).as(out).isZero();
                assertThat(out).isEmpty();
            }
        }
    }
}
