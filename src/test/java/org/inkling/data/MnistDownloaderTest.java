package org.inkling.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The download path against a small HTTP server on 127.0.0.1 that serves gzipped synthetic IDX
 * files under two "mirrors" ({@code /a/} and {@code /b/}), each of which can be told to misbehave.
 * Nothing here reaches the internet.
 */
class MnistDownloaderTest {
    enum Behaviour { OK, NOT_FOUND, TRUNCATED, CORRUPT, SLOW }

    @TempDir
    Path home;

    private HttpServer server;
    private ExecutorService executor;
    private final CountDownLatch release = new CountDownLatch(1);
    private final Map<String, Behaviour> behaviour = new ConcurrentHashMap<>();
    private final List<String> requests = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Map<MnistFile, byte[]> decoded = new EnumMap<>(MnistFile.class);
    private final Map<MnistFile, String> sums = new EnumMap<>(MnistFile.class);

    @BeforeEach
    void startServer() throws IOException {
        decoded.put(MnistFile.TRAIN_IMAGES, IdxFixtures.images(30, 28, 28));
        decoded.put(MnistFile.TRAIN_LABELS, IdxFixtures.labels(30));
        decoded.put(MnistFile.TEST_IMAGES, IdxFixtures.images(7, 28, 28));
        decoded.put(MnistFile.TEST_LABELS, IdxFixtures.labels(7));
        decoded.forEach((f, b) -> sums.put(f, IdxFixtures.sha256(b)));

        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        executor = Executors.newCachedThreadPool();
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        server.start();
        behaviour.put("a", Behaviour.OK);
        behaviour.put("b", Behaviour.OK);
    }

    @AfterEach
    void stopServer() throws InterruptedException {
        release.countDown();
        server.stop(0);
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }

