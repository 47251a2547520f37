package org.inkling.cli;

import java.net.URI;
import org.inkling.data.DownloadListener;
import org.inkling.data.DownloadProgress;
import org.inkling.data.MnistFile;

/** Draws MNIST download progress on standard error, so {@code --json} output on standard out stays clean. */
final class ConsoleDownloadListener implements DownloadListener {
    private final ProgressBar bar = ProgressBar.forStderr();
    private final long start = System.nanoTime();
    private MnistFile current;

    @Override
    public void onProgress(DownloadProgress p) {
        if (p.file() != current) {
            current = p.file();
            System.err.printf("Downloading %s (%d/%d) from %s%n", p.file().gzipName(), p.fileNumber(), p.fileCount(), p.url());
        }
        long total = p.bytesTotal() > 0 ? p.bytesTotal() : Math.max(p.bytesDone(), 1);
        double seconds = (System.nanoTime() - start) / 1e9;
        String size = String.format(java.util.Locale.ROOT, "%.1f MB", p.bytesDone() / 1e6);
        if (p.bytesDone() >= total) bar.finish(total / 1024, seconds, size);
        else bar.update(p.bytesDone() / 1024, total / 1024, seconds, size);
    }

    @Override
    public void onMirrorFailed(MnistFile file, URI url, String reason) {
        System.err.printf("  %s failed from %s: %s; trying the next mirror%n", file.gzipName(), url, reason);
    }
}
