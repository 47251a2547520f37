package org.inkling.data;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Where the tests find MNIST: the way the app does, plus the copy this team keeps beside the
 * checkout. In order: {@code -Dinkling.mnist=DIR}, {@code $INKLING_MNIST}, {@code ../shared/data/mnist}
 * when it holds the four files, the user cache {@code ~/.cache/inkling/mnist}, else (only from
 * {@link #main}) the checksum-verified download into that cache.
 *
 * <p>{@link #main} runs once before the tests (the pom's {@code test-mnist} execution, in the
 * {@code process-test-classes} phase): a machine without MNIST and without internet stops the build
 * there with one message saying where to put the four files, instead of a dozen tests failing one by
 * one and the window tests waiting for data that cannot come. The tests then call {@link #dir()},
 * which only looks (no download) and finds what the check found or fetched.
 */
public final class TestMnist {
    /** Beside the checkout, where this project's machines keep a copy. */
    static final Path SHARED = Path.of("../shared/data/mnist");
    /** Short, so that offline the check gives up in seconds, not minutes (two mirrors are tried). */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(6);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private TestMnist() {}

    /** The folder holding the four files, without downloading; fails with {@link #HOW_TO} when there is none. */
    public static Path dir() {
        try {
            return find(System.getProperty("inkling.mnist"), System.getenv(), SHARED, userHome(), null);
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * Resolves the folder; with a {@code downloader}, a missing cache is filled from the mirrors.
     * A folder named by the property or the environment must hold all four files (a mistake there is
     * reported, not papered over by another copy).
     */
    static Path find(String property, Map<String, String> env, Path shared, Path home, MnistDownloader downloader) throws IOException {
        if (property != null && !property.isBlank()) {
            return named(Path.of(property), "-Dinkling.mnist");
        }
        String envDir = env.get(MnistLocator.ENV);
        if (envDir != null && !envDir.isBlank()) {
            return named(Path.of(envDir), MnistLocator.ENV);
        }
        if (MnistLocator.scan(shared).size() == MnistFile.values().length) {
            return shared;
        }
        MnistLocator cache = new MnistLocator(null, Map.of(), home);
        if (cache.findLocal().isPresent()) {
            return cache.cacheDir();
        }
        if (downloader == null) {
            throw new MnistFileException(cache.cacheDir().toString(), "does not hold MNIST.\n" + HOW_TO);
        }
        try {
            cache.locate(downloader, new Progress());
        } catch (MnistDownloadException e) {
            throw new MnistFileException(cache.cacheDir().toString(),
                    "MNIST is not on this machine and could not be downloaded ("
                            + String.join("; ", e.failures()) + ").\n" + HOW_TO, e);
        }
        return cache.cacheDir();
    }

    /** What the one message says. */
    static final String HOW_TO = """
            The tests train and check on the real MNIST. Put the four files
              train-images-idx3-ubyte  train-labels-idx1-ubyte  t10k-images-idx3-ubyte  t10k-labels-idx1-ubyte
            (each may be gzipped, with .gz added to its name) into ~/.cache/inkling/mnist,
            or into a folder you name with -Dinkling.mnist=DIR or the INKLING_MNIST environment variable.
            With internet access the build downloads them into ~/.cache/inkling/mnist by itself.""";

    private static Path named(Path dir, String how) throws MnistFileException {
        if (MnistLocator.scan(dir).size() != MnistFile.values().length) {
            throw new MnistFileException(dir.toString(), "(given by " + how + ") does not hold the four MNIST files.\n" + HOW_TO);
        }
        return dir;
    }

    private static Path userHome() {
        return MnistLocator.userHome(System.getenv());
    }

    /** The check before the tests: exit 0 with the folder found, or 1 with the one message. */
    public static void main(String[] args) {
        long t0 = System.nanoTime();
        try {
            MnistDownloader downloader = new MnistDownloader(MnistDownloader.DEFAULT_MIRRORS, CONNECT_TIMEOUT, READ_TIMEOUT);
            Path dir = find(System.getProperty("inkling.mnist"), System.getenv(), SHARED, userHome(), downloader);
            System.out.println("MNIST for the tests: " + dir.toAbsolutePath().normalize());
        } catch (IOException | RuntimeException e) {
            System.err.printf("%nNo MNIST for the tests (looked for %.1f s): %s%n%n", (System.nanoTime() - t0) / 1e9, e.getMessage());
            System.exit(1);
        }
    }

    /** Download progress, one line per file (Maven's log is not a terminal). */
    private static final class Progress implements DownloadListener {
        private MnistFile current;

        @Override
        public void onProgress(DownloadProgress p) {
            if (p.file() != current) {
                current = p.file();
                System.out.printf("Downloading %s (%d/%d) from %s%n", p.file().gzipName(), p.fileNumber(), p.fileCount(), p.url());
            }
        }

        @Override
        public void onMirrorFailed(MnistFile file, URI url, String reason) {
            System.out.printf("  %s failed from %s: %s%n", file.gzipName(), url, reason);
        }
    }

}