    private void serve(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath(); // /a/train-images-idx3-ubyte.gz
        requests.add(path);
        String[] parts = path.split("/");
        MnistFile file = Arrays.stream(MnistFile.values())
                .filter(f -> f.gzipName().equals(parts[parts.length - 1])).findFirst().orElse(null);
        Behaviour b = behaviour.getOrDefault(parts[1], Behaviour.NOT_FOUND);
        try (ex) {
            if (file == null || b == Behaviour.NOT_FOUND) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = IdxFixtures.gzip(decoded.get(file));
            OutputStream out = ex.getResponseBody();
            switch (b) {
                case OK -> {
                    ex.sendResponseHeaders(200, body.length);
                    out.write(body);
                }
                case CORRUPT -> {
                    // A valid gzip of different content: decodes fine, checksum must catch it.
                    byte[] other = decoded.get(file).clone();
                    other[other.length - 1] ^= 1;
                    byte[] bad = IdxFixtures.gzip(other);
                    ex.sendResponseHeaders(200, bad.length);
                    out.write(bad);
                }
                case TRUNCATED -> {
                    // Announce the full length, send half, then close the connection.
                    ex.sendResponseHeaders(200, body.length);
                    out.write(body, 0, body.length / 2);
                    out.flush(); // closing the exchange now cuts the body short
                }
                case SLOW -> {
                    ex.sendResponseHeaders(200, body.length);
                    out.write(body, 0, 10);
                    out.flush();
                    release.await(10, TimeUnit.SECONDS);
                    out.write(body, 10, body.length - 10);
                }
                default -> throw new IllegalStateException();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client went away (truncated or timed-out cases); nothing to do
        }
    }

    private URI mirror(String name) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + name + "/");
    }

    private MnistDownloader downloader(Duration readTimeout, URI... mirrors) {
        return new MnistDownloader(List.of(mirrors), sums, Duration.ofSeconds(2), readTimeout);
    }

    private MnistLocator locator() {
        return new MnistLocator(null, Map.of(), home);
    }

    private List<String> cacheContents() throws IOException {
        Path cache = locator().cacheDir();
        if (!Files.isDirectory(cache)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(cache)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void downloadsVerifiesAndThenFindsTheFilesInTheCache() throws IOException {
        List<DownloadProgress> events = new ArrayList<>();
        MnistFiles files = locator().locate(downloader(Duration.ofSeconds(2), mirror("a"), mirror("b")), events::add);

        assertThat(files.source()).startsWith("downloaded into ");
        assertThat(cacheContents()).containsExactly("t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz",
                "train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz");
        assertThat(requests).allMatch(r -> r.startsWith("/a/")).hasSize(4);
        Mnist mnist = Mnist.load(files);
        assertThat(mnist.train().size()).isEqualTo(30);
        assertThat(mnist.test().size()).isEqualTo(7);
        assertThat(mnist.train().imageBytes(4)).isEqualTo(Arrays.copyOfRange(
                decoded.get(MnistFile.TRAIN_IMAGES), 16 + 4 * 784, 16 + 5 * 784));

        DownloadProgress last = events.getLast();
        assertThat(last.file()).isEqualTo(MnistFile.TEST_LABELS);
        assertThat(last.fileNumber()).isEqualTo(4);
        assertThat(last.fileCount()).isEqualTo(4);
        assertThat(last.bytesTotal()).isPositive().isEqualTo(last.bytesDone());
        assertThat(last.fraction()).isEqualTo(1.0);

        // A second run finds the cache complete and asks the network nothing.
        requests.clear();
        MnistFiles again = locator().locate(downloader(Duration.ofSeconds(2), mirror("a")), DownloadListener.NONE);
        assertThat(again.source()).startsWith("cache ");
        assertThat(requests).isEmpty();

        // Only what is missing is fetched again.
        Files.delete(locator().cacheDir().resolve("train-labels-idx1-ubyte.gz"));
        locator().locate(downloader(Duration.ofSeconds(2), mirror("a")), DownloadListener.NONE);
        assertThat(requests).containsExactly("/a/train-labels-idx1-ubyte.gz");
        assertThat(cacheContents()).hasSize(4);
    }

    @Test
    void fallsBackToTheNextMirrorAfterA404() throws IOException {
        behaviour.put("a", Behaviour.NOT_FOUND);
        List<String> failures = new ArrayList<>();
        DownloadListener listener = new DownloadListener() {
            @Override
            public void onProgress(DownloadProgress p) {}

            @Override
            public void onMirrorFailed(MnistFile file, URI url, String reason) {
                failures.add(reason);
            }
        };
        locator().locate(downloader(Duration.ofSeconds(2), mirror("a"), mirror("b")), listener);
        assertThat(failures).hasSize(4).allMatch(r -> r.startsWith("HTTP 404"));
        assertThat(cacheContents()).hasSize(4);
        assertThat(requests).filteredOn(r -> r.startsWith("/b/")).hasSize(4);
    }

    @Test
    void rejectsABodyCutShortAndLeavesNothingBehind() throws IOException {
        behaviour.put("a", Behaviour.TRUNCATED);
        MnistDownloader d = downloader(Duration.ofSeconds(2), mirror("a"));
        assertThatThrownBy(() -> d.download(MnistFile.TRAIN_IMAGES, locator().cacheDir(), 1, 1, DownloadListener.NONE))
                .isInstanceOf(MnistDownloadException.class)
                .satisfies(e -> assertThat(((MnistDownloadException) e).failures()).singleElement()
                        .asString().containsPattern("(body ended|body broke off) after \\d+ of \\d+ bytes"));
        assertThat(cacheContents()).isEmpty();
    }

    @Test
    void rejectsAChecksumMismatchAndLeavesNothingBehind() throws IOException {
        behaviour.put("a", Behaviour.CORRUPT);
        MnistDownloader d = downloader(Duration.ofSeconds(2), mirror("a"));
        assertThatThrownBy(() -> d.download(MnistFile.TRAIN_LABELS, locator().cacheDir(), 1, 1, DownloadListener.NONE))
                .isInstanceOf(MnistDownloadException.class)
                .hasMessageContaining("SHA-256 of the decoded bytes is ")
                .hasMessageContaining("expected " + sums.get(MnistFile.TRAIN_LABELS));
        assertThat(cacheContents()).isEmpty();
    }

    @Test
    void givesUpOnAStalledServerAfterTheReadTimeoutAndTriesTheNextMirror() throws IOException {
        behaviour.put("a", Behaviour.SLOW);
        List<String> failures = new ArrayList<>();
        DownloadListener listener = new DownloadListener() {
            @Override
            public void onProgress(DownloadProgress p) {}

            @Override
            public void onMirrorFailed(MnistFile file, URI url, String reason) {
                failures.add(reason);
            }
        };
        long t0 = System.nanoTime();
        Path got = downloader(Duration.ofMillis(300), mirror("a"), mirror("b"))
                .download(MnistFile.TEST_IMAGES, locator().cacheDir(), 1, 1, listener);
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertThat(failures).singleElement().asString().contains("read timeout");
        assertThat(got.getFileName().toString()).isEqualTo("t10k-images-idx3-ubyte.gz");
        assertThat(seconds).as("gave up long before the server's 10 s stall").isLessThan(5.0);
        assertThat(cacheContents()).containsExactly("t10k-images-idx3-ubyte.gz");
    }

    @Test
    void withoutAnyReachableMirrorSaysWhereToPutTheFiles() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        URI dead = URI.create("http://127.0.0.1:" + closedPort + "/mnist/");
        MnistLocator locator = locator();
        assertThatThrownBy(() -> locator.locate(downloader(Duration.ofSeconds(2), dead), DownloadListener.NONE))
                .isInstanceOf(MnistDownloadException.class)
                .hasMessageContaining(dead + "train-images-idx3-ubyte.gz: cannot connect")
                .hasMessageContaining(locator.cacheDir().toString())
                .hasMessageContaining("INKLING_MNIST")
                .hasMessageContaining("--data DIR")
                .hasMessageContaining("train-images-idx3-ubyte\n")
                .hasMessageContaining("train-labels-idx1-ubyte\n")
                .hasMessageContaining("t10k-images-idx3-ubyte\n")
                .hasMessageContaining("t10k-labels-idx1-ubyte\n");
        assertThat(cacheContents()).isEmpty();
    }
}
