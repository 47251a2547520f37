package org.inkling.data;

import org.inkling.base.AtomicFiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Downloads the MNIST files into a cache folder from a list of public mirrors, trying the next
 * mirror when one fails (unreachable, HTTP error, timeout, body cut short, wrong checksum).
 *
 * <p>A file counts as delivered only when the SHA-256 of its decoded bytes matches the expected
 * value ({@link MnistFile#sha256()} by default), so the mirror may serve it gzipped or not. It is
 * written to a temporary file in the cache folder and moved into place only after verification,
 * so an interrupted or bad download never leaves a file that looks finished.
 *
 * <p>Uses {@link HttpURLConnection} because it has a true read timeout (per blocking read), which
 * is what catches a server that stalls in the middle of a body.
 */
public final class MnistDownloader {
    /** Public mirrors of the original files, tried in order. Each serves {@code <name>.gz}. */
    public static final List<URI> DEFAULT_MIRRORS = List.of(
            URI.create("https://ossci-datasets.s3.amazonaws.com/mnist/"),
            URI.create("https://storage.googleapis.com/cvdf-datasets/mnist/"));

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(15);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

    /** The largest MNIST file is 47 MB decoded (9.9 MB gzipped); more than this is not MNIST. */
    private static final long MAX_BODY_BYTES = 64L << 20;
    private static final int CHUNK = 1 << 16;

    private final List<URI> mirrors;
    private final Map<MnistFile, String> sha256;
    private final int connectTimeoutMillis;
    private final int readTimeoutMillis;

    /** The default mirrors, timeouts and canonical checksums. */
    public MnistDownloader() {
        this(DEFAULT_MIRRORS, DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT);
    }

    /** Other mirrors or timeouts, with the canonical checksums. */
    public MnistDownloader(List<URI> mirrors, Duration connectTimeout, Duration readTimeout) {
        this(mirrors, canonicalChecksums(), connectTimeout, readTimeout);
    }

    /**
     * Full control, for tests that serve small synthetic files.
     *
     * @param mirrors base URLs; a file is fetched from {@code base.resolve(name + ".gz")}
     * @param sha256 expected lower-case hex SHA-256 of each file's decoded bytes
     */
    public MnistDownloader(List<URI> mirrors, Map<MnistFile, String> sha256, Duration connectTimeout,
            Duration readTimeout) {
        if (mirrors.isEmpty()) {
            throw new IllegalArgumentException("at least one mirror is needed");
        }
        this.mirrors = mirrors.stream().map(MnistDownloader::asDirectory).toList();
        EnumMap<MnistFile, String> sums = new EnumMap<>(MnistFile.class);
        for (MnistFile f : MnistFile.values()) {
            String s = sha256.get(f);
            if (s == null || !s.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("no valid SHA-256 for " + f.fileName() + ": " + s);
            }
            sums.put(f, s);
        }
        this.sha256 = sums;
        this.connectTimeoutMillis = millis(connectTimeout, "connect timeout");
        this.readTimeoutMillis = millis(readTimeout, "read timeout");
    }

    /** The mirrors in the order they are tried. */
    public List<URI> mirrors() {
        return mirrors;
    }

    private static Map<MnistFile, String> canonicalChecksums() {
        Map<MnistFile, String> m = new EnumMap<>(MnistFile.class);
        for (MnistFile f : MnistFile.values()) {
            m.put(f, f.sha256());
        }
        return m;
    }

    private static URI asDirectory(URI u) {
        String s = u.toString();
        return s.endsWith("/") ? u : URI.create(s + "/");
    }

    private static int millis(Duration d, String what) {
        if (d.isNegative() || d.isZero() || d.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(what + " must be positive and finite, got " + d);
        }
        return (int) d.toMillis();
    }

    /**
     * Downloads every MNIST file not yet in {@code dir} (under either its plain or its .gz name).
     * Files already there are left alone; {@link IdxReader} checks them when they are read.
     */
    public void downloadMissing(Path dir, DownloadListener listener) throws IOException {
        Map<MnistFile, Path> present = MnistLocator.scan(dir);
        List<MnistFile> todo = new ArrayList<>();
        for (MnistFile f : MnistFile.values()) {
            if (!present.containsKey(f)) {
                todo.add(f);
            }
        }
        for (int k = 0; k < todo.size(); k++) {
            download(todo.get(k), dir, k + 1, todo.size(), listener);
        }
    }

    /**
     * Downloads one file into {@code dir}, trying each mirror in turn.
     *
     * @return the verified file: {@code name.gz} if the mirror served gzip, else {@code name}
     * @throws MnistDownloadException when every mirror fails; the message lists each failure and
     *     says where to put the files by hand
     */
    public Path download(MnistFile file, Path dir, int fileNumber, int fileCount, DownloadListener listener)
            throws IOException {
        Files.createDirectories(dir);
        List<String> failures = new ArrayList<>();
        for (URI mirror : mirrors) {
            URI url = mirror.resolve(file.gzipName());
            try {
                return fetchVerified(file, url, dir, fileNumber, fileCount, listener);
            } catch (InterruptedIOException e) {
                if (!(e instanceof SocketTimeoutException)) {
                    throw e; // cancelled by the user: stop, do not try the next mirror
                }
                String reason = describe(e);
                failures.add(url + ": " + reason);
                listener.onMirrorFailed(file, url, reason);
            } catch (IOException e) {
                String reason = describe(e);
                failures.add(url + ": " + reason);
                listener.onMirrorFailed(file, url, reason);
            }
        }
        throw new MnistDownloadException(helpMessage(file, dir, failures), failures);
    }

    private Path fetchVerified(MnistFile file, URI url, Path dir, int fileNumber, int fileCount,
            DownloadListener listener) throws IOException {
        Path tmp = AtomicFiles.temporarySibling(dir.resolve(file.fileName()));
        boolean moved = false;
        try {
            fetch(file, fileNumber, fileCount, url, tmp, listener);
            String actual = decodedSha256(tmp);
            String expected = sha256.get(file);
            if (!actual.equals(expected)) {
                throw new IOException("SHA-256 of the decoded bytes is " + actual + ", expected " + expected
                        + " (damaged or different file)");
            }
            Path target = dir.resolve(isGzip(tmp) ? file.gzipName() : file.fileName());
            AtomicFiles.replace(tmp, target);
            moved = true;
            return target;
        } finally {
            if (!moved) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /** Writes the body at {@code url} to {@code tmp}, reporting progress; fails if it is not whole. */
    private void fetch(MnistFile file, int fileNumber, int fileCount, URI url, Path tmp, DownloadListener listener)
            throws IOException {
        HttpURLConnection c = (HttpURLConnection) url.toURL().openConnection();
        c.setConnectTimeout(connectTimeoutMillis);
        c.setReadTimeout(readTimeoutMillis);
        c.setInstanceFollowRedirects(true);
        c.setRequestProperty("User-Agent", "Inkling MNIST downloader");
        try {
            int code = c.getResponseCode();
            if (code != HttpURLConnection.HTTP_OK) {
                String msg = c.getResponseMessage();
                throw new IOException("HTTP " + code + (msg == null ? "" : " " + msg));
            }
            long total = c.getContentLengthLong();
            if (total > MAX_BODY_BYTES) {
                throw new IOException("announces " + total + " bytes, far more than an MNIST file");
            }
            listener.onProgress(new DownloadProgress(file, fileNumber, fileCount, url, 0, total));
            long done = 0;
            try (InputStream in = c.getInputStream(); OutputStream out = Files.newOutputStream(tmp)) {
                byte[] buf = new byte[CHUNK];
                int r;
                while ((r = in.read(buf)) >= 0) {
                    if (Thread.currentThread().isInterrupted()) {
                        throw new InterruptedIOException("download of " + url + " cancelled");
                    }
                    out.write(buf, 0, r);
                    done += r;
                    if (done > MAX_BODY_BYTES) {
                        throw new IOException("sent more than " + MAX_BODY_BYTES + " bytes, far more than an MNIST file");
                    }
                    listener.onProgress(new DownloadProgress(file, fileNumber, fileCount, url, done, total));
                }
            } catch (IOException e) {
                if (e instanceof SocketTimeoutException) {
                    throw new SocketTimeoutException("no data for " + readTimeoutMillis + " ms after " + done
                            + (total >= 0 ? " of " + total : "") + " bytes (read timeout)");
                }
                if (e instanceof InterruptedIOException) {
                    throw e;
                }
                throw new IOException("body broke off after " + done + (total >= 0 ? " of " + total : "")
                        + " bytes: " + e.getMessage(), e);
            }
            if (total >= 0 && done != total) {
                throw new IOException("body ended after " + done + " of " + total + " bytes");
            }
        } finally {
            c.disconnect();
        }
    }

    private static String decodedSha256(Path file) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
        try (InputStream in = new DigestInputStream(IdxReader.decode(Files.newInputStream(file), file.toString()), md)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (MnistFileException e) {
            throw new IOException("received data cannot be decoded: " + e.problem(), e);
        } catch (IOException e) {
            throw new IOException("received gzip data cannot be decoded (damaged or cut short): " + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static boolean isGzip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    private static String describe(IOException e) {
        if (e instanceof UnknownHostException) {
            return "unknown host " + e.getMessage() + " (no network or no DNS?)";
        }
        if (e instanceof ConnectException) {
            return "cannot connect (" + e.getMessage() + ")";
        }
        if (e instanceof SocketTimeoutException) {
            String m = e.getMessage();
            return m != null && m.toLowerCase(Locale.ROOT).contains("connect") ? "connect timed out" : "timed out: " + m;
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static String helpMessage(MnistFile file, Path dir, List<String> failures) {
        StringBuilder sb = new StringBuilder();
        sb.append("Could not download MNIST file ").append(file.gzipName()).append(" from any mirror:\n");
        for (String f : failures) {
            sb.append("  ").append(f).append('\n');
        }
        sb.append("To use MNIST without a download, put the four files\n");
        for (MnistFile f : MnistFile.values()) {
            sb.append("  ").append(f.fileName()).append('\n');
        }
        sb.append("(each may be gzipped, with .gz added to its name) into ").append(dir)
                .append(",\nor into a folder named by the ").append(MnistLocator.ENV)
                .append(" environment variable, or pass that folder with --data DIR.");
        return sb.toString();
    }
}
